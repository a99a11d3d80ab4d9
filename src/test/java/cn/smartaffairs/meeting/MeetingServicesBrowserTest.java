package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.support.TestClock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A member of staff orders tea for their meeting and checks in on the booking's page; the meeting manager finds the
 * tea in the services task list and marks it delivered.
 */
@IntegrationTest
class MeetingServicesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired Accounts accounts;
  @Autowired MeetingRooms rooms;
  Browser staff;
  Browser manager;

  @AfterEach
  void tearDown() {
    clock.resume();
    if (staff != null) {
      staff.close();
    }
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void staffOrderTeaAndCheckInAndTheMeetingManagerDeliversIt() {
    long room = MeetingFixtures.room(jdbc, "浏览器会议室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(46).plusDays(3);
    long booking = rooms.book(new NewBooking(room, at(day, "15:00"), at(day, "16:30"), "季度工作推进会", 12, 3),
        accounts.loadUserByUsername("staff")).id();

    staff = Browser.start("http://localhost:" + port);
    staff.signInAs("staff");
    staff.clickAndWaitForPage("#menu-meeting-mine");
    staff.scrollTo("#booking-" + booking);
    staff.clickAndWaitForPage("#booking-" + booking);
    assertThat(staff.visible("#booking-subject").getText()).isEqualTo("季度工作推进会");
    assertThat(staff.find("#fee-cap").getText()).contains("三类会议").contains("12 人 × 1 天 × 550 元 = 6600 元");
    staff.find("#service-note").sendKeys("12人，绿茶");
    staff.scrollTo("#order-service");
    staff.clickAndWaitForPage("#order-service");
    assertThat(staff.visible("#services").getText()).contains("茶水").contains("15:00").contains("12人，绿茶");
    staff.screenshot("meeting-03-services-ordered");
    long order = jdbc.sql("select id from meeting_service_order where booking_id = :b").param("b", booking)
        .query(Long.class).single();

    clock.stopAt(at(day, "14:50").toInstant());
    staff.open("/meeting-bookings/" + booking);
    staff.scrollTo("#check-in");
    staff.clickAndWaitForPage("#check-in");
    assertThat(staff.visible("#checked-in").getText()).contains("已签到");
    assertThat(staff.findAll("#check-in")).isEmpty();
    staff.screenshot("meeting-04-checked-in");

    manager = Browser.start("http://localhost:" + port);
    manager.signInAs("meeting.manager");
    manager.clickAndWaitForPage("#menu-meeting-services");
    assertThat(manager.visible("#service-" + order).getText()).contains("茶水").contains("季度工作推进会");
    manager.screenshot("meeting-05-service-tasks");
    manager.scrollTo("#service-" + order + " button.deliver");
    manager.clickAndWaitForPage("#service-" + order + " button.deliver");
    assertThat(manager.visible("#service-" + order).getText()).contains("已完成");
    assertThat(jdbc.sql("select status from meeting_service_order where id = :id").param("id", order)
        .query(String.class).single()).isEqualTo("DELIVERED");

    // the week shows in the room's report: the heat map is drawn and the delivered tea is counted
    manager.open("/meeting-reports?from=" + day.minusDays(3) + "&to=" + day.plusDays(3) + "&room=" + room);
    manager.visible("#occupancy-heatmap[data-chart-ready=true]");
    assertThat(manager.find("#services-delivered").getText()).isEqualTo("1");
    assertThat(manager.find("#occupancy-table").getText()).contains("浏览器会议室").contains("1.5");
    manager.screenshot("meeting-06-report");
    manager.clickAndWaitForPage("#menu-meeting-admin");
    assertThat(manager.visible("#room-" + room).isDisplayed()).isTrue();
    manager.screenshot("meeting-07-admin");
  }
}
