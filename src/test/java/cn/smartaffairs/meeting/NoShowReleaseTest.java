package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.TestClock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A booking nobody checks in to within the region's grace after its start is released; the grace is a rule value. */
@IntegrationTest
class NoShowReleaseTest {

  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired MeetingRooms rooms;
  @Autowired MeetingBookings bookings;
  @Autowired MeetingRules rules;
  @Autowired Accounts accounts;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private String status(long id) {
    return jdbc.sql("select status from meeting_booking where id = :id").param("id", id).query(String.class).single();
  }

  @Test
  void aBookingNotCheckedInWithinFifteenMinutesIsReleasedAndTheRoomIsFreeAgain() {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    long room = MeetingFixtures.room(jdbc, "签到会议室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(30).plusDays(2);
    long absent = rooms.book(new NewBooking(room, at(day, "10:00"), at(day, "11:00"), "没人来的会", 6, null), staff).id();
    long room2 = MeetingFixtures.room(jdbc, "签到会议室乙", 20, false);
    long present = rooms.book(new NewBooking(room2, at(day, "10:00"), at(day, "11:00"), "按时到的会", 6, null), staff).id();
    assertThat(rules.graceMinutes(staff.regionId(), day)).isEqualTo(15);

    clock.stopAt(at(day, "09:40").toInstant());
    assertThatThrownBy(() -> bookings.checkIn(present, staff)).isInstanceOf(BusinessRuleException.class)
        .hasFieldOrPropertyWithValue("messageKey", "meeting.checkInClosed");
    clock.stopAt(at(day, "09:50").toInstant());
    assertThat(bookings.checkIn(present, staff).checkedInAt()).isNotNull();

    clock.stopAt(at(day, "10:14:59").toInstant());
    assertThat(bookings.releaseNoShows(clock.instant())).doesNotContain(absent, present);
    assertThat(status(absent)).isEqualTo("ACTIVE");

    clock.stopAt(at(day, "10:15").toInstant());
    assertThat(bookings.releaseNoShows(clock.instant())).contains(absent).doesNotContain(present);
    assertThat(status(absent)).isEqualTo("RELEASED");
    assertThat(status(present)).isEqualTo("ACTIVE");
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'meeting_booking' and entity_id = :id"
        + " and action = 'RELEASE_NO_SHOW'").param("id", String.valueOf(absent)).query(Long.class).single())
        .isEqualTo(1);
    // the room is free for the rest of the hour
    assertThat(rooms.book(new NewBooking(room, at(day, "10:30"), at(day, "11:00"), "临时借用", 4, null), staff).status())
        .isEqualTo(BookingStatus.ACTIVE);
    assertThatThrownBy(() -> bookings.checkIn(absent, staff)).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aRegionsOwnGraceFromItsEffectiveDateReplacesTheNationalFifteenMinutes() {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    CurrentUser regionAdmin = accounts.loadUserByUsername("region.admin");
    LocalDate from = MeetingFixtures.mondayInWeeks(60).plusDays(ThreadLocalRandom.current().nextInt(0, 300));
    rules.addGraceRule(staff.regionId(), 30, from, regionAdmin);
    assertThatThrownBy(() -> rules.addGraceRule(staff.regionId(), 20, from, staff))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(rules.graceMinutes(staff.regionId(), from.minusDays(1))).isEqualTo(15);
    assertThat(rules.graceMinutes(staff.regionId(), from)).isEqualTo(30);

    long room = MeetingFixtures.room(jdbc, "宽限会议室", 20, false);
    long booking = rooms.book(new NewBooking(room, at(from, "14:00"), at(from, "16:00"), "宽限的会", 6, null), staff).id();
    clock.stopAt(at(from, "14:20").toInstant());
    assertThat(bookings.releaseNoShows(clock.instant())).doesNotContain(booking);
    clock.stopAt(at(from, "14:30").toInstant());
    assertThat(bookings.releaseNoShows(clock.instant())).contains(booking);
  }
}
