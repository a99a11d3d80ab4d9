package cn.smartaffairs.meeting;

import static cn.smartaffairs.meeting.MeetingFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The person's and the room's iCalendar feeds, fetched without signing in and read back by ical4j. */
@IntegrationTest
class CalendarFeedTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CalendarFeeds feeds;
  @Autowired Accounts accounts;
  ApiClient api;
  String token;
  LocalDate monday;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    token = api.tokenFor("staff");
    monday = MeetingFixtures.mondayInWeeks(38);
  }

  private HttpResponse<String> fetch(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private Calendar parse(String secret) throws Exception {
    var answer = fetch("/calendar-feeds/" + secret + ".ics");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
    Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
    calendar.validate();
    return calendar;
  }

  private static List<VEvent> events(Calendar calendar, String uid) {
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(event -> event.getUid().map(u -> u.getValue().equals(uid)).orElse(false)).toList();
  }

  private static String property(VEvent event, String name) {
    return event.getProperty(name).map(p -> p.getValue()).orElse(null);
  }

  /** A weekly series with one skipped Monday, one cancelled and one moved occurrence, and a cancelled single booking. */
  private Map<String, Long> bookings(long room) {
    var series = api.post("/api/v1/meeting-series", token, Map.of("roomId", room, "subject", "订阅周例会",
        "attendees", 6, "firstDate", monday.toString(), "untilDate", monday.plusWeeks(4).toString(),
        "startTime", "09:00", "endTime", "10:00", "exceptions", List.of(monday.plusWeeks(1).toString()))).body();
    var occurrences = series.get("occurrences");
    api.delete("/api/v1/meeting-bookings/" + occurrences.get(1).get("id").asLong(), token);
    api.put("/api/v1/meeting-bookings/" + occurrences.get(2).get("id").asLong(), token, Map.of(
        "start", at(monday.plusWeeks(3), "11:00").toString(), "end", at(monday.plusWeeks(3), "12:00").toString()));
    long single = api.post("/api/v1/meeting-bookings", token, Map.of("roomId", room, "start",
        at(monday.plusDays(2), "15:00").toString(), "end", at(monday.plusDays(2), "16:00").toString(),
        "subject", "取消的座谈", "attendees", 5)).body().get("id").asLong();
    api.delete("/api/v1/meeting-bookings/" + single, token);
    return Map.of("series", series.get("id").asLong(), "single", single);
  }

  private void assertSeriesAndCancellation(Calendar calendar, Map<String, Long> ids) {
    VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
    assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Asia/Shanghai");

    List<VEvent> single = events(calendar, "booking-" + ids.get("single") + "@smartaffairs.cn");
    assertThat(single).hasSize(1);
    assertThat(property(single.get(0), "STATUS")).isEqualTo("CANCELLED");
    assertThat(property(single.get(0), "SUMMARY")).isEqualTo("取消的座谈");

    List<VEvent> series = events(calendar, "series-" + ids.get("series") + "@smartaffairs.cn");
    VEvent master = series.stream().filter(e -> e.getProperty("RRULE").isPresent()).findFirst().orElseThrow();
    VEvent moved = series.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst().orElseThrow();
    assertThat(series).hasSize(2);
    assertThat(property(master, "RRULE")).contains("FREQ=WEEKLY").contains("UNTIL=");
    assertThat(property(master, "STATUS")).isEqualTo("CONFIRMED");
    assertThat(property(master, "EXDATE")).contains(monday.plusWeeks(1).toString().replace("-", "") + "T090000",
        monday.plusWeeks(2).toString().replace("-", "") + "T090000");
    assertThat(master.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("Asia/Shanghai");
    // the rule with its EXDATEs leaves the first Monday, the moved one's original slot and the last
    List<ZonedDateTime> starts = master.<Temporal>calculateRecurrenceSet(new Period<>(
        at(monday.minusDays(1), "00:00").toZonedDateTime(), at(monday.plusWeeks(6), "00:00").toZonedDateTime()))
        .stream().map(period -> ZonedDateTime.from(period.getStart())).toList();
    assertThat(starts.stream().map(start -> start.toLocalDate()))
        .containsExactly(monday, monday.plusWeeks(3), monday.plusWeeks(4));
    assertThat(starts).allMatch(start -> start.toLocalTime().toString().equals("09:00"));
    assertThat(property(moved, "RECURRENCE-ID")).isEqualTo(monday.plusWeeks(3).toString().replace("-", "") + "T090000");
    assertThat(property(moved, "DTSTART")).isEqualTo(monday.plusWeeks(3).toString().replace("-", "") + "T110000");
  }

  @Test
  void thePersonsFeedCarriesTheSeriesWithExceptionsAMovedOccurrenceAndACancellation() throws Exception {
    long room = MeetingFixtures.room(jdbc, "订阅会议室", 20, false);
    var ids = bookings(room);
    CurrentUser staff = accounts.loadUserByUsername("staff");
    String secret = feeds.personalSecret(staff);
    assertThat(feeds.personalSecret(staff)).isEqualTo(secret);
    assertSeriesAndCancellation(parse(secret), ids);

    String replaced = feeds.regenerate(staff);
    assertThat(fetch("/calendar-feeds/" + secret + ".ics").statusCode()).isEqualTo(404);
    assertThat(parse(replaced).getComponents("VEVENT")).isNotEmpty();
    assertThat(fetch("/calendar-feeds/not-a-secret.ics").statusCode()).isEqualTo(404);
  }

  @Test
  void theRoomsFeedShowsItsBookingsWhoeverBookedThem() throws Exception {
    long room = MeetingFixtures.room(jdbc, "房间订阅室", 20, false);
    var ids = bookings(room);
    String secret = jdbc.sql("select feed_secret from meeting_room where id = :id").param("id", room)
        .query(String.class).single();
    Calendar calendar = parse(secret);
    assertSeriesAndCancellation(calendar, ids);
    assertThat(calendar.getComponents("VEVENT")).hasSize(3);

    // a cancelled series disappears from the subscribers' calendars: nothing of it holds the room any more
    assertThat(api.delete("/api/v1/meeting-series/" + ids.get("series"), token).status()).isEqualTo(200);
    VEvent master = events(parse(secret), "series-" + ids.get("series") + "@smartaffairs.cn").stream()
        .filter(e -> e.getProperty("RRULE").isPresent()).findFirst().orElseThrow();
    assertThat(property(master, "STATUS")).isEqualTo("CANCELLED");
  }
}
