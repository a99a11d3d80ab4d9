package cn.smartaffairs.meeting;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar (RFC 5545) feeds of a person's and a room's bookings for Outlook, Thunderbird or DingTalk to subscribe
 * to. The address carries a long random secret because calendar clients cannot sign in. A series is one VEVENT
 * with RRULE and EXDATE (dates left out, occurrences cancelled or released); a moved occurrence is an override
 * with the series' UID and its original start as RECURRENCE-ID (ADR 0005).
 */
@Service
public class CalendarFeeds {

  private static final String DOMAIN = "@smartaffairs.cn";
  private static final long DAYS_BACK = 90;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TZ = PlatformConfiguration.ZONE.getId();
  private static final String ROWS = """
      select b.id, b.subject, b.status, b.sequence, b.updated_at, b.series_id, b.occurrence_start, b.attendees,
             lower(b.during) as starts_at, upper(b.during) as ends_at, r.name as room, r.building, r.floor
        from meeting_booking b join meeting_room r on r.id = b.room_id
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final VTimeZone shanghai;

  public CalendarFeeds(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.shanghai = beijingTime();
  }

  /** The secret of the person's feed, made on first use. */
  @Transactional
  public String personalSecret(CurrentUser user) {
    return jdbc.sql("select secret from meeting_calendar_feed where user_id = :user").param("user", user.userId())
        .query(String.class).optional().orElseGet(() -> regenerate(user));
  }

  /** Replaces the person's secret: the old address stops working at once (e.g. after it leaked). */
  @Transactional
  public String regenerate(CurrentUser user) {
    String secret = newSecret();
    jdbc.sql("""
        insert into meeting_calendar_feed (user_id, secret, created_at) values (:user, :secret, :now)
        on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at""")
        .param("user", user.userId()).param("secret", secret).param("now", Timestamp.from(clock.instant())).update();
    audit.record(new AuditEntry("REGENERATE", "meeting_calendar_feed", user.userId(), user.regionId(), Map.of(),
        Map.of("regeneratedAt", clock.instant().toString())));
    return secret;
  }

  /** The secret of a room's feed, for those who keep the region's rooms. */
  public String roomSecret(long roomId, CurrentUser viewer) {
    return jdbc.sql("select feed_secret from meeting_room where id = :id and region_id = :region")
        .param("id", roomId).param("region", viewer.regionId()).query(String.class).optional()
        .orElseThrow(() -> new cn.smartaffairs.platform.NotFoundException("meetingRoom", roomId));
  }

  /** The feed behind a secret, a person's or a room's; empty when the secret is unknown. */
  public Optional<String> feed(String secret) {
    if (secret == null || secret.length() < 32) {
      return Optional.empty();
    }
    Optional<Long> person = jdbc.sql("select user_id from meeting_calendar_feed where secret = :secret")
        .param("secret", secret).query(Long.class).optional();
    if (person.isPresent()) {
      return Optional.of(render("我的会议", "b.booked_by = :owner", person.get()));
    }
    return jdbc.sql("select id, name from meeting_room where feed_secret = :secret").param("secret", secret)
        .query((rs, n) -> render("会议室 " + rs.getString("name"), "b.room_id = :owner", rs.getLong("id")))
        .optional();
  }

  private String render(String name, String whose, long owner) {
    Instant now = clock.instant();
    var rows = jdbc.sql(ROWS + """
        where %s and upper(b.during) >= :since
        order by b.series_id nulls first, b.occurrence_start, lower(b.during), b.id""".formatted(whose))
        .param("owner", owner).param("since", Timestamp.from(now.minus(DAYS_BACK, ChronoUnit.DAYS)))
        .query().listOfRows();
    Calendar calendar = new Calendar().withProdId("-//Smart Affairs//会议室预订//ZH").withDefaults().getFluentTarget();
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", TZ));
    calendar.add(shanghai);
    java.util.Set<Long> series = new java.util.LinkedHashSet<>();
    for (var row : rows) {
      Long seriesId = row.get("series_id") == null ? null : ((Number) row.get("series_id")).longValue();
      if (seriesId == null) {
        VEvent event = event("booking-" + row.get("id"), row, now);
        event.add(new Status(status(BookingStatus.valueOf((String) row.get("status")))));
        calendar.add(event);
      } else {
        series.add(seriesId);
      }
    }
    series.forEach(id -> addSeries(calendar, id, now));
    return calendar.toString();
  }

  /**
   * The series as one recurring event, plus an override for each occurrence moved away from its rule. All its
   * occurrences count, also those before the feed's window, so the EXDATEs are complete; the series is CANCELLED
   * only when none of its occurrences holds the room any more (cancelling a series keeps those already held).
   */
  private void addSeries(Calendar calendar, long seriesId, Instant now) {
    List<Map<String, Object>> occurrences = jdbc.sql(ROWS + " where b.series_id = :series order by b.occurrence_start")
        .param("series", seriesId).query().listOfRows();
    var rule = jdbc.sql("select *, array_to_string(exceptions, ',') as skipped from meeting_series where id = :id")
        .param("id", seriesId).query().singleRow();
    java.time.LocalDate first = ((java.sql.Date) rule.get("first_date")).toLocalDate();
    java.time.LocalDate until = ((java.sql.Date) rule.get("until_date")).toLocalDate();
    java.time.LocalTime starts = ((java.sql.Time) rule.get("starts_at")).toLocalTime();
    java.time.LocalTime ends = ((java.sql.Time) rule.get("ends_at")).toLocalTime();
    var firstStart = first.atTime(starts).atZone(PlatformConfiguration.ZONE);
    Map<String, Object> template = new LinkedHashMap<>(occurrences.get(0));
    template.put("starts_at", Timestamp.from(firstStart.toInstant()));
    template.put("ends_at", Timestamp.from(first.atTime(ends).atZone(PlatformConfiguration.ZONE).toInstant()));
    template.put("sequence",
        occurrences.stream().mapToInt(o -> ((Number) o.get("sequence")).intValue()).max().orElse(0));
    template.put("updated_at", occurrences.stream().map(o -> (Timestamp) o.get("updated_at"))
        .max(Timestamp::compareTo).orElseThrow());
    VEvent master = event("series-" + seriesId, template, now);
    Instant untilInstant = until.atTime(starts).atZone(PlatformConfiguration.ZONE).toInstant();
    master.add(new RRule<LocalDateTime>("FREQ=" + rule.get("frequency") + ";INTERVAL=" + rule.get("interval_count")
        + ";UNTIL=" + UTC.format(untilInstant)));
    List<LocalDateTime> excluded = new java.util.ArrayList<>();
    for (String skipped : ((String) rule.get("skipped")).split(",")) {
      if (!skipped.isBlank()) {
        excluded.add(java.time.LocalDate.parse(skipped).atTime(starts));
      }
    }
    boolean pending = false;
    boolean holds = false;
    for (var occurrence : occurrences) {
      BookingStatus status = BookingStatus.valueOf((String) occurrence.get("status"));
      LocalDateTime original = local((Timestamp) occurrence.get("occurrence_start"));
      pending |= status == BookingStatus.PENDING;
      holds |= status.holdsRoom();
      if (!status.holdsRoom()) {
        excluded.add(original);
      } else if (!occurrence.get("occurrence_start").equals(occurrence.get("starts_at"))) {
        VEvent moved = event("series-" + seriesId, occurrence, now);
        moved.add(new RecurrenceId<>(zone(), original));
        moved.add(new Status(status(status)));
        calendar.add(moved);
      }
    }
    if (!excluded.isEmpty()) {
      master.add(new ExDate<>(zone(), new DateList<>(excluded.stream().sorted().toList())));
    }
    master.add(new Status(!holds ? Status.VALUE_CANCELLED : pending ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
    calendar.add(master);
  }

  /**
   * China has kept +08:00 all year since 1991; one STANDARD observance says exactly that. (ical4j's bundled
   * definition carries the 1986–1991 summer times, and its own conversion then shifted summer meetings an hour.)
   */
  private static VTimeZone beijingTime() {
    Standard standard = new Standard(new PropertyList(List.of(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)),
        new TzOffsetFrom(ZoneOffset.ofHours(8)), new TzOffsetTo(ZoneOffset.ofHours(8)), new TzName("CST"))));
    return new VTimeZone(new PropertyList(List.of(new net.fortuna.ical4j.model.property.TzId(TZ))),
        new ComponentList<>(List.of(standard)));
  }

  private static ParameterList zone() {
    return new ParameterList(List.of(new TzId(TZ)));
  }

  private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
      .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

  private VEvent event(String key, Map<String, Object> row, Instant now) {
    VEvent event = new VEvent(false);
    event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
    event.add(new DtStart<>(zone(), local((Timestamp) row.get("starts_at"))));
    event.add(new DtEnd<>(zone(), local((Timestamp) row.get("ends_at"))));
    event.add(new Summary((String) row.get("subject")));
    event.add(new Uid(key + DOMAIN));
    event.add(new Sequence(((Number) row.get("sequence")).intValue()));
    event.add(new LastModified(((Timestamp) row.get("updated_at")).toInstant().truncatedTo(ChronoUnit.SECONDS)));
    // a floor entered as a number is said as Chinese says floors ("3层"), any other as it was entered
    String floor = row.get("floor") == null
        ? ""
        : " " + row.get("floor") + (String.valueOf(row.get("floor")).strip().matches("\\d{1,3}") ? "层" : "");
    event.add(new Location(row.get("room") + "（" + row.get("building") + floor + "）"));
    event.add(new Description("参会人数：" + row.get("attendees")));
    return event;
  }

  /** Wall-clock time in Beijing, written with TZID=Asia/Shanghai. */
  private static LocalDateTime local(Timestamp timestamp) {
    return timestamp.toInstant().atZone(PlatformConfiguration.ZONE).toLocalDateTime();
  }

  /** A booking's state as iCalendar says it: held for approval is tentative, given back is cancelled. */
  private static String status(BookingStatus bookingStatus) {
    return switch (bookingStatus) {
      case PENDING -> Status.VALUE_TENTATIVE;
      case ACTIVE -> Status.VALUE_CONFIRMED;
      case CANCELLED, RELEASED -> Status.VALUE_CANCELLED;
    };
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
