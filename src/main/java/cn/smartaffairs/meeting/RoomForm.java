package cn.smartaffairs.meeting;

import cn.smartaffairs.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A meeting room as its keeper registers or edits it: where it is, its seats and equipment, its opening hours (HH:mm),
 * whether bookings need approval, and the units and roles it is restricted to (none: the whole region may book it).
 */
public class RoomForm implements Serializable {

  @NotBlank(message = "{meeting.admin.nameInvalid}")
  @Size(max = 100, message = "{meeting.admin.nameInvalid}") private String name;
  @NotBlank(message = "{meeting.admin.buildingInvalid}")
  @Size(max = 100, message = "{meeting.admin.buildingInvalid}") private String building;
  @Size(max = 20, message = "{meeting.admin.floorInvalid}") private String floor;
  @NotNull(message = "{meeting.admin.capacityInvalid}")
  @Positive(message = "{meeting.admin.capacityInvalid}")
  @Max(value = 10000, message = "{meeting.admin.capacityInvalid}") private Integer capacity;
  private List<Equipment> equipment = new ArrayList<>();
  private boolean needsApproval;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime opensAt = LocalTime.of(8, 0);
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime closesAt = LocalTime.of(21, 0);
  private List<Long> unitIds = new ArrayList<>();
  private List<Role> roles = new ArrayList<>();

  /** The form as a room stands now, with who may book it. */
  static RoomForm of(MeetingRoom room, RoomAccess access) {
    var form = new RoomForm();
    form.name = room.name();
    form.building = room.building();
    form.floor = room.floor();
    form.capacity = room.capacity();
    form.equipment = new ArrayList<>(room.equipment());
    form.needsApproval = room.needsApproval();
    form.opensAt = room.opensAt();
    form.closesAt = room.closesAt();
    form.unitIds = new ArrayList<>(access.unitIds());
    form.roles = new ArrayList<>(access.roles());
    return form;
  }

  NewRoom toRoom() {
    return new NewRoom(name, building, floor == null || floor.isBlank() ? null : floor.strip(), capacity, equipment,
        needsApproval, opensAt, closesAt);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getBuilding() { return building; }
  public void setBuilding(String building) { this.building = building; }
  public String getFloor() { return floor; }
  public void setFloor(String floor) { this.floor = floor; }
  public Integer getCapacity() { return capacity; }
  public void setCapacity(Integer capacity) { this.capacity = capacity; }
  public List<Equipment> getEquipment() { return equipment; }
  public void setEquipment(List<Equipment> equipment) {
    this.equipment = equipment == null ? new ArrayList<>() : equipment;
  }
  public boolean isNeedsApproval() { return needsApproval; }
  public void setNeedsApproval(boolean needsApproval) { this.needsApproval = needsApproval; }
  public LocalTime getOpensAt() { return opensAt; }
  public void setOpensAt(LocalTime opensAt) { this.opensAt = opensAt; }
  public LocalTime getClosesAt() { return closesAt; }
  public void setClosesAt(LocalTime closesAt) { this.closesAt = closesAt; }
  public List<Long> getUnitIds() { return unitIds; }
  public void setUnitIds(List<Long> unitIds) { this.unitIds = unitIds == null ? new ArrayList<>() : unitIds; }
  public List<Role> getRoles() { return roles; }
  public void setRoles(List<Role> roles) { this.roles = roles == null ? new ArrayList<>() : roles; }
}
