package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 周期预订 as a room's day binds it: every week or every day from the first date until the last, the same hours,
 * leaving out the dates typed as exceptions ("2026-12-14, 2026-12-21") and, if asked, those another booking holds.
 */
public class SeriesForm implements Serializable {

  @NotNull private Long roomId;
  @NotBlank(message = "{meeting.subjectRequired}")
  @Size(max = 200, message = "{meeting.subjectRequired}") private String subject;
  @NotNull(message = "{meeting.attendeesRequired}")
  @Positive(message = "{meeting.attendeesRequired}") private Integer attendees;
  @NotBlank private String frequency = "WEEKLY";
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate firstDate;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate untilDate;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime from;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime to;
  @Size(max = 1000) private String exceptions;
  private boolean skipCollisions;
  @Min(value = 1, message = "{meeting.classInvalid}")
  @Max(value = 4, message = "{meeting.classInvalid}") private Integer meetingClass;

  /** The series asked for, once every field was read; exceptions that are no dates break a rule. */
  NewSeries toNewSeries() {
    return new NewSeries(roomId, subject, attendees, frequency, 1, firstDate, untilDate, from, to, skippedDates(),
        skipCollisions, meetingClass);
  }

  /** The dates typed as exceptions, separated by commas (also "，") or spaces. */
  List<LocalDate> skippedDates() {
    if (exceptions == null || exceptions.isBlank()) {
      return List.of();
    }
    try {
      return Arrays.stream(exceptions.strip().split("[,，\\s]+")).filter(s -> !s.isBlank()).map(LocalDate::parse)
          .toList();
    } catch (DateTimeParseException e) {
      throw new BusinessRuleException("meeting.exceptionsInvalid", e.getParsedString());
    }
  }

  public Long getRoomId() { return roomId; }
  public void setRoomId(Long roomId) { this.roomId = roomId; }
  public String getSubject() { return subject; }
  public void setSubject(String subject) { this.subject = subject; }
  public Integer getAttendees() { return attendees; }
  public void setAttendees(Integer attendees) { this.attendees = attendees; }
  public String getFrequency() { return frequency; }
  public void setFrequency(String frequency) { this.frequency = frequency; }
  public LocalDate getFirstDate() { return firstDate; }
  public void setFirstDate(LocalDate firstDate) { this.firstDate = firstDate; }
  public LocalDate getUntilDate() { return untilDate; }
  public void setUntilDate(LocalDate untilDate) { this.untilDate = untilDate; }
  public LocalTime getFrom() { return from; }
  public void setFrom(LocalTime from) { this.from = from; }
  public LocalTime getTo() { return to; }
  public void setTo(LocalTime to) { this.to = to; }
  public String getExceptions() { return exceptions; }
  public void setExceptions(String exceptions) { this.exceptions = exceptions; }
  public boolean isSkipCollisions() { return skipCollisions; }
  public void setSkipCollisions(boolean skipCollisions) { this.skipCollisions = skipCollisions; }
  public Integer getMeetingClass() { return meetingClass; }
  public void setMeetingClass(Integer meetingClass) { this.meetingClass = meetingClass; }
}
