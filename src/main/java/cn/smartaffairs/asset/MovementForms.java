package cn.smartaffairs.asset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of an asset's page that move it: issue to a person, return, transfer to another unit. */
final class MovementForms {

  private MovementForms() {}

  /** 领用: to whom, from which day, optionally into which room. */
  public static class IssueForm implements Serializable {
    @NotNull private Long keeperStaffId;
    private Long roomId;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate onDate;

    public Long getKeeperStaffId() { return keeperStaffId; }
    public void setKeeperStaffId(Long keeperStaffId) { this.keeperStaffId = keeperStaffId; }
    public Long getRoomId() { return roomId; }
    public void setRoomId(Long roomId) { this.roomId = roomId; }
    public LocalDate getOnDate() { return onDate; }
    public void setOnDate(LocalDate onDate) { this.onDate = onDate; }
  }

  /** 退还: from which day. */
  public static class ReturnForm implements Serializable {
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate onDate;

    public LocalDate getOnDate() { return onDate; }
    public void setOnDate(LocalDate onDate) { this.onDate = onDate; }
  }

  /** 调拨: to which unit, from which day, why. */
  public static class TransferForm implements Serializable {
    @NotNull private Long toUnitId;
    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate onDate;
    @Size(max = 200) private String note;

    public Long getToUnitId() { return toUnitId; }
    public void setToUnitId(Long toUnitId) { this.toUnitId = toUnitId; }
    public LocalDate getOnDate() { return onDate; }
    public void setOnDate(LocalDate onDate) { this.onDate = onDate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
  }
}
