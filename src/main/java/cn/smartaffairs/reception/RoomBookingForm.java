package cn.smartaffairs.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** A meeting room for the visit's talks, in a window; attendees default to the guests and three hosts. */
public class RoomBookingForm implements Serializable {

  @NotNull private Long roomId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime start;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime end;
  @Min(1)
  @Max(2000) private Integer attendees;

  ReceptionPlans.RoomLine line() {
    return new ReceptionPlans.RoomLine(roomId, start, end, attendees);
  }

  public Long getRoomId() { return roomId; }
  public void setRoomId(Long roomId) { this.roomId = roomId; }
  public LocalDateTime getStart() { return start; }
  public void setStart(LocalDateTime start) { this.start = start; }
  public LocalDateTime getEnd() { return end; }
  public void setEnd(LocalDateTime end) { this.end = end; }
  public Integer getAttendees() { return attendees; }
  public void setAttendees(Integer attendees) { this.attendees = attendees; }
}
