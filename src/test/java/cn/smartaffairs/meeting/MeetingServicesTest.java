package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Services ordered with a booking become tasks of the region's 会务 team; the fee cap follows the meeting class. */
@IntegrationTest
class MeetingServicesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  String staff;
  String manager;
  LocalDate day;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    staff = api.tokenFor("staff");
    manager = api.tokenFor("meeting.manager");
    day = MeetingFixtures.mondayInWeeks(36).plusDays(1);
  }

  private long openTodos(String link) {
    return jdbc.sql("""
        select count(*) from todo_item t join user_account u on u.id = t.user_id
         where t.link = :link and t.done_at is null and u.username = 'meeting.manager'""")
        .param("link", link).query(Long.class).single();
  }

  @Test
  void orderedServicesBecomeTasksOfTheMeetingManagersUntilDelivered() {
    long room = MeetingFixtures.room(jdbc, "服务会议室", 40, false);
    long booking = api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(day, "09:00").toString(), "end", at(day, "11:00").toString(), "subject", "座谈会", "attendees", 24))
        .body().get("id").asLong();
    var tea = api.post("/api/v1/meeting-bookings/" + booking + "/services", staff,
        Map.of("kind", "TEA_WATER", "neededAt", at(day, "08:45").toString(), "note", "24人，温水"));
    assertThat(tea.status()).isEqualTo(201);
    long teaId = tea.body().get("id").asLong();
    var plates = api.post("/api/v1/meeting-bookings/" + booking + "/services", staff, Map.of("kind", "NAME_PLATES"));
    assertThat(plates.status()).isEqualTo(201);
    assertThat(api.post("/api/v1/meeting-bookings/" + booking + "/services", staff, Map.of("kind", "FIREWORKS"))
        .status()).isEqualTo(400);
    assertThat(api.post("/api/v1/meeting-bookings/" + booking + "/services", staff, Map.of("kind", "FLOWERS",
        "neededAt", at(day, "12:00").toString())).status()).isEqualTo(400);

    assertThat(openTodos(MeetingServices.link(teaId))).isEqualTo(1);
    var tasks = api.get("/api/v1/meeting-services", manager);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(StreamSupport.stream(tasks.body().spliterator(), false).map(t -> t.get("id").asLong()))
        .contains(teaId, plates.body().get("id").asLong());
    assertThat(api.get("/api/v1/meeting-services", staff).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/meeting-services/" + teaId + "/delivered", staff, Map.of()).status()).isEqualTo(403);

    var delivered = api.post("/api/v1/meeting-services/" + teaId + "/delivered", manager, Map.of());
    assertThat(delivered.status()).isEqualTo(200);
    assertThat(delivered.body().get("status").asText()).isEqualTo("DELIVERED");
    assertThat(openTodos(MeetingServices.link(teaId))).isZero();
    assertThat(api.post("/api/v1/meeting-services/" + teaId + "/delivered", manager, Map.of()).status()).isEqualTo(409);

    // cancelling the booking cancels what was not delivered yet
    api.delete("/api/v1/meeting-bookings/" + booking, staff);
    assertThat(jdbc.sql("select status from meeting_service_order where id = :id")
        .param("id", plates.body().get("id").asLong()).query(String.class).single()).isEqualTo("CANCELLED");
  }

  @Test
  void theFeeCapIsAttendeesTimesDaysTimesTheClassCapInFen() {
    long room = MeetingFixtures.room(jdbc, "二类会议室", 60, false);
    long booking = api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(day, "14:00").toString(), "end", at(day, "17:00").toString(), "subject", "全市业务培训会",
        "attendees", 40, "meetingClass", 2)).body().get("id").asLong();
    var answer = api.get("/api/v1/meeting-bookings/" + booking, staff).body();
    assertThat(answer.get("feeCap").get("fenPerPersonDay").asLong()).isEqualTo(65_000);
    assertThat(answer.get("feeCap").get("totalFen").asLong()).isEqualTo(40L * 65_000);
    assertThat(new FeeCap(1, 30, 2, 76_000).totalYuan()).isEqualTo("45600");

    // a three-day 一类 meeting booked as a daily series: the cap counts its days
    var series = api.post("/api/v1/meeting-series", staff, Map.of("roomId", room, "subject", "全省工作会议",
        "attendees", 20, "frequency", "DAILY", "firstDate", day.plusDays(1).toString(),
        "untilDate", day.plusDays(3).toString(), "startTime", "09:00", "endTime", "17:00", "meetingClass", 1));
    assertThat(series.status()).isEqualTo(201);
    long firstDay = series.body().get("occurrences").get(0).get("id").asLong();
    var daily = api.get("/api/v1/meeting-bookings/" + firstDay, staff).body();
    assertThat(daily.get("feeCap").get("totalFen").asLong()).isEqualTo(20L * 76_000);
    assertThat(daily.get("seriesFeeCap").get("days").asInt()).isEqualTo(3);
    assertThat(daily.get("seriesFeeCap").get("totalFen").asLong()).isEqualTo(20L * 3 * 76_000);
    assertThat(api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(day, "09:00").toString(), "end", at(day, "10:00").toString(), "subject", "五类会", "attendees", 4,
        "meetingClass", 5)).status()).isEqualTo(400);
  }
}
