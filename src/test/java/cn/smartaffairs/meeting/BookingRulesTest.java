package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a meeting-room booking on their own: no database, no Spring. */
class BookingRulesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 14);
  private static final MeetingRoom ROOM = new MeetingRoom(1, 1, "第一会议室", "1号楼", "3", 20, List.of(), false,
      LocalTime.of(8, 0), LocalTime.of(18, 0));

  private static OffsetDateTime at(int hour, int minute) {
    return BookingRules.at(DAY, LocalTime.of(hour, minute));
  }

  private static MeetingBooking booked(int fromHour, int toHour) {
    return new MeetingBooking(9, ROOM.id(), "周例会", 10, at(fromHour, 0), at(toHour, 0), 5, BookingStatus.ACTIVE, null,
        null, null,
        null);
  }

  private static String keyOf(Runnable rule) {
    try {
      rule.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  private static CurrentUser person(Long unitId, Role role) {
    return new CurrentUser(3, "someone", "某人", "", 30L, 1, unitId, true, false,
        List.of(new RoleGrant(role, 1L, unitId)), Set.of());
  }

  @Test
  void aBookingNamesItsMeetingAndSeatsNoMoreThanTheRoomHolds() {
    assertThat(BookingRules.checkSubject("  周例会 ")).isEqualTo("周例会");
    assertThat(keyOf(() -> BookingRules.checkSubject(" "))).isEqualTo("meeting.subjectRequired");
    assertThat(keyOf(() -> BookingRules.checkSubject("会".repeat(201)))).isEqualTo("meeting.subjectRequired");
    assertThatCode(() -> BookingRules.checkAttendees(ROOM, 20)).doesNotThrowAnyException();
    assertThat(keyOf(() -> BookingRules.checkAttendees(ROOM, 21))).isEqualTo("meeting.tooManyAttendees");
    assertThat(keyOf(() -> BookingRules.checkAttendees(ROOM, 0))).isEqualTo("meeting.attendeesRequired");
  }

  @Test
  void theMeetingClassIsOneToFourWhenGiven() {
    assertThatCode(() -> BookingRules.checkMeetingClass(null)).doesNotThrowAnyException();
    assertThatCode(() -> BookingRules.checkMeetingClass(4)).doesNotThrowAnyException();
    assertThat(keyOf(() -> BookingRules.checkMeetingClass(5))).isEqualTo("meeting.classInvalid");
    assertThat(keyOf(() -> BookingRules.checkMeetingClass(0))).isEqualTo("meeting.classInvalid");
  }

  @Test
  void aBookingEndsAfterItStartsAndNotInThePast() {
    var now = at(9, 0).toInstant();
    assertThatCode(() -> BookingRules.checkTime(at(10, 0), at(11, 0), now)).doesNotThrowAnyException();
    assertThat(keyOf(() -> BookingRules.checkTime(at(10, 0), at(10, 0), now))).isEqualTo("meeting.endNotAfterStart");
    assertThat(keyOf(() -> BookingRules.checkTime(at(8, 30), at(10, 0), now))).isEqualTo("meeting.inThePast");
    assertThat(keyOf(() -> BookingRules.checkTime(null, at(10, 0), now))).isEqualTo("meeting.timeRequired");
  }

  @Test
  void aBookingLiesWithinOneDaysOpeningHours() {
    assertThat(BookingRules.opens(ROOM, at(8, 0), at(18, 0))).isTrue();
    assertThat(BookingRules.opens(ROOM, at(7, 30), at(9, 0))).isFalse();
    assertThat(BookingRules.opens(ROOM, at(17, 0), at(18, 30))).isFalse();
    assertThat(BookingRules.opens(ROOM, at(17, 0), at(9, 0).plusDays(1))).isFalse();
    assertThat(keyOf(() -> BookingRules.checkOpen(ROOM, at(7, 0), at(9, 0)))).isEqualTo("meeting.outsideOpeningHours");
  }

  @Test
  void aRoomWithoutPermitsIsOpenToTheRegionOtherwiseToItsUnitsRolesAndMeetingManagers() {
    var openToAll = new RoomAccess(1, List.of(), List.of());
    var financeOnly = new RoomAccess(1, List.of(7L), List.of());
    assertThat(BookingRules.mayBook(openToAll, person(8L, Role.STAFF))).isTrue();
    assertThat(BookingRules.mayBook(financeOnly, person(8L, Role.STAFF))).isFalse();
    assertThat(BookingRules.mayBook(financeOnly, person(7L, Role.STAFF))).isTrue();
    assertThat(BookingRules.mayBook(financeOnly, person(8L, Role.MEETING_MANAGER))).isTrue();
    assertThat(BookingRules.mayBook(new RoomAccess(1, List.of(), List.of(Role.UNIT_HEAD)), person(8L, Role.UNIT_HEAD)))
        .isTrue();
  }

  @Test
  void theFreeStretchesAreTheOpeningHoursLessTheBookings() {
    assertThat(BookingRules.gaps(ROOM, DAY, List.of(booked(9, 10), booked(14, 16))))
        .containsExactly(new TimeSlot(at(8, 0), at(9, 0)), new TimeSlot(at(10, 0), at(14, 0)),
            new TimeSlot(at(16, 0), at(18, 0)));
    assertThat(BookingRules.gaps(ROOM, DAY, List.of())).containsExactly(new TimeSlot(at(8, 0), at(18, 0)));
  }

  @Test
  void threeFreeSlotsNearestTheWantedStartAreSuggestedNeverInThePast() {
    // 09:00–12:00 is taken; an hour wanted at 10:00, asked at 08:15
    var suggested = BookingRules.suggestions(ROOM, DAY, List.of(booked(9, 12)), at(10, 0), Duration.ofHours(1),
        at(8, 15));
    assertThat(suggested).containsExactly(new TimeSlot(at(12, 0), at(13, 0)), new TimeSlot(at(12, 30), at(13, 30)),
        new TimeSlot(at(13, 0), at(14, 0)));
    // at 08:00 the slot before the meeting would still be free
    assertThat(BookingRules.suggestions(ROOM, DAY, List.of(booked(9, 12)), at(10, 0), Duration.ofHours(1), at(7, 0)))
        .first().isEqualTo(new TimeSlot(at(8, 0), at(9, 0)));
  }
}
