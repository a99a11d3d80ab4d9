package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.RecordedEvents;
import cn.smartaffairs.support.TestClock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Other modules hear when a booking gives its room back: cancelled, or released because nobody checked in. */
@IntegrationTest
class BookingReleasedTest {

  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired MeetingRooms rooms;
  @Autowired MeetingBookings bookings;
  @Autowired Accounts accounts;
  @Autowired ApplicationContext context;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aCancelledBookingIsPublishedWithItsRoomAndTime() {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    long room = MeetingFixtures.room(jdbc, "取消发布会议室", 12, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(41).plusDays(1);
    long booking = rooms.book(new NewBooking(room, at(day, "14:00"), at(day, "15:00"), "取消的会", 6, null), staff).id();

    try (var released = RecordedEvents.of(context, BookingReleased.class)) {
      rooms.cancel(booking, staff);

      assertThat(released.list()).filteredOn(e -> e.bookingId() == booking).containsExactly(new BookingReleased(
          booking, room, staff.regionId(), at(day, "14:00").toInstant(), at(day, "15:00").toInstant(),
          BookingReleased.Reason.CANCELLED));
    }
  }

  @Test
  void aNoShowReleaseIsPublishedAsSuch() {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    long room = MeetingFixtures.room(jdbc, "未签到发布会议室", 12, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(42).plusDays(2);
    long booking = rooms.book(new NewBooking(room, at(day, "10:00"), at(day, "11:00"), "没人来", 6, null), staff).id();

    try (var released = RecordedEvents.of(context, BookingReleased.class)) {
      clock.stopAt(at(day, "10:20").toInstant());
      assertThat(bookings.releaseNoShows(clock.instant())).contains(booking);

      assertThat(released.list()).filteredOn(e -> e.bookingId() == booking).singleElement()
          .extracting(BookingReleased::reason).isEqualTo(BookingReleased.Reason.NO_SHOW);
    }
  }
}
