package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The pure rules of a meeting-room booking, apart from the database: what a booking must state, when a room is open,
 * who may book it, and which free slots to offer when the wanted one is taken. Each rule throws the domain exception
 * the person sees; {@link MeetingRooms} loads the room and its bookings, asks these rules and saves.
 */
final class BookingRules {

  /** Suggested slots start on the half-hour grid, or right after or before another booking. */
  static final Duration GRID = Duration.ofMinutes(30);
  static final int SUGGESTIONS = 3;

  private BookingRules() {}

  /** A booking names its meeting in 1 to 200 characters; returns the subject trimmed. */
  static String checkSubject(String requested) {
    String subject = requested == null ? "" : requested.trim();
    if (subject.isEmpty() || subject.length() > 200) {
      throw new BusinessRuleException("meeting.subjectRequired");
    }
    return subject;
  }

  /** At least one attendee, and no more than the room seats. */
  static void checkAttendees(MeetingRoom room, Integer attendees) {
    if (attendees == null || attendees <= 0) {
      throw new BusinessRuleException("meeting.attendeesRequired");
    }
    if (attendees > room.capacity()) {
      throw new BusinessRuleException("meeting.tooManyAttendees", attendees, room.name(), room.capacity());
    }
  }

  /** The meeting class (一类 to 四类), if given, is 1 to 4. */
  static void checkMeetingClass(Integer meetingClass) {
    if (meetingClass != null && (meetingClass < 1 || meetingClass > 4)) {
      throw new BusinessRuleException("meeting.classInvalid");
    }
  }

  /** A booking has a start and a later end, and does not start before {@code now}. */
  static void checkTime(OffsetDateTime start, OffsetDateTime end, Instant now) {
    if (start == null || end == null) {
      throw new BusinessRuleException("meeting.timeRequired");
    }
    if (!end.isAfter(start)) {
      throw new BusinessRuleException("meeting.endNotAfterStart");
    }
    if (start.toInstant().isBefore(now)) {
      throw new BusinessRuleException("meeting.inThePast");
    }
  }

  /** Whether the time lies on one day within the room's opening hours (Beijing time). */
  static boolean opens(MeetingRoom room, OffsetDateTime start, OffsetDateTime end) {
    ZonedDateTime from = start.atZoneSameInstant(PlatformConfiguration.ZONE);
    ZonedDateTime to = end.atZoneSameInstant(PlatformConfiguration.ZONE);
    return from.toLocalDate().equals(to.toLocalDate()) && !from.toLocalTime().isBefore(room.opensAt())
        && !to.toLocalTime().isAfter(room.closesAt());
  }

  static void checkOpen(MeetingRoom room, OffsetDateTime start, OffsetDateTime end) {
    if (!opens(room, start, end)) {
      throw new BusinessRuleException("meeting.outsideOpeningHours", room.name(), room.opensAt(), room.closesAt());
    }
  }

  /** Who may book: everyone of the region unless the room names units or roles; meeting managers always. */
  static boolean mayBook(RoomAccess access, CurrentUser by) {
    return access.openToAll() || by.has(Role.MEETING_MANAGER) || access.unitIds().contains(by.unitId())
        || access.roles().stream().anyMatch(by::has);
  }

  /** The stretches of a day within opening hours that none of the (start-ordered) bookings holds. */
  static List<TimeSlot> gaps(MeetingRoom room, LocalDate date, List<MeetingBooking> bookings) {
    List<TimeSlot> gaps = new ArrayList<>();
    OffsetDateTime cursor = at(date, room.opensAt());
    OffsetDateTime closes = at(date, room.closesAt());
    for (MeetingBooking booking : bookings) {
      if (booking.start().isAfter(cursor)) {
        gaps.add(new TimeSlot(cursor, booking.start().isBefore(closes) ? booking.start() : closes));
      }
      if (booking.end().isAfter(cursor)) {
        cursor = booking.end();
      }
    }
    if (cursor.isBefore(closes)) {
      gaps.add(new TimeSlot(cursor, closes));
    }
    return gaps;
  }

  /**
   * Free slots of the given length that day, nearest to the wanted start first, then in time order: on the
   * half-hour grid, right after a booking ends or right before one begins; never before {@code now}, never the
   * wanted start itself; at most three.
   */
  static List<TimeSlot> suggestions(MeetingRoom room, LocalDate date, List<MeetingBooking> bookings,
      OffsetDateTime wanted, Duration length, OffsetDateTime now) {
    List<TimeSlot> gaps = gaps(room, date, bookings);
    var candidates = new TreeSet<OffsetDateTime>();
    OffsetDateTime opens = at(date, room.opensAt());
    for (OffsetDateTime t = opens; t.isBefore(at(date, room.closesAt())); t = t.plus(GRID)) {
      candidates.add(t);
    }
    for (MeetingBooking booking : bookings) {
      candidates.add(booking.end());
      candidates.add(booking.start().minus(length));
    }
    return candidates.stream()
        .filter(start -> !start.isBefore(now) && !start.isEqual(wanted))
        .filter(start -> gaps.stream().anyMatch(gap -> !start.isBefore(gap.start())
            && !start.plus(length).isAfter(gap.end())))
        .sorted(Comparator.comparing((OffsetDateTime start) -> Duration.between(start, wanted).abs())
            .thenComparing(start -> start))
        .limit(SUGGESTIONS)
        .sorted()
        .map(start -> new TimeSlot(start, start.plus(length)))
        .toList();
  }

  static OffsetDateTime at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(PlatformConfiguration.ZONE).toOffsetDateTime();
  }
}
