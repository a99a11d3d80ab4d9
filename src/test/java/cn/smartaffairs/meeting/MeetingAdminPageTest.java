package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The meeting manager restricts a room to one unit and to approval on the administration page; staff feel it. */
@IntegrationTest
class MeetingAdminPageTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aRoomRestrictedToAnotherUnitRefusesStaffAndAnApprovalRoomHoldsTheirBookingPending() {
    long room = MeetingFixtures.room(jdbc, "限定会议室", 30, false);
    long otherUnit = jdbc.sql("""
        select u.id from unit u join user_account a on a.region_id = u.region_id
         where a.username = 'staff' and u.id is distinct from a.unit_id order by u.id limit 1""")
        .query(Long.class).single();
    var manager = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String page = manager.get("/meeting-rooms/admin").body();
    assertThat(page).contains("room-" + room).contains("/calendar-feeds/");
    Map<String, String> form = new LinkedHashMap<>(Map.of("name", "限定会议室" + room, "building", "市行政中心5号楼",
        "floor", "2", "capacity", "30", "opensAt", "08:30", "closesAt", "18:00", "unitIds", String.valueOf(otherUnit),
        "_csrf", manager.get("/meeting-rooms/admin").csrfToken()));
    var saved = manager.post("/meeting-rooms/admin/" + room, form);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from meeting_room_permit where room_id = :r and unit_id = :u")
        .param("r", room).param("u", otherUnit).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select opens_at::text from meeting_room where id = :r").param("r", room)
        .query(String.class).single()).isEqualTo("08:30:00");

    ApiClient api = new ApiClient(port);
    String staff = api.tokenFor("staff");
    LocalDate day = MeetingFixtures.mondayInWeeks(48).plusDays(2);
    Map<String, Object> booking = Map.of("roomId", room, "start", at(day, "09:00").toString(),
        "end", at(day, "10:00").toString(), "subject", "想借的会", "attendees", 10);
    String finder = "/api/v1/meeting-rooms/finder?attendees=10&start="
        + java.net.URLEncoder.encode(at(day, "09:00").toString(), java.nio.charset.StandardCharsets.UTF_8) + "&end="
        + java.net.URLEncoder.encode(at(day, "10:00").toString(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(api.get(finder, staff).body().findValuesAsText("name")).doesNotContain("限定会议室" + room);
    assertThat(api.get(finder, api.tokenFor("meeting.manager")).body().findValuesAsText("name"))
        .contains("限定会议室" + room);
    var refused = api.post("/api/v1/meeting-bookings", staff, booking);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("仅限指定的单位或角色预订");
    assertThat(api.post("/api/v1/meeting-bookings", api.tokenFor("meeting.manager"), booking).status()).isEqualTo(201);

    form.remove("unitIds");
    form.put("needsApproval", "true");
    form.put("_csrf", manager.get("/meeting-rooms/admin").csrfToken());
    manager.post("/meeting-rooms/admin/" + room, form);
    var pending = api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(day, "11:00").toString(), "end", at(day, "12:00").toString(), "subject", "要审批的会", "attendees", 10));
    assertThat(pending.status()).isEqualTo(201);
    assertThat(pending.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get("/meeting-rooms/admin").status())
        .isEqualTo(403);
  }
}
