package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting manager who approves a large hall reads which room, when, for how many and what about, in Chinese and
 * English, on the API and the page; a Saturday morning meeting booked on Friday afternoon is decided before it starts.
 */
@IntegrationTest
class HallApprovalSummaryTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void theApproverReadsTheBookingInWordsAndItsDeadlineFallsBeforeTheMeeting() {
    long hall = MeetingFixtures.room(jdbc, "报告厅", 300, true);
    String hallName = jdbc.sql("select name from meeting_room where id = :id").param("id", hall)
        .query(String.class).single();
    LocalDate friday = MeetingFixtures.mondayInWeeks(41).plusDays(4);
    LocalDate saturday = friday.plusDays(1);
    clock.stopAt(at(friday, "16:00").toInstant());
    ApiClient api = new ApiClient(port);
    var booked = api.post("/api/v1/meeting-bookings", api.tokenFor("staff"), Map.of("roomId", hall,
        "start", at(saturday, "09:00").toString(), "end", at(saturday, "11:30").toString(),
        "subject", "全市安全生产大会", "attendees", 180, "meetingClass", 3));
    assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
    long approvalId = jdbc.sql("select approval_request_id from meeting_booking where id = :id")
        .param("id", booked.body().get("id").asLong()).query(Long.class).single();
    String manager = api.tokenFor("meeting.manager");
    String day = saturday.getMonthValue() + "月" + saturday.getDayOfMonth() + "日";

    JsonNode chinese = api.get("/api/v1/approvals/" + approvalId, manager).body();
    assertThat(chinese.get("requestTypeName").asText()).isEqualTo("会议室预订");
    assertThat(lines(chinese.get("summary"))).contains("会议室：" + hallName + "（市行政中心1号楼，300 座）",
        "时间：" + day + " 09:00–11:30", "参会人数：180 人", "会议主题：全市安全生产大会", "会议类别：三类会议");
    assertThat(chinese.get("summary").get("link").asText()).isEqualTo("/meeting-bookings/" + booked.body().get("id"));

    JsonNode english = api.getIn("/api/v1/approvals/" + approvalId, manager, "en").body();
    assertThat(english.get("requestTypeName").asText()).isEqualTo("Meeting room booking");
    assertThat(lines(english.get("summary"))).contains("Room：" + hallName + " (市行政中心1号楼, 300 seats)",
        "Attendees：180", "Subject：全市安全生产大会", "Meeting class：Class 3 meeting");
    assertThat(lines(english.get("summary")))
        .anyMatch(line -> line.startsWith("Time：" + saturday.getDayOfMonth() + " "));

    Instant starts = at(saturday, "09:00").toInstant();
    List<Instant> due = jdbc.sql("select due_at from approval_task where request_id = :id and status = 'OPEN'")
        .param("id", approvalId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    assertThat(due).isNotEmpty().allSatisfy(moment -> assertThat(moment)
        .as("due two hours before the meeting, not after the weekend").isEqualTo(starts.minus(Duration.ofHours(2))));

    WebSession page = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String zh = page.get("/approvals/" + approvalId).body();
    assertThat(zh).contains("会议室预订", hallName, day + " 09:00–11:30", "180 人", "全市安全生产大会",
        "/meeting-bookings/" + booked.body().get("id")).doesNotContain("meeting.booking", "roomId", "occurrences");
    String en = page.get("/approvals/" + approvalId + "?lang=en").body();
    assertThat(en).contains("Meeting room booking", "Attendees", "Open the booking").doesNotContain("meeting.booking",
        "参会人数");
    page.get("/?lang=zh");
  }

  /** The summary's lines as "label：value". */
  private static List<String> lines(JsonNode summary) {
    List<String> lines = new ArrayList<>();
    summary.get("lines").forEach(line -> lines.add(line.get("label").asText() + "：" + line.get("value").asText()));
    return lines;
  }
}
