package cn.smartaffairs.telemetry.audit;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.telemetry.audit.AuditRules.Audited;
import cn.smartaffairs.telemetry.audit.AuditRules.Flag;
import cn.smartaffairs.vehicle.GpsFinding.Kind;
import cn.smartaffairs.vehicle.Vehicle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of trip derivation and the GPS audit: positions read per vehicle and period in one query, trips stored
 * and found again by their start, flags replaced kind by kind with each change audited, and each vehicle's watermark.
 */
@Component
class TripStore {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  TripStore(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One vehicle at a time, whoever derives it (the round, a re-run, the odometer check); until the transaction ends. */
  void lock(long vehicleId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('telemetry_trip'), cast(:v % 2147483647 as integer))")
        .param("v", vehicleId).query().listOfRows();
  }

  /** The vehicle's positions in [from, to), in time order. */
  List<Fix> positions(long vehicleId, Instant from, Instant to) {
    return jdbc.sql("""
        select at, latitude, longitude, speed_dkmh, alarm_flags, status_flags from telemetry_position
         where vehicle_id = :vehicle and at >= :from and at < :to order by at""")
        .param("vehicle", vehicleId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new Fix(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getInt("latitude"),
            rs.getInt("longitude"), rs.getInt("speed_dkmh"), rs.getLong("alarm_flags"), rs.getLong("status_flags")))
        .list();
  }

  Optional<Instant> firstPosition(long vehicleId) {
    return jdbc.sql("select min(at) from telemetry_position where vehicle_id = :vehicle").param("vehicle", vehicleId)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().filter(Objects::nonNull)
        .map(OffsetDateTime::toInstant);
  }

  /**
   * A vehicle whose newest position is past its watermark (none yet: null), or for which positions arrived late,
   * behind it: the earliest of those and when the last of them was noted (null when none).
   */
  record Due(long vehicleId, Instant latestAt, Instant derivedUntil, Instant lateFrom, Instant lateNotedAt) {}

