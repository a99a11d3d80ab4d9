package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.PlatformConfiguration;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** 改期: the day and hours a booking moves to, in the same room. */
public class MoveForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime from;
  @NotNull(message = "{meeting.timeRequired}")
  @DateTimeFormat(pattern = "HH:mm") private LocalTime to;

  /** The form as the booking stands now, for the booking's page. */
  static MoveForm of(MeetingBooking booking) {
    ZonedDateTime start = booking.start().atZoneSameInstant(PlatformConfiguration.ZONE);
    var form = new MoveForm();
    form.date = start.toLocalDate();
    form.from = start.toLocalTime();
    form.to = booking.end().atZoneSameInstant(PlatformConfiguration.ZONE).toLocalTime();
    return form;
  }

  OffsetDateTime start() {
    return BookingForm.at(date, from);
  }

  OffsetDateTime end() {
    return BookingForm.at(date, to);
  }

  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public LocalTime getFrom() { return from; }
  public void setFrom(LocalTime from) { this.from = from; }
  public LocalTime getTo() { return to; }
  public void setTo(LocalTime to) { this.to = to; }
}
