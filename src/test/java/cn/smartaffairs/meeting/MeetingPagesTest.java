package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The recurring booking form, a series occurrence's page, and the rule tables page over HTTP. */
@IntegrationTest
class MeetingPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MeetingRules rules;
  @Autowired Accounts accounts;

  @Test
  void aSeriesBookedOnTheRoomsPageShowsItsRuleAndACollidingOneIsRefusedWithTheDates() {
    long room = MeetingFixtures.room(jdbc, "页面周会室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(50);
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String dayPath = "/meeting-rooms?room=" + room + "&date=" + monday;
    assertThat(staff.get(dayPath).body()).contains("series-form");
    Map<String, String> form = new java.util.HashMap<>(Map.of("roomId", String.valueOf(room), "subject", "科室周会",
        "attendees", "6", "frequency", "WEEKLY", "firstDate", monday.toString(),
        "untilDate", monday.plusWeeks(3).toString(), "from", "16:00", "to", "17:00",
        "exceptions", monday.plusWeeks(1).toString(), "meetingClass", "3"));
    form.put("_csrf", staff.get(dayPath).csrfToken());
    var booked = staff.post("/meeting-rooms/series", form);
    assertThat(booked.status()).isEqualTo(302);
    assertThat(booked.redirectPath()).startsWith("/meeting-bookings/");
    String page = staff.get(booked.redirectPath()).body();
    assertThat(page).contains("科室周会").contains("每 1 周 16:00–17:00").contains(monday.plusWeeks(1).toString())
        .contains("cancel-series").contains("check-in").contains("三类会议")
        .contains("6 人 × 3 天 × 550 元 = 9900 元");

    var refused = staff.post("/meeting-rooms/series", Map.of("roomId", String.valueOf(room), "subject", "撞上的周会",
        "attendees", "6", "firstDate", monday.toString(), "untilDate", monday.plusWeeks(3).toString(),
        "from", "16:30", "to", "17:30", "_csrf", staff.get(dayPath).csrfToken()));
    assertThat(refused.redirectPath()).startsWith("/meeting-rooms?room=" + room);
    assertThat(staff.get(refused.redirectPath()).body()).contains("有 3 次与已有预订冲突")
        .contains(monday.plusWeeks(3).toString());
    assertThat(jdbc.sql("select count(*) from meeting_booking where room_id = :r").param("r", room)
        .query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aBookedSeriesSaysWhatWasBookedAndARefusedOneKeepsWhatWasTyped() {
    long room = MeetingFixtures.room(jdbc, "例会室", 20, false);
    String name = jdbc.sql("select name from meeting_room where id = :id").param("id", room).query(String.class)
        .single();
    LocalDate monday = MeetingFixtures.mondayInWeeks(54);
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String dayPath = "/meeting-rooms?room=" + room + "&date=" + monday;
    var booked = staff.post("/meeting-rooms/series", Map.of("roomId", String.valueOf(room), "subject", "党组例会",
        "attendees", "8", "frequency", "WEEKLY", "firstDate", monday.toString(),
        "untilDate", monday.plusWeeks(2).toString(), "from", "09:00", "to", "10:00",
        "_csrf", staff.get(dayPath).csrfToken()));
    assertThat(booked.status()).isEqualTo(302);
    LocalDate last = monday.plusWeeks(2);
    assertThat(staff.get(booked.redirectPath()).body()).contains("已预订 " + name + " " + monday.getMonthValue() + "月"
        + monday.getDayOfMonth() + "日至" + last.getMonthValue() + "月" + last.getDayOfMonth() + "日每周 09:00–10:00，共 3 次");

    Map<String, String> typed = new java.util.HashMap<>(Map.of("roomId", String.valueOf(room), "subject", "撞车的学习会",
        "attendees", "7", "frequency", "DAILY", "firstDate", monday.plusDays(1).toString(),
        "untilDate", monday.plusWeeks(1).toString(), "from", "09:30", "to", "10:30",
        "exceptions", monday.plusDays(3).toString(), "meetingClass", "4"));
    typed.put("_csrf", staff.get(dayPath).csrfToken());
    var refused = staff.post("/meeting-rooms/series", typed);
    assertThat(refused.redirectPath()).startsWith("/meeting-rooms?room=" + room);
    String form = staff.get(refused.redirectPath()).body();
    assertThat(form).contains("与已有预订冲突").contains("value=\"撞车的学习会\"").contains("value=\"7\"")
        .contains("value=\"" + monday.plusDays(1) + "\"").contains("value=\"" + monday.plusWeeks(1) + "\"")
        .contains("value=\"09:30\"").contains("value=\"10:30\"").contains("value=\"" + monday.plusDays(3) + "\"")
        .containsPattern("value=\"DAILY\"[^>]*selected").containsPattern("value=\"4\"[^>]*selected");
  }

  @Test
  void theRoomListSaysTheFloorAsFloorsAreSaid() {
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    // the demo's 第一会议室 is on floor "3" of 市行政中心1号楼
    assertThat(staff.get("/meeting-rooms").body()).contains("市行政中心1号楼 3层 · 30");
    assertThat(staff.get("/meeting-rooms?lang=en").body()).contains("市行政中心1号楼 Floor 3 · 30");
  }

  @Test
  void theRoomsDayOffersCheckInAndCancelToTheBookerAndGoesBackToTheDay() {
    long room = MeetingFixtures.room(jdbc, "日视图会议室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(52).plusDays(1);
    ApiClient api = new ApiClient(port);
    long mine = api.post("/api/v1/meeting-bookings", api.tokenFor("staff"), Map.of("roomId", room, "start",
        at(day, "09:00").toString(), "end", at(day, "10:00").toString(), "subject", "自己的会", "attendees", 5))
        .body().get("id").asLong();
    long theirs = api.post("/api/v1/meeting-bookings", api.tokenFor("liaison"), Map.of("roomId", room, "start",
        at(day, "11:00").toString(), "end", at(day, "12:00").toString(), "subject", "别人的会", "attendees", 5))
        .body().get("id").asLong();
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String dayPath = "/meeting-rooms?room=" + room + "&date=" + day;
    String page = staff.get(dayPath).body();
    assertThat(page).contains("check-in-" + mine).contains("cancel-" + mine)
        .doesNotContain("check-in-" + theirs).doesNotContain("cancel-" + theirs);
    var cancelled = staff.post("/meeting-bookings/" + mine + "/cancel", Map.of("back", dayPath,
        "_csrf", staff.get(dayPath).csrfToken()));
    assertThat(cancelled.redirectPath()).isEqualTo(dayPath);
    assertThat(staff.get(dayPath).body()).doesNotContain("自己的会").contains("别人的会")
        .as("the message names the room and the time").containsPattern("已取消 日视图会议室\\S* " + day.getMonthValue()
            + "月" + day.getDayOfMonth() + "日 09:00–10:00 的预订");
    var elsewhere = staff.post("/meeting-bookings/" + theirs + "/cancel", Map.of("back", "https://example.com/",
        "_csrf", staff.get(dayPath).csrfToken()));
    assertThat(elsewhere.redirectPath()).isEqualTo("/meeting-bookings/" + theirs);
    assertThat(jdbc.sql("select status from meeting_booking where id = :id").param("id", theirs)
        .query(String.class).single()).isEqualTo("ACTIVE");
  }

  @Test
  void aRegionAdministratorAddsAFeeCapVersionInYuanWhichIsKeptInFen() {
    var admin = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    assertThat(admin.get("/meeting-rules").body()).contains("fee-caps").contains("760").contains("550");
    LocalDate from = LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
    var saved = admin.post("/meeting-rules/fee-caps", Map.of("meetingClass", "2", "yuanPerPersonDay", "600.50",
        "effectiveFrom", from.toString(), "_csrf", admin.get("/meeting-rules").csrfToken()));
    assertThat(saved.status()).isEqualTo(302);
    long region = accounts.loadUserByUsername("region.admin").regionId();
    assertThat(rules.feeCapFen(region, 2, from)).isEqualTo(60_050);
    assertThat(rules.feeCapFen(region, 2, from.minusDays(1))).isIn(65_000L, 60_050L);
    assertThat(rules.feeCapFen(region, 1, from)).isEqualTo(76_000);

    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    var forbidden = staff.post("/meeting-rules/fee-caps", Map.of("meetingClass", "2", "yuanPerPersonDay", "1",
        "effectiveFrom", from.plusDays(1).toString(), "_csrf", staff.get("/meeting-rules").csrfToken()));
    assertThat(forbidden.status()).isEqualTo(302);
    assertThat(rules.feeCapFen(region, 2, from.plusDays(1))).isEqualTo(60_050);
  }

  @Test
  void theOpenApiDescriptionNamesTheNewOperations() {
    var api = new ApiClient(port);
    var docs = api.get("/v3/api-docs", api.tokenFor("meeting.manager"));
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").toString()).contains("/api/v1/meeting-series")
        .contains("/api/v1/meeting-bookings/{id}/check-in").contains("/api/v1/meeting-services/{id}/delivered");
  }
}
