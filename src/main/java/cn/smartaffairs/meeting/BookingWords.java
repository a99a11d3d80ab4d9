package cn.smartaffairs.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A booking in words, in the reader's language: "第一会议室 12月6日 10:00–11:00" / "第一会议室 on 6 Dec 10:00–11:00",
 * as the success message after booking and the approver's summary say it.
 */
@Component
class BookingWords {

  private final MessageSource messages;

  BookingWords(MessageSource messages) {
    this.messages = messages;
  }

  /** "12月6日" / "6 Dec". */
  String day(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofPattern(text("meeting.words.dayPattern", locale), locale).format(date);
  }

  /** "12月6日 10:00–11:00" / "6 Dec 10:00–11:00". */
  String when(OffsetDateTime start, OffsetDateTime end, Locale locale) {
    return day(start.toLocalDate(), locale) + " " + new TimeSlot(start, end).hours();
  }

  /** "12月6日至12月27日每周 10:00–11:00，共 4 次" for the occurrences of a series, first to last. */
  String series(List<MeetingBooking> occurrences, String frequency, Locale locale) {
    MeetingBooking first = occurrences.get(0);
    MeetingBooking last = occurrences.get(occurrences.size() - 1);
    return text("meeting.words.series", locale, day(first.start().toLocalDate(), locale),
        day(last.start().toLocalDate(), locale), text("meeting.frequency." + frequency, locale),
        new TimeSlot(first.start(), first.end()).hours(), occurrences.size());
  }

  /** What the page says after a booking was made: booked, or held until its approval is decided. */
  String booked(MeetingRoom room, MeetingBooking booking, Locale locale) {
    return text(booking.awaitingApproval() ? "meeting.words.bookedPending" : "meeting.words.booked", locale,
        room.name(), when(booking.start(), booking.end(), locale));
  }

  /** The same for a series, naming its first and last day, rule, time and number of meetings. */
  String booked(MeetingRoom room, MeetingSeries series, Locale locale) {
    boolean pending = series.occurrences().stream().anyMatch(MeetingBooking::awaitingApproval);
    return text(pending ? "meeting.words.bookedSeriesPending" : "meeting.words.bookedSeries", locale, room.name(),
        series(series.occurrences(), series.frequency(), locale));
  }

  String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
