package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.PlatformConfiguration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** 会务服务 ordered from a booking's page: what, at what time of the meeting's day, and a note for the team. */
public class ServiceOrderForm implements Serializable {

  @NotNull private ServiceKind kind;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime neededAt;
  @Size(max = 500, message = "{meeting.serviceNoteTooLong}") private String note;

  /** The order for a booking, at the given time of the booking's first day. */
  NewServiceOrder toNewOrder(MeetingBooking booking) {
    var day = booking.start().atZoneSameInstant(PlatformConfiguration.ZONE).toLocalDate();
    return new NewServiceOrder(kind.name(), BookingForm.at(day, neededAt), note);
  }

  public ServiceKind getKind() { return kind; }
  public void setKind(ServiceKind kind) { this.kind = kind; }
  public LocalTime getNeededAt() { return neededAt; }
  public void setNeededAt(LocalTime neededAt) { this.neededAt = neededAt; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
