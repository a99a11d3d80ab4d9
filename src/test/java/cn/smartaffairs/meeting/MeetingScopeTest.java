package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data scope of meeting rooms: a county admin (青山县) neither reads, moves, cancels nor orders services for a city
 * booking, nor reads a city room's day — 404, never 403, and the booking stays as it was.
 */
@IntegrationTest
class MeetingScopeTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @Test
  void aCountyAdminCannotTouchACityBooking() {
    long room = MeetingFixtures.room(jdbc, "范围测试室", 12, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(41).plusDays(2);
    OffsetDateTime start = MeetingFixtures.at(day, "10:00");
    OffsetDateTime end = MeetingFixtures.at(day, "11:00");
    ApiClient.Answer booked = api.post("/api/v1/meeting-bookings", api.tokenFor("staff"), Map.of("roomId", room,
        "start", start.toString(), "end", end.toString(), "subject", "预算评审", "attendees", 6));
    assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
    long booking = booked.body().get("id").asLong();
    String county = api.tokenFor("county.admin");

    assertThat(api.get("/api/v1/meeting-bookings/" + booking, county).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/meeting-rooms/" + room + "/availability?date=" + day, county).status())
        .isEqualTo(404);
    assertThat(api.put("/api/v1/meeting-bookings/" + booking, county, Map.of(
        "start", start.plusHours(3).toString(), "end", end.plusHours(3).toString())).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/meeting-bookings/" + booking + "/services", county, Map.of("kind", "TEA_WATER"))
        .status()).isEqualTo(404);
    assertThat(api.post("/api/v1/meeting-bookings/" + booking + "/check-in", county, Map.of()).status())
        .isEqualTo(404);
    assertThat(api.delete("/api/v1/meeting-bookings/" + booking, county).status()).isEqualTo(404);

    var row = jdbc.sql("select status, lower(during) as starts from meeting_booking where id = :id")
        .param("id", booking).query().singleRow();
    assertThat(row.get("status")).isEqualTo("ACTIVE");
    assertThat(((java.sql.Timestamp) row.get("starts")).toInstant()).isEqualTo(start.toInstant());
    assertThat(jdbc.sql("select count(*) from meeting_service_order where booking_id = :id").param("id", booking)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aCityMeetingManagerStillCancelsTheBooking() {
    long room = MeetingFixtures.room(jdbc, "范围测试室", 12, false);
    LocalDate day = MeetingFixtures.mondayInWeeks(41).plusDays(3);
    ApiClient.Answer booked = api.post("/api/v1/meeting-bookings", api.tokenFor("staff"), Map.of("roomId", room,
        "start", MeetingFixtures.at(day, "14:00").toString(), "end", MeetingFixtures.at(day, "15:00").toString(),
        "subject", "季度例会", "attendees", 5));
    long booking = booked.body().get("id").asLong();

    ApiClient.Answer cancelled = api.delete("/api/v1/meeting-bookings/" + booking, api.tokenFor("meeting.manager"));

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
  }
}
