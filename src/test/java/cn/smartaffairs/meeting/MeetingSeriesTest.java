package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 周期预订: every Monday 09:00–10:00 until a date, with dates left out, written whole or not at all. */
@IntegrationTest
class MeetingSeriesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  String staff;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    staff = api.tokenFor("staff");
  }

  private ApiClient.Answer series(long room, LocalDate first, LocalDate until, List<LocalDate> exceptions,
      boolean skipCollisions) {
    return api.post("/api/v1/meeting-series", staff, Map.of("roomId", room, "subject", "处务会", "attendees", 8,
        "frequency", "WEEKLY", "firstDate", first.toString(), "untilDate", until.toString(), "startTime", "09:00",
        "endTime", "10:00", "exceptions", exceptions.stream().map(LocalDate::toString).toList(),
        "skipCollisions", skipCollisions));
  }

  private static List<LocalDate> dates(JsonNode occurrences, String status) {
    return StreamSupport.stream(occurrences.spliterator(), false)
        .filter(o -> o.get("status").asText().equals(status))
        .map(o -> OffsetDateTime.parse(o.get("start").asText()).toLocalDate()).toList();
  }

  private long bookings(long room) {
    return jdbc.sql("select count(*) from meeting_booking where room_id = :room").param("room", room)
        .query(Long.class).single();
  }

  @Test
  void everyMondayUntilADateLeavesOutTheExceptionsAndEachOccurrenceHoldsTheRoom() {
    long room = MeetingFixtures.room(jdbc, "周例会室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(20);
    var created = series(room, monday, monday.plusWeeks(5), List.of(monday.plusWeeks(2)), false);
    assertThat(created.status()).isEqualTo(201);
    assertThat(dates(created.body().get("occurrences"), "ACTIVE")).containsExactly(monday, monday.plusWeeks(1),
        monday.plusWeeks(3), monday.plusWeeks(4), monday.plusWeeks(5));
    assertThat(created.body().get("exceptions").get(0).asText()).isEqualTo(monday.plusWeeks(2).toString());

    // each occurrence is guarded by the exclusion constraint like any booking; the skipped Monday is free
    var onOccurrence = api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(monday.plusWeeks(1), "09:30").toString(), "end", at(monday.plusWeeks(1), "10:30").toString(),
        "subject", "插进来的会", "attendees", 5));
    assertThat(onOccurrence.status()).isEqualTo(409);
    assertThat(api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
        at(monday.plusWeeks(2), "09:00").toString(), "end", at(monday.plusWeeks(2), "10:00").toString(),
        "subject", "空出来的周一", "attendees", 5)).status()).isEqualTo(201);
  }

  @Test
  void aSeriesWithCollidingDatesIsRefusedWholeListingTheDatesOrSkipsThemWhenAsked() {
    long room = MeetingFixtures.room(jdbc, "冲突周会室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(22);
    for (LocalDate taken : List.of(monday.plusWeeks(1), monday.plusWeeks(3))) {
      assertThat(api.post("/api/v1/meeting-bookings", staff, Map.of("roomId", room, "start",
          at(taken, "09:30").toString(), "end", at(taken, "11:00").toString(), "subject", "先订的会",
          "attendees", 5)).status()).isEqualTo(201);
    }
    long before = bookings(room);

    var refused = series(room, monday, monday.plusWeeks(4), List.of(), false);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("dates").toString()).contains(monday.plusWeeks(1).toString(),
        monday.plusWeeks(3).toString());
    assertThat(refused.body().get("dates")).hasSize(2);
    assertThat(refused.body().get("detail").asText()).contains("2 次").contains(monday.plusWeeks(3).toString());
    assertThat(bookings(room)).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from meeting_series where room_id = :room").param("room", room)
        .query(Long.class).single()).isZero();

    var skipping = series(room, monday, monday.plusWeeks(4), List.of(), true);
    assertThat(skipping.status()).isEqualTo(201);
    assertThat(dates(skipping.body().get("occurrences"), "ACTIVE"))
        .containsExactly(monday, monday.plusWeeks(2), monday.plusWeeks(4));
    assertThat(skipping.body().get("exceptions")).hasSize(2);
  }

  @Test
  void oneOccurrenceIsMovedOrCancelledAndThenTheWholeSeries() {
    long room = MeetingFixtures.room(jdbc, "改期周会室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(24);
    JsonNode created = series(room, monday, monday.plusWeeks(3), List.of(), false).body();
    long seriesId = created.get("id").asLong();
    long second = created.get("occurrences").get(1).get("id").asLong();
    long third = created.get("occurrences").get(2).get("id").asLong();

    var moved = api.put("/api/v1/meeting-bookings/" + second, staff, Map.of("start",
        at(monday.plusWeeks(1).plusDays(1), "14:00").toString(), "end",
        at(monday.plusWeeks(1).plusDays(1), "15:00").toString()));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.body().get("start").asText()).startsWith(monday.plusWeeks(1).plusDays(1) + "T14:00");
    assertThat(api.delete("/api/v1/meeting-bookings/" + third, staff).status()).isEqualTo(200);

    var series = api.get("/api/v1/meeting-series/" + seriesId, staff).body();
    assertThat(dates(series.get("occurrences"), "ACTIVE"))
        .containsExactly(monday, monday.plusWeeks(1).plusDays(1), monday.plusWeeks(3));
    assertThat(dates(series.get("occurrences"), "CANCELLED")).containsExactly(monday.plusWeeks(2));

    var cancelled = api.delete("/api/v1/meeting-series/" + seriesId, staff);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(dates(cancelled.body().get("occurrences"), "ACTIVE")).isEmpty();
    assertThat(api.delete("/api/v1/meeting-series/" + seriesId, staff).status()).isEqualTo(409);
  }

  @Test
  void aBrokenRuleInAnyOccurrenceAnswers400AndWritesNothing() {
    long room = MeetingFixtures.room(jdbc, "规则周会室", 20, false);
    LocalDate monday = MeetingFixtures.mondayInWeeks(26);
    var tooLong = series(room, monday, monday.plusYears(2), List.of(), false);
    assertThat(tooLong.status()).isEqualTo(400);
    var allSkipped = series(room, monday, monday, List.of(monday), false);
    assertThat(allSkipped.status()).isEqualTo(400);
    assertThat(bookings(room)).isZero();
  }

  @Test
  void theRuleGivesTheDatesWeeklyDailyAndEveryOtherWeek() {
    LocalDate monday = LocalDate.of(2026, 3, 2);
    assertThat(RecurringBookings.dates("WEEKLY", 2, monday, monday.plusWeeks(5), java.util.Set.of(monday.plusWeeks(2))))
        .containsExactly(monday, monday.plusWeeks(4));
    assertThat(RecurringBookings.dates("DAILY", 1, monday, monday.plusDays(2), java.util.Set.of()))
        .containsExactly(monday, monday.plusDays(1), monday.plusDays(2));
  }
}
