package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One room's week: booked hours by weekday and hour, occupancy, the no-show rate and services delivered. */
@IntegrationTest
class MeetingReportsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired Accounts accounts;
  @Autowired MeetingRooms rooms;
  @Autowired MeetingBookings bookings;
  @Autowired MeetingServices services;
  @Autowired MeetingReports reports;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aWeekOfOneRoomAddsUpToTheHoursTheNoShowRateAndTheServices() throws Exception {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    CurrentUser manager = accounts.loadUserByUsername("meeting.manager");
    long room = MeetingFixtures.room(jdbc, "报表会议室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(44);
    long held = rooms.book(new NewBooking(room, at(monday, "09:00"), at(monday, "10:30"), "周一例会", 8, null), staff).id();
    long short_ = rooms.book(new NewBooking(room, at(monday.plusDays(1), "14:00"), at(monday.plusDays(1), "15:00"),
        "周二碰头会", 5, null), staff).id();
    long absent = rooms.book(new NewBooking(room, at(monday.plusDays(2), "10:00"), at(monday.plusDays(2), "11:00"),
        "没人来的会", 5, null), staff).id();
    long cancelled = rooms.book(new NewBooking(room, at(monday.plusDays(3), "10:00"), at(monday.plusDays(3), "12:00"),
        "取消的会", 5, null), staff).id();
    rooms.cancel(cancelled, staff);
    long tea = services.order(held, new NewServiceOrder("TEA_WATER", at(monday, "08:50"), null), staff).id();
    services.order(held, new NewServiceOrder("FLOWERS", at(monday, "08:50"), null), staff);

    clock.stopAt(at(monday, "09:05").toInstant());
    bookings.checkIn(held, staff);
    services.deliver(tea, manager);
    clock.stopAt(at(monday.plusDays(1), "13:55").toInstant());
    bookings.checkIn(short_, staff);
    clock.stopAt(at(monday.plusDays(2), "10:15").toInstant());
    assertThat(bookings.releaseNoShows(clock.instant())).contains(absent);

    clock.stopAt(at(monday.plusDays(7), "08:00").toInstant());
    MeetingReports.Report report = reports.report(monday, monday.plusDays(6), room, manager);
    assertThat(report.rooms()).hasSize(1);
    MeetingReports.RoomUsage usage = report.rooms().get(0);
    assertThat(usage.bookings()).isEqualTo(3);
    assertThat(usage.bookedHours()).isCloseTo(2.5, within(1e-9));
    assertThat(usage.openHours()).isCloseTo(7 * 13.0, within(1e-9));
    assertThat(usage.occupancy()).isCloseTo(2.5 / 91, within(1e-9));
    assertThat(report.held()).isEqualTo(3);
    assertThat(report.noShows()).isEqualTo(1);
    assertThat(report.noShowRate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(report.heat()).containsExactly(new MeetingReports.HeatCell(1, 9, 1.0),
        new MeetingReports.HeatCell(1, 10, 0.5), new MeetingReports.HeatCell(2, 14, 1.0));
    assertThat(report.servicesDelivered()).containsExactly(java.util.Map.entry(ServiceKind.TEA_WATER, 1L));

    // the same numbers as a workbook, for the meeting manager signed in on the page
    var session = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    assertThat(session.get("/meeting-reports?from=" + monday + "&to=" + monday.plusDays(6) + "&room=" + room).body())
        .contains("occupancy-heatmap").contains("33.3%");
    var xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/meeting-reports/export.xlsx?from=" + monday + "&to=" + monday.plusDays(6) + "&room=" + room))
        .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    var table = Xlsx.read(new ByteArrayInputStream(xlsx.body()));
    assertThat(table.rows()).hasSize(1);
    assertThat(table.rows().get(0).get("预订数")).isEqualTo("3");
    assertThat(table.rows().get(0).get("未签到")).isEqualTo("1");
    assertThat(new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get("/meeting-reports").status())
        .isEqualTo(403);
  }
}
