package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.GeofenceCrossed;
import cn.smartaffairs.telemetry.GeofenceCrossed.Direction;
import cn.smartaffairs.telemetry.TelemetryRules;
import cn.smartaffairs.telemetry.geofence.Crossings.Crossing;
import cn.smartaffairs.telemetry.geofence.Crossings.Fence;
import cn.smartaffairs.telemetry.geofence.Crossings.Fix;
import cn.smartaffairs.telemetry.geofence.Crossings.Side;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 进出围栏 off the position write path: a round every minute ({@code telemetry-geofence-crossings}, one instance at a
 * time) reads, for each vehicle of a region with fences whose newest position is past its watermark, the positions
 * since (at most seven days back and 5,000 a round), measures the located ones against the region's fences
 * ({@link Crossings}), stores each vehicle's side of each fence and each crossing, and publishes {@link GeofenceCrossed}
 * for it through the event publication registry — one transaction per vehicle, under the vehicle's lock. Positions
 * that arrive behind the watermark (a blind-area upload hours late) are not measured. Crossings are kept as long as
 * the positions they come from (POSITION_RETENTION_MONTHS of the fence's region).
 */
@Service
public class GeofenceCrossings {

  private static final Logger log = LoggerFactory.getLogger(GeofenceCrossings.class);
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Duration LONGEST_READ = Duration.ofDays(7);
  private static final int MOST_POSITIONS = 5_000;
  /** Status bit 1 of a position: 定位 (the receiver has a fix). */
  private static final long LOCATED = 0b10;

  /** A crossing as the page and the API show it. */
  public record CrossingRow(long id, long geofenceId, String geofenceName, long vehicleId, String plate,
      Direction direction, OffsetDateTime at, BigDecimal lat, BigDecimal lon) {}

  private record Due(long vehicleId, long regionId, Instant latestAt, Instant evaluatedUntil) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Geofences geofences;
  private final ApplicationEventPublisher events;
  private final TelemetryRules rules;
  private final Fleet fleet;
  private final AuditTrail audit;
  private final Clock clock;
  private volatile Instant lastPurge = Instant.EPOCH;

  GeofenceCrossings(JdbcClient jdbc, PlatformTransactionManager transactions, Geofences geofences,
      ApplicationEventPublisher events, TelemetryRules rules, Fleet fleet, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.geofences = geofences;
    this.events = events;
    this.rules = rules;
    this.fleet = fleet;
    this.audit = audit;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${affairs.telemetry.geofence-interval:PT1M}", initialDelayString = "${affairs.telemetry.geofence-initial-delay:PT1M}")
  @SchedulerLock(name = "telemetry-geofence-crossings")
  public void onSchedule() {
    runDue();
    if (Duration.between(lastPurge, clock.instant()).compareTo(Duration.ofHours(1)) > 0) {
      purgeExpired();
      lastPurge = clock.instant();
    }
  }

  /** One round over every vehicle due; answers how many crossings it recorded. */
  public int runDue() {
    Map<Long, List<Fence>> fences = new HashMap<>();
    geofences.inUseByRegion().forEach((region, list) -> fences.put(region,
        list.stream().map(f -> new Fence(f.id(), f.geometry(), f.drawnAt())).toList()));
    if (fences.isEmpty()) {
      return 0;
    }
    int recorded = 0;
    for (Due due : due()) {
      List<Fence> ofRegion = fences.get(due.regionId());
      if (ofRegion == null) {
        continue;
      }
      try {
        recorded += transaction.execute(status -> measure(due, ofRegion));
      } catch (RuntimeException e) {
        log.warn("geofence crossings of vehicle {} failed; tried again next round", due.vehicleId(), e);
      }
    }
    return recorded;
  }

  /** Vehicles whose newest position is past their watermark, with the region their terminal was bound in. */
  private List<Due> due() {
    return jdbc.sql("""
        select l.vehicle_id, t.region_id, l.at, w.evaluated_until from telemetry_latest_position l
          join telemetry_terminal t on t.vehicle_id = l.vehicle_id
          left join telemetry_geofence_watermark w on w.vehicle_id = l.vehicle_id
         where (w.evaluated_until is null or l.at > w.evaluated_until)
           and exists (select 1 from telemetry_geofence g where g.region_id = t.region_id and g.deleted_at is null)
         order by l.vehicle_id""")
        .query((rs, n) -> new Due(rs.getLong("vehicle_id"), rs.getLong("region_id"),
            rs.getObject("at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("evaluated_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                .orElse(null)))
        .list();
  }

  private int measure(Due due, List<Fence> fences) {
    long vehicleId = due.vehicleId();
    jdbc.sql("select pg_advisory_xact_lock(hashtext('telemetry_geofence'), cast(:v % 2147483647 as integer))")
        .param("v", vehicleId).query().listOfRows();
    // read again under the lock: a run of another instance may have moved it
    Instant watermark = jdbc.sql("select evaluated_until from telemetry_geofence_watermark where vehicle_id = :v")
        .param("v", vehicleId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
    Instant earliest = due.latestAt().minus(LONGEST_READ);
    Instant from = watermark == null || watermark.isBefore(earliest) ? earliest : watermark;
    List<Object[]> rows = jdbc.sql("""
        select at, latitude, longitude, status_flags from telemetry_position
         where vehicle_id = :v and at > :from order by at limit :most""")
        .param("v", vehicleId).param("from", Timestamp.from(from)).param("most", MOST_POSITIONS)
        .query((rs, n) -> new Object[] {rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getInt("latitude"),
            rs.getInt("longitude"), rs.getLong("status_flags")})
        .list();
    if (rows.isEmpty()) {
      setWatermark(vehicleId, due.latestAt());
      return 0;
    }
    List<Fix> fixes = rows.stream().filter(r -> ((long) r[3] & LOCATED) != 0)
        .map(r -> new Fix((Instant) r[0], (int) r[1], (int) r[2])).toList();
    Map<Long, Side> known = new HashMap<>();
    jdbc.sql("select geofence_id, inside, since from telemetry_geofence_side where vehicle_id = :v")
        .param("v", vehicleId)
        .query((rs, n) -> known.put(rs.getLong("geofence_id"), new Side(rs.getBoolean("inside"),
            rs.getObject("since", OffsetDateTime.class).toInstant())))
        .list();
    Crossings.Result result = Crossings.evaluate(fences, known, fixes);
    result.changedSides().forEach((fence, side) -> storeSide(vehicleId, fence, side));
    int recorded = 0;
    for (Crossing crossing : result.crossings()) {
      recorded += record(vehicleId, crossing) ? 1 : 0;
    }
    setWatermark(vehicleId, (Instant) rows.get(rows.size() - 1)[0]);
    return recorded;
  }

  private void storeSide(long vehicleId, long fence, Side side) {
    jdbc.sql("""
        insert into telemetry_geofence_side (vehicle_id, geofence_id, inside, since)
        values (:v, :fence, :inside, :since)
        on conflict (vehicle_id, geofence_id) do update set inside = excluded.inside, since = excluded.since""")
        .param("v", vehicleId).param("fence", fence).param("inside", side.inside())
        .param("since", Timestamp.from(side.since())).update();
  }

  private boolean record(long vehicleId, Crossing crossing) {
    Direction direction = crossing.entered() ? Direction.ENTERED : Direction.LEFT;
    Fix fix = crossing.fix();
    Optional<Object[]> stored = jdbc.sql("""
        insert into telemetry_geofence_crossing (geofence_id, vehicle_id, region_id, direction, at, latitude, longitude)
        select g.id, :v, g.region_id, :direction, :at, :lat, :lon from telemetry_geofence g where g.id = :fence
        on conflict (geofence_id, vehicle_id, at) do nothing
        returning id, region_id, (select name from telemetry_geofence where id = :fence),
                  (select kind from telemetry_geofence where id = :fence)""")
        .param("v", vehicleId).param("direction", direction.name()).param("at", Timestamp.from(fix.at()))
        .param("lat", fix.latitude()).param("lon", fix.longitude()).param("fence", crossing.geofenceId())
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}).optional();
    stored.ifPresent(row -> events.publishEvent(new GeofenceCrossed((long) row[0], crossing.geofenceId(),
        (String) row[2], cn.smartaffairs.telemetry.GeofenceKind.valueOf((String) row[3]), (long) row[1], vehicleId,
        direction, fix.at(), BigDecimal.valueOf(fix.latitude(), 6), BigDecimal.valueOf(fix.longitude(), 6))));
    return stored.isPresent();
  }

  private void setWatermark(long vehicleId, Instant until) {
    jdbc.sql("""
        insert into telemetry_geofence_watermark (vehicle_id, evaluated_until) values (:v, :until)
        on conflict (vehicle_id) do update set evaluated_until = greatest(telemetry_geofence_watermark.evaluated_until,
                                                                        excluded.evaluated_until)""")
        .param("v", vehicleId).param("until", Timestamp.from(until)).update();
  }

  /** Removes the crossings older than their region keeps positions; answers how many went. */
  int purgeExpired() {
    LocalDate today = LocalDate.now(clock.withZone(BEIJING));
    TelemetryRules.InForce retention = rules.inForce(TelemetryRules.Key.POSITION_RETENTION_MONTHS, today);
    int removed = 0;
    for (long region : jdbc.sql("select distinct region_id from telemetry_geofence_crossing").query(Long.class)
        .list()) {
      Instant before = today.minusMonths(retention.of(region)).atStartOfDay(BEIJING).toInstant();
      removed += jdbc.sql("delete from telemetry_geofence_crossing where region_id = :r and at < :before")
          .param("r", region).param("before", Timestamp.from(before)).update();
    }
    return removed;
  }

  /**
   * The newest crossings in the regions the viewer manages (of one fence, when given), newest first. Where a vehicle
   * was is the driver's personal information (PIPL art. 28): each look is audited.
   */
  public List<CrossingRow> recent(CurrentUser viewer, Long geofenceId, int most) {
    DataScope managed = Geofences.managedBy(viewer);
    MapSqlParameterSource parameters = managed.bind(new MapSqlParameterSource("most", Math.max(1, Math.min(most, 500))))
        .addValue("fence", geofenceId);
    List<CrossingRow> rows = jdbc.sql("select c.*, g.name from telemetry_geofence_crossing c"
        + " join telemetry_geofence g on g.id = c.geofence_id where (cast(:fence as bigint) is null or c.geofence_id = :fence)"
        + " and " + DataScope.sqlCondition("c.region_id", null, null) + " order by c.at desc, c.id desc limit :most")
        .paramSource(parameters)
        .query((rs, n) -> new CrossingRow(rs.getLong("id"), rs.getLong("geofence_id"), rs.getString("name"),
            rs.getLong("vehicle_id"), null, Direction.valueOf(rs.getString("direction")),
            rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.ofHours(8)),
            BigDecimal.valueOf(rs.getInt("latitude"), 6), BigDecimal.valueOf(rs.getInt("longitude"), 6)))
        .list();
    Map<Long, String> plates = rows.isEmpty()
        ? Map.of()
        : fleet.list(managed, null).stream().collect(Collectors.toMap(Vehicle::id, Vehicle::plate, (a, b) -> a));
    Map<String, Object> viewed = new LinkedHashMap<>();
    viewed.put("geofenceId", geofenceId);
    viewed.put("crossings", rows.size());
    audit.record(new AuditEntry("VIEW", "telemetry_geofence_crossing", geofenceId, viewer.regionId(), null, viewed));
    return rows.stream().map(r -> new CrossingRow(r.id(), r.geofenceId(), r.geofenceName(), r.vehicleId(),
        plates.getOrDefault(r.vehicleId(), "—"), r.direction(), r.at(), r.lat(), r.lon())).toList();
  }
}
