package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting forms name each refused field beside it, keep what was typed and store nothing: a booking or a move
 * whose end is before its start, a fee cap that is no amount, a room without seats or with a name already taken.
 */
@IntegrationTest
class MeetingFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long bookingsOf(long room) {
    return jdbc.sql("select count(*) from meeting_booking where room_id = :r").param("r", room).query(Long.class)
        .single();
  }

  @Test
  void aBookingThatEndsBeforeItStartsIsRefusedBesideTheEnd() {
    long room = MeetingFixtures.room(jdbc, "表单校验室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(60).plusDays(1);
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);

    var refused = staff.post("/meeting-rooms/bookings", Map.of("_csrf", staff.get("/meeting-rooms").csrfToken(),
        "roomId", String.valueOf(room), "date", day.toString(), "from", "11:00", "to", "10:00",
        "subject", "倒着开的会", "attendees", "6", "meetingClass", "3"));

    assertThat(refused.redirectPath()).isEqualTo("/meeting-rooms?room=" + room + "&date=" + day);
    String page = staff.get(refused.redirectPath()).body();
    assertThat(FieldErrors.of(page, "retry-to")).containsExactly("结束时间须晚于开始时间");
    assertThat(FieldErrors.marked(page, "retry-to")).isTrue();
    assertThat(FieldErrors.of(page, "retry-from")).isEmpty();
    assertThat(FieldErrors.value(page, "retry-subject")).isEqualTo("倒着开的会");
    assertThat(FieldErrors.value(page, "retry-from")).isEqualTo("11:00");
    assertThat(bookingsOf(room)).isZero();
  }

  @Test
  void aBookingWithoutSubjectAndWithNoAttendeesIsRefusedOnBothFieldsAtOnce() {
    long room = MeetingFixtures.room(jdbc, "表单校验室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(60).plusDays(2);
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);

    var refused = staff.post("/meeting-rooms/bookings", Map.of("_csrf", staff.get("/meeting-rooms").csrfToken(),
        "roomId", String.valueOf(room), "date", day.toString(), "from", "09:00", "to", "10:00",
        "subject", " ", "attendees", "0"));

    String page = staff.get(refused.redirectPath()).body();
    assertThat(FieldErrors.of(page, "retry-subject")).containsExactly("请填写会议主题（不超过200字）");
    assertThat(FieldErrors.of(page, "retry-attendees")).containsExactly("参会人数须为正数");
    assertThat(bookingsOf(room)).isZero();
  }

  @Test
  void aMoveThatEndsBeforeItStartsIsRefusedBesideTheEndAndTheBookingStays() {
    long room = MeetingFixtures.room(jdbc, "改期校验室", 20, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(60).plusDays(3);
    ApiClient api = new ApiClient(port);
    long booking = api.post("/api/v1/meeting-bookings", api.tokenFor("staff"), Map.of("roomId", room, "start",
        at(day, "09:00").toString(), "end", at(day, "10:00").toString(), "subject", "要改期的会", "attendees", 5))
        .body().get("id").asLong();
    var staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String page = "/meeting-bookings/" + booking;

    var refused = staff.post(page + "/move", Map.of("_csrf", staff.get(page).csrfToken(),
        "date", day.plusDays(1).toString(), "from", "15:00", "to", "14:00"));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = staff.get(page).body();
    assertThat(FieldErrors.of(shown, "move-to")).containsExactly("结束时间须晚于开始时间");
    assertThat(FieldErrors.value(shown, "move-from")).isEqualTo("15:00");
    assertThat(FieldErrors.value(shown, "move-date")).isEqualTo(day.plusDays(1).toString());
    assertThat(jdbc.sql("select lower(during) = :start from meeting_booking where id = :id").param("id", booking)
        .param("start", java.sql.Timestamp.from(at(day, "09:00").toInstant())).query(Boolean.class).single())
        .isTrue();
  }

  @Test
  void aFeeCapThatIsNoAmountAndHasNoDateIsRefusedOnBothFields() {
    var admin = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    long before = jdbc.sql("select count(*) from meeting_fee_cap").query(Long.class).single();

    var refused = admin.post("/meeting-rules/fee-caps", Map.of("_csrf", admin.get("/meeting-rules").csrfToken(),
        "meetingClass", "2", "yuanPerPersonDay", "六百元", "effectiveFrom", ""));

    assertThat(refused.redirectPath()).isEqualTo("/meeting-rules");
    String page = admin.get("/meeting-rules").body();
    assertThat(FieldErrors.of(page, "yuanPerPersonDay")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "yuanPerPersonDay")).isEqualTo("六百元");
    assertThat(FieldErrors.of(page, "fee-cap-effectiveFrom")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "grace-effectiveFrom")).as("the grace form is another form").isEmpty();
    assertThat(jdbc.sql("select count(*) from meeting_fee_cap").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void aFeeCapOfNothingIsRefusedBesideTheAmountByTheRule() {
    var admin = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);

    admin.post("/meeting-rules/fee-caps", Map.of("_csrf", admin.get("/meeting-rules").csrfToken(),
        "meetingClass", "2", "yuanPerPersonDay", "0", "effectiveFrom", "2031-02-03"));

    String page = admin.get("/meeting-rules").body();
    assertThat(FieldErrors.of(page, "yuanPerPersonDay")).containsExactly("会议费标准须大于0，并填写生效日期");
  }

  @Test
  void aNewRoomWithoutSeatsIsRefusedOnItsFieldAndTheFormStaysOpen() {
    var manager = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String name = "无座会议室-" + System.nanoTime();

    var refused = manager.submit("/meeting-rooms/admin", Map.of("name", name, "building", "市行政中心1号楼",
        "capacity", "0", "opensAt", "08:00", "closesAt", "21:00"));

    assertThat(refused.redirectPath()).isEqualTo("/meeting-rooms/admin");
    String page = manager.get("/meeting-rooms/admin").body();
    assertThat(FieldErrors.of(page, "new-capacity")).containsExactly("座位数须为 1 到 10000 之间的整数");
    assertThat(FieldErrors.value(page, "new-name")).isEqualTo(name);
    assertThat(page).containsPattern("id=\"new-room-panel\"[^>]*open");
    assertThat(jdbc.sql("select count(*) from meeting_room where name = :name").param("name", name)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aRoomRenamedToAnotherRoomsNameIsShownAgainWithTheRuleBesideTheName() {
    long room = MeetingFixtures.room(jdbc, "改名会议室", 12, false);
    String taken = jdbc.sql("select name from meeting_room where id = :id")
        .param("id", MeetingFixtures.room(jdbc, "已有会议室", 12, false)).query(String.class).single();
    var manager = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String page = "/meeting-rooms/admin/" + room;
    Map<String, String> form = new HashMap<>(Map.of("name", taken, "building", "市行政中心1号楼", "floor", "6",
        "capacity", "12", "opensAt", "08:00", "closesAt", "07:00"));
    form.put("_csrf", manager.get(page).csrfToken());

    var refused = manager.post(page, form);

    assertThat(refused.status()).isEqualTo(200);
    assertThat(FieldErrors.of(refused.body(), "closesAt")).containsExactly("开放时间的开始须早于结束");
    form.put("closesAt", "18:00");
    var renamed = manager.post(page, form);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(FieldErrors.of(renamed.body(), "name")).containsExactly("本区域已有名为“" + taken + "”的会议室");
    assertThat(FieldErrors.value(renamed.body(), "name")).isEqualTo(taken);
    assertThat(jdbc.sql("select name from meeting_room where id = :id").param("id", room).query(String.class)
        .single()).startsWith("改名会议室");
  }
}
