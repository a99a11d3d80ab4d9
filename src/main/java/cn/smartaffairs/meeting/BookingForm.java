package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.PlatformConfiguration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 预订会议室 as the rooms page binds it: a room the finder offered, the day and the hours, the subject, how many come
 * and the meeting class; the finder's equipment filter rides along so that the page comes back with it.
 */
public class BookingForm implements Serializable {

  @NotNull private Long roomId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime from;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime to;
  @NotBlank(message = "{meeting.subjectRequired}")
  @Size(max = 200, message = "{meeting.subjectRequired}") private String subject;
  @NotNull(message = "{meeting.attendeesRequired}")
  @Positive(message = "{meeting.attendeesRequired}") private Integer attendees;
  @Min(value = 1, message = "{meeting.classInvalid}")
  @Max(value = 4, message = "{meeting.classInvalid}") private Integer meetingClass;
  private List<Equipment> equipment = new ArrayList<>();

  NewBooking toNewBooking() {
    return new NewBooking(roomId, at(date, from), at(date, to), subject, attendees, meetingClass);
  }

  /** A day and a time of day in Beijing time. */
  static OffsetDateTime at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(PlatformConfiguration.ZONE).toOffsetDateTime();
  }

  public Long getRoomId() { return roomId; }
  public void setRoomId(Long roomId) { this.roomId = roomId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public LocalTime getFrom() { return from; }
  public void setFrom(LocalTime from) { this.from = from; }
  public LocalTime getTo() { return to; }
  public void setTo(LocalTime to) { this.to = to; }
  public String getSubject() { return subject; }
  public void setSubject(String subject) { this.subject = subject; }
  public Integer getAttendees() { return attendees; }
  public void setAttendees(Integer attendees) { this.attendees = attendees; }
  public Integer getMeetingClass() { return meetingClass; }
  public void setMeetingClass(Integer meetingClass) { this.meetingClass = meetingClass; }
  public List<Equipment> getEquipment() { return equipment; }
  public void setEquipment(List<Equipment> equipment) {
    this.equipment = equipment == null ? new ArrayList<>() : equipment;
  }
}