  List<Due> due() {
    return jdbc.sql("""
        select l.vehicle_id, l.at, w.derived_until, r.earliest_at, r.noted_at from telemetry_latest_position l
          left join telemetry_trip_watermark w on w.vehicle_id = l.vehicle_id
          left join telemetry_trip_late r on r.vehicle_id = l.vehicle_id
         where w.derived_until is null or l.at > w.derived_until or r.vehicle_id is not null
         order by l.vehicle_id""")
        .query((rs, n) -> new Due(rs.getLong("vehicle_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
            instant(rs, "derived_until"), instant(rs, "earliest_at"), instant(rs, "noted_at")))
        .list();
  }

  /**
   * The late positions noted at {@code notedAt} are being read again. Forgotten only if no later ones were noted since
   * (the writer sets a new moment with each), which the next round then reads.
   */
  void lateReadFrom(long vehicleId, Instant notedAt) {
    jdbc.sql("delete from telemetry_trip_late where vehicle_id = :vehicle and noted_at = :noted")
        .param("vehicle", vehicleId).param("noted", Timestamp.from(notedAt)).update();
  }

  void setWatermark(long vehicleId, Instant until) {
    jdbc.sql("""
        insert into telemetry_trip_watermark (vehicle_id, derived_until) values (:vehicle, :until)
        on conflict (vehicle_id) do update set derived_until = excluded.derived_until""")
        .param("vehicle", vehicleId).param("until", Timestamp.from(until)).update();
  }

  /** The stored trips of the vehicle that overlap [from, to), by start, each with its first and last position. */
  List<Audited> trips(long vehicleId, Instant from, Instant to) {
    return jdbc.sql("""
        select * from telemetry_trip
         where vehicle_id = :vehicle and started_at < :to and ended_at > :from order by started_at""")
        .param("vehicle", vehicleId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(TripStore::stored).list();
  }

  /** The vehicle's last stored trip that started before the moment. */
  Optional<Audited> lastTripBefore(long vehicleId, Instant before) {
    return jdbc.sql("""
        select * from telemetry_trip where vehicle_id = :vehicle and started_at < :before
         order by started_at desc limit 1""")
        .param("vehicle", vehicleId).param("before", Timestamp.from(before)).query(TripStore::stored).optional();
  }

  /**
   * Stores the derived trips, each found again by its start, and removes the stored trips that started in
   * [from, until) but were not derived again (their flags first, audited). Answers the derived trips as stored.
   */
  List<Audited> save(Vehicle vehicle, Instant from, Instant until, List<TripDerivation.Trip> derived) {
    List<Audited> saved = new ArrayList<>();
    for (TripDerivation.Trip trip : derived) {
      long id = jdbc.sql("""
          insert into telemetry_trip (vehicle_id, region_id, started_at, ended_at, start_latitude, start_longitude,
                                      end_latitude, end_longitude, gps_km, max_speed_kmh, points)
          values (:vehicle, :region, :start, :end, :startLat, :startLon, :endLat, :endLon, :km, :speed, :points)
          on conflict (vehicle_id, started_at) do update
             set ended_at = excluded.ended_at, end_latitude = excluded.end_latitude,
                 end_longitude = excluded.end_longitude, gps_km = excluded.gps_km,
                 max_speed_kmh = excluded.max_speed_kmh, points = excluded.points, derived_at = now()
          returning id""")
          .param("vehicle", vehicle.id()).param("region", vehicle.regionId())
          .param("start", Timestamp.from(trip.first().at())).param("end", Timestamp.from(trip.last().at()))
          .param("startLat", trip.first().latitude()).param("startLon", trip.first().longitude())
          .param("endLat", trip.last().latitude()).param("endLon", trip.last().longitude())
          .param("km", AuditRules.oneDecimal(trip.gpsKm())).param("speed", AuditRules.oneDecimal(trip.maxSpeedKmh()))
          .param("points", trip.points().size()).query(Long.class).single();
      saved.add(new Audited(id, trip.points(), AuditRules.oneDecimal(trip.gpsKm()).doubleValue()));
    }
    Long[] kept = saved.stream().map(Audited::id).toArray(Long[]::new);
    List<Long> gone = jdbc.sql("""
        select id from telemetry_trip where vehicle_id = :vehicle and started_at >= :from and started_at < :until
           and id <> all(:kept)""")
        .param("vehicle", vehicle.id()).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
        .param("kept", kept).query(Long.class).list();
    if (!gone.isEmpty()) {
      Map<Long, List<Flag>> none = new HashMap<>();
      gone.forEach(id -> none.put(id, List.of()));
      replaceFlags(vehicle, none, Set.of(Kind.values()));
      jdbc.sql("delete from telemetry_trip where id = any(:ids)").param("ids", gone.toArray(Long[]::new)).update();
    }
    return saved;
  }

  /**
   * Makes the stored flags of the given kinds on each trip what the audit found now: a new flag is inserted, one no
   * longer found deleted, one whose evidence moved updated — each change audited.
   */
  void replaceFlags(Vehicle vehicle, Map<Long, List<Flag>> flagsByTrip, Set<Kind> kinds) {
    if (flagsByTrip.isEmpty()) {
      return;
    }
    record Stored(long id, long tripId, Flag flag) {}
    Map<Long, Map<Kind, Stored>> existing = new HashMap<>();
    jdbc.sql("select * from telemetry_trip_flag where trip_id = any(:trips) and kind = any(:kinds)")
        .param("trips", flagsByTrip.keySet().toArray(Long[]::new))
        .param("kinds", kinds.stream().map(Kind::name).toArray(String[]::new))
        .query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("trip_id"), flag(rs))).list()
        .forEach(s -> existing.computeIfAbsent(s.tripId(), id -> new HashMap<>()).put(s.flag().kind(), s));
    List<AuditEntry> changes = new ArrayList<>();
    flagsByTrip.forEach((tripId, flags) -> {
      Map<Kind, Stored> before = existing.getOrDefault(tripId, Map.of());
      for (Stored old : before.values()) {
        if (flags.stream().noneMatch(f -> f.kind() == old.flag().kind())) {
          jdbc.sql("delete from telemetry_trip_flag where id = :id").param("id", old.id()).update();
          changes.add(AuditEntry.deleted("telemetry_trip_flag", old.id(), vehicle.regionId(),
              state(vehicle, tripId, old.flag())));
        }
      }
      for (Flag flag : flags) {
        Stored old = before.get(flag.kind());
        if (old == null) {
          long id = jdbc.sql("""
              insert into telemetry_trip_flag (trip_id, kind, at, latitude, longitude, measured, allowed, basis,
                                               sheet_no)
              values (:trip, :kind, :at, :lat, :lon, :measured, :allowed, :basis, :sheet) returning id""")
              .params(columns(flag)).param("trip", tripId).query(Long.class).single();
          changes.add(AuditEntry.created("telemetry_trip_flag", id, vehicle.regionId(), state(vehicle, tripId, flag)));
        } else if (!same(old.flag(), flag)) {
          jdbc.sql("""
              update telemetry_trip_flag set at = :at, latitude = :lat, longitude = :lon, measured = :measured,
                     allowed = :allowed, basis = :basis, sheet_no = :sheet where id = :id""")
              .params(columns(flag)).param("id", old.id()).update();
          changes.add(AuditEntry.updated("telemetry_trip_flag", old.id(), vehicle.regionId(),
              state(vehicle, tripId, old.flag()), state(vehicle, tripId, flag)));
        }
      }
    });
    audit.recordAll(changes);
  }

