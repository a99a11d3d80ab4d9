package cn.smartaffairs.space.rental;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/** A property to let (可出租房产): a room, or part of a building with its own area; kept when refused. */
public class LettableForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String name;
  @NotNull private Long buildingId;
  private Long roomId;
  @Positive(message = "{space.rental.areaInvalid}")
  @Digits(integer = 8, fraction = 2, message = "{space.rental.areaInvalid}") private BigDecimal areaM2;
  @Size(max = 100) private String purpose;

  RentalRecords.NewLettable toNewLettable() {
    return new RentalRecords.NewLettable(name, buildingId, roomId, areaM2, purpose);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Long getBuildingId() { return buildingId; }
  public void setBuildingId(Long buildingId) { this.buildingId = buildingId; }
  public Long getRoomId() { return roomId; }
  public void setRoomId(Long roomId) { this.roomId = roomId; }
  public BigDecimal getAreaM2() { return areaM2; }
  public void setAreaM2(BigDecimal areaM2) { this.areaM2 = areaM2; }
  public String getPurpose() { return purpose; }
  public void setPurpose(String purpose) { this.purpose = purpose; }
}
