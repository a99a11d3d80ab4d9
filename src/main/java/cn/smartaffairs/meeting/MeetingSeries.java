package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A recurring booking: its rule, the dates left out, and its occurrences (each an ordinary booking). */
public record MeetingSeries(long id, long roomId, String subject, int attendees, String frequency, int interval,
    LocalDate firstDate, LocalDate untilDate, LocalTime startTime, LocalTime endTime,
    List<LocalDate> exceptions, SeriesStatus status, long bookedBy,
    List<MeetingBooking> occurrences) {

  public boolean active() {
    return status == SeriesStatus.ACTIVE;
  }

  /**
   * 取消整个周期, once, by its booker or a meeting manager: the series ends, and every occurrence still to come that
   * holds the room is cancelled with it; those already begun stay as they were. Answers the occurrences cancelled.
   */
  List<MeetingBooking> cancel(BookingActor by, Instant now) {
    if (!active()) {
      throw new ConflictException("meeting.alreadyCancelled", subject);
    }
    by.requireMayChangeWhatWasBookedBy(bookedBy);
    return occurrences.stream()
        .filter(occurrence -> occurrence.holdsRoom() && occurrence.start().toInstant().isAfter(now))
        .map(occurrence -> occurrence.cancel(by))
        .toList();
  }
}
