package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A large hall's booking holds the slot as pending while the approval runs; approval confirms, rejection releases. */
@IntegrationTest
class LargeHallApprovalTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired Approvals approvals;
  @Autowired Accounts accounts;
  ApiClient api;
  String staff;
  LocalDate day;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    staff = api.tokenFor("staff");
    day = MeetingFixtures.mondayInWeeks(32).plusDays(3);
  }

  private ApiClient.Answer book(long hall, String from, String to, String subject) {
    return api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", hall, "start", at(day, from).toString(),
        "end", at(day, to).toString(), "subject", subject, "attendees", 150));
  }

  private String status(long booking) {
    return jdbc.sql("select status from meeting_booking where id = :id").param("id", booking)
        .query(String.class).single();
  }

  /** Waits until the approval's outcome, handled after its commit on the listener's own thread, reached the booking. */
  private void awaitStatus(long booking, String expected) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(booking)).isEqualTo(expected));
  }

  /** The open approval task of the booking's request, and who holds it. */
  private Map.Entry<Long, CurrentUser> task(long booking) {
    var row = jdbc.sql("""
        select t.id, t.assignee_id from approval_task t join meeting_booking b on b.approval_request_id = t.request_id
         where b.id = :id and t.status = 'OPEN' order by t.id limit 1""")
        .param("id", booking).query().singleRow();
    return Map.entry(((Number) row.get("id")).longValue(),
        accounts.findById(((Number) row.get("assignee_id")).longValue()).orElseThrow());
  }

  @Test
  void anApprovedBookingIsConfirmedAndTheSlotWasHeldMeanwhile() {
    long hall = MeetingFixtures.room(jdbc, "大礼堂", 300, true);
    var booked = book(hall, "09:00", "12:00", "全市干部大会");
    assertThat(booked.status()).isEqualTo(201);
    long id = booked.body().get("id").asLong();
    assertThat(booked.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(book(hall, "10:00", "11:00", "抢时段").status()).isEqualTo(409);
    assertThat(api.post("/api/v1/meeting-bookings/" + id + "/check-in", staff, Map.of()).status()).isEqualTo(400);

    var task = task(id);
    assertThat(task.getValue().username()).isEqualTo("meeting.manager");
    assertThat(
        jdbc.sql("select request_type from approval_request r join meeting_booking b on b.approval_request_id = r.id"
            + " where b.id = :id").param("id", id).query(String.class).single())
        .isEqualTo("meeting.booking");
    approvals.approve(task.getKey(), task.getValue(), "同意");
    awaitStatus(id, "ACTIVE");
    assertThat(book(hall, "10:00", "11:00", "再抢一次").status()).isEqualTo(409);
  }

  @Test
  void aRejectedBookingIsReleasedAndOthersMayBookTheSlot() {
    long hall = MeetingFixtures.room(jdbc, "报告厅", 300, true);
    long id = book(hall, "14:00", "17:00", "表彰大会").body().get("id").asLong();
    var task = task(id);
    approvals.reject(task.getKey(), task.getValue(), "当天另有安排");
    awaitStatus(id, "CANCELLED");
    assertThat(jdbc.sql("""
        select count(*) from notification n join user_account u on u.id = n.user_id
         where u.username = 'staff' and n.title = '会议室预订未获批准：表彰大会' and n.link = :link""")
        .param("link", "/meeting-bookings/" + id).query(Long.class).single()).isEqualTo(1);
    assertThat(book(hall, "14:00", "15:00", "改用报告厅").status()).isEqualTo(201);
  }

  @Test
  void cancellingAPendingBookingTakesTheApprovalRequestBack() {
    long hall = MeetingFixtures.room(jdbc, "会见厅", 300, true);
    long id = book(hall, "09:00", "10:00", "不开了的会").body().get("id").asLong();
    long request = jdbc.sql("select approval_request_id from meeting_booking where id = :id").param("id", id)
        .query(Long.class).single();
    assertThat(api.delete("/api/v1/meeting-bookings/" + id, staff).status()).isEqualTo(200);
    assertThat(jdbc.sql("select status from approval_request where id = :id").param("id", request)
        .query(String.class).single()).isEqualTo("WITHDRAWN");
    awaitStatus(id, "CANCELLED");
  }

  @Test
  void withdrawingTheApprovalOnTheApprovalPageReleasesTheHeldSlot() {
    long hall = MeetingFixtures.room(jdbc, "小礼堂", 300, true);
    long id = book(hall, "15:00", "16:00", "撤回的会").body().get("id").asLong();
    long request = jdbc.sql("select approval_request_id from meeting_booking where id = :id").param("id", id)
        .query(Long.class).single();

    approvals.withdraw(request, (CurrentUser) accounts.loadUserByUsername("staff"));

    awaitStatus(id, "CANCELLED");
    assertThat(book(hall, "15:00", "16:00", "改由他人使用").status()).isEqualTo(201);
  }

  @Test
  void aRecurringBookingOfAHallGoesToApprovalAsOneRequestForAllOccurrences() {
    long hall = MeetingFixtures.room(jdbc, "多功能厅", 300, true);
    LocalDate monday = MeetingFixtures.mondayInWeeks(34);
    var created = api.post("/api/v1/meeting-series", staff, Map.of("roomId", hall, "subject", "每周学习会",
        "attendees", 100, "firstDate", monday.toString(), "untilDate", monday.plusWeeks(2).toString(),
        "startTime", "15:00", "endTime", "17:00", "exceptions", List.of()));
    assertThat(created.status()).isEqualTo(201);
    long first = created.body().get("occurrences").get(0).get("id").asLong();
    assertThat(jdbc.sql("select count(distinct approval_request_id) from meeting_booking where series_id = :s")
        .param("s", created.body().get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    var task = task(first);
    approvals.approve(task.getKey(), task.getValue(), null);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
        "select count(*) from meeting_booking where series_id = :s and status = 'ACTIVE'")
        .param("s", created.body().get("id").asLong()).query(Long.class).single()).isEqualTo(3));
  }

  @Test
  void aRegionCreatedLaterGetsTheLargeHallFlowOfItsMeetingManagers() {
    transaction.executeWithoutResult(status -> {
      long city = jdbc.sql("select id from region where kind = 'CITY' order by id limit 1").query(Long.class).single();
      long region = jdbc.sql("insert into region (code, name, kind, parent_id) values ('T-NEW', '新设县', 'COUNTY', :city)"
          + " returning id").param("city", city).query(Long.class).single();
      List<String> steps = jdbc.sql("""
          select s.approver_role from approval_flow f join approval_step s on s.flow_id = f.id
           where f.request_type = 'meeting.booking' and f.region_id = :region and f.active""")
          .param("region", region).query(String.class).list();
      assertThat(steps).containsExactly("MEETING_MANAGER");
      status.setRollbackOnly(); // the shared test database keeps its four regions
    });
  }
}
