package cn.smartaffairs.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 报修/报事 as the page binds it; a hotline agent also names the caller. */
public class WorkOrderForm {

  @NotBlank private String category;
  @NotBlank private String priority = "NORMAL";
  @NotBlank
  @Size(max = 2000) private String description;
  @Size(max = 100) private String building;
  @Size(max = 20) private String floor;
  @Size(max = 40) private String room;
  @Size(max = 50) private String requesterName;

  NewWorkOrder toNewOrder() {
    return new NewWorkOrder(category, priority, null, description, building, floor, room, null, requesterName);
  }

  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getPriority() { return priority; }
  public void setPriority(String priority) { this.priority = priority; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getBuilding() { return building; }
  public void setBuilding(String building) { this.building = building; }
  public String getFloor() { return floor; }
  public void setFloor(String floor) { this.floor = floor; }
  public String getRoom() { return room; }
  public void setRoom(String room) { this.room = room; }
  public String getRequesterName() { return requesterName; }
  public void setRequesterName(String requesterName) { this.requesterName = requesterName; }
}