  private static Map<String, Object> columns(Flag flag) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("kind", flag.kind().name());
    columns.put("at", Timestamp.from(flag.at()));
    columns.put("lat", flag.latitude());
    columns.put("lon", flag.longitude());
    columns.put("measured", flag.measured());
    columns.put("allowed", flag.allowed());
    columns.put("basis", flag.basis());
    columns.put("sheet", flag.sheetNo());
    return columns;
  }

  private static boolean same(Flag a, Flag b) {
    return a.at().equals(b.at()) && a.latitude() == b.latitude() && a.longitude() == b.longitude()
        && equal(a.measured(), b.measured()) && equal(a.allowed(), b.allowed()) && equal(a.basis(), b.basis())
        && Objects.equals(a.sheetNo(), b.sheetNo());
  }

  private static boolean equal(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** A flag as the audit trail keeps it: the plate, the trip, the kind and the evidence in plain words and numbers. */
  private static Map<String, Object> state(Vehicle vehicle, long tripId, Flag flag) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("plate", vehicle.plate());
    state.put("tripId", tripId);
    state.put("kind", flag.kind().name());
    state.put("at", LocalDateTime.ofInstant(flag.at(), BEIJING).toString());
    state.put("lat", BigDecimal.valueOf(flag.latitude(), 6).toPlainString());
    state.put("lon", BigDecimal.valueOf(flag.longitude(), 6).toPlainString());
    state.put("measured", flag.measured() == null ? null : flag.measured().toPlainString());
    state.put("allowed", flag.allowed() == null ? null : flag.allowed().toPlainString());
    state.put("basis", flag.basis() == null ? null : flag.basis().toPlainString());
    state.put("sheetNo", flag.sheetNo());
    return state;
  }

  private static Flag flag(ResultSet rs) throws SQLException {
    return new Flag(Kind.valueOf(rs.getString("kind")), rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getInt("latitude"), rs.getInt("longitude"), rs.getBigDecimal("measured"), rs.getBigDecimal("allowed"),
        rs.getBigDecimal("basis"), rs.getString("sheet_no"));
  }

  private static Audited stored(ResultSet rs, int n) throws SQLException {
    Fix first = new Fix(rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getInt("start_latitude"),
        rs.getInt("start_longitude"), 0, 0, 0);
    Fix last = new Fix(rs.getObject("ended_at", OffsetDateTime.class).toInstant(), rs.getInt("end_latitude"),
        rs.getInt("end_longitude"), 0, 0, 0);
    return new Audited(rs.getLong("id"), List.of(first, last), rs.getBigDecimal("gps_km").doubleValue());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
