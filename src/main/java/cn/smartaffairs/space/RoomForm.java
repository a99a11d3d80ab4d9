package cn.smartaffairs.space;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/** A room to register on one of a building's floors (登记房间); a number already taken is the register's refusal. */
public class RoomForm implements Serializable {

  @NotNull private Long floorId;
  @NotBlank
  @Size(max = 30) private String number;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.area}")
  @Digits(integer = 6, fraction = 2, message = "{space.form.area}") private BigDecimal useArea;
  @NotNull private RoomKind kind;
  @Size(max = 200) private String note;

  RoomDraft toDraft(long buildingId) {
    return new RoomDraft(buildingId, floorId, number, useArea, kind, note);
  }

  public Long getFloorId() { return floorId; }
  public void setFloorId(Long floorId) { this.floorId = floorId; }
  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public BigDecimal getUseArea() { return useArea; }
  public void setUseArea(BigDecimal useArea) { this.useArea = useArea; }
  public RoomKind getKind() { return kind; }
  public void setKind(RoomKind kind) { this.kind = kind; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
