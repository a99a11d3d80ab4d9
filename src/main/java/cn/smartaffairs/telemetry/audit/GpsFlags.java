package cn.smartaffairs.telemetry.audit;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.TrackLinks;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.GpsAuditFindings;
import cn.smartaffairs.vehicle.GpsFinding;
import cn.smartaffairs.vehicle.GpsFinding.Kind;
import cn.smartaffairs.vehicle.Vehicle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The GPS audit's flags as others read them: module vehicle through {@link GpsAuditFindings} (合规预警 and the GPS km
 * of 单车核算), the vehicle managers through the API — the latter audited, since the evidence says where a car was.
 */
@Service
public class GpsFlags implements GpsAuditFindings {

  /** One flag with its trip and evidence, Beijing times, degrees with six decimals. */
  public record GpsFlag(long id, long tripId, long vehicleId, String plate, Kind kind, OffsetDateTime at,
      BigDecimal lat, BigDecimal lon, BigDecimal measured, BigDecimal allowed, BigDecimal basis, String sheetNo,
      OffsetDateTime tripStartedAt, OffsetDateTime tripEndedAt, BigDecimal tripGpsKm, String trackLink) {}

  private static final String FLAGS = """
      select f.*, t.vehicle_id, t.started_at, t.ended_at, t.gps_km
        from telemetry_trip_flag f join telemetry_trip t on t.id = f.trip_id""";

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final AuditTrail audit;

  GpsFlags(JdbcClient jdbc, Fleet fleet, AuditTrail audit) {
    this.jdbc = jdbc;
    this.fleet = fleet;
    this.audit = audit;
  }

  /** The flags raised in [from, to) on the vehicles of the scope, newest first; the view is audited. */
  public List<GpsFlag> list(DataScope scope, Instant from, Instant to, Long viewerRegionId) {
    Map<Long, Vehicle> vehicles = fleet.list(scope, null).stream()
        .collect(Collectors.toMap(Vehicle::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<GpsFlag> flags = vehicles.isEmpty()
        ? List.of()
        : jdbc.sql(FLAGS + " where t.vehicle_id = any(:ids) and f.at >= :from and f.at < :to order by f.at desc, f.id")
            .param("ids", vehicles.keySet().toArray(Long[]::new)).param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, n) -> flag(rs, vehicles)).list();
    Map<String, Object> viewed = new LinkedHashMap<>();
    viewed.put("from", LocalDateTime.ofInstant(from, TripStore.BEIJING).toString());
    viewed.put("to", LocalDateTime.ofInstant(to, TripStore.BEIJING).toString());
    viewed.put("flags", flags.size());
    audit.record(new AuditEntry("VIEW", "telemetry_trip_flag", null, viewerRegionId, null, viewed));
    return flags;
  }

  @Override
  public List<GpsFinding> findings(Collection<Long> vehicleIds) {
    if (vehicleIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(FLAGS + " where t.vehicle_id = any(:ids) order by f.at desc, f.id")
        .param("ids", vehicleIds.toArray(Long[]::new))
        .query((rs, n) -> {
          GpsFlag flag = flag(rs, Map.of());
          return new GpsFinding(flag.kind(), flag.vehicleId(), flag.tripId(), flag.at().toLocalDateTime(),
              flag.lat(), flag.lon(), flag.measured(), flag.allowed(), flag.basis(), flag.sheetNo(),
              flag.trackLink());
        }).list();
  }

  @Override
  public Map<Long, BigDecimal> gpsKm(Collection<Long> vehicleIds, LocalDate from, LocalDate to) {
    Map<Long, BigDecimal> km = new HashMap<>();
    if (vehicleIds.isEmpty()) {
      return km;
    }
    jdbc.sql("""
        select vehicle_id, sum(gps_km) as km from telemetry_trip
         where vehicle_id = any(:ids) and ended_at >= :from and ended_at < :to group by vehicle_id""")
        .param("ids", vehicleIds.toArray(Long[]::new))
        .param("from", Timestamp.from(from.atStartOfDay(TripStore.BEIJING).toInstant()))
        .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(TripStore.BEIJING).toInstant()))
        .query(rs -> {
          km.put(rs.getLong("vehicle_id"), rs.getBigDecimal("km"));
        });
    return km;
  }

  private static GpsFlag flag(ResultSet rs, Map<Long, Vehicle> vehicles) throws SQLException {
    long vehicleId = rs.getLong("vehicle_id");
    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
    Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
    Instant ended = rs.getObject("ended_at", OffsetDateTime.class).toInstant();
    Vehicle vehicle = vehicles.get(vehicleId);
    BigDecimal lat = BigDecimal.valueOf(rs.getInt("latitude"), 6);
    BigDecimal lon = BigDecimal.valueOf(rs.getInt("longitude"), 6);
    return new GpsFlag(rs.getLong("id"), rs.getLong("trip_id"), vehicleId, vehicle == null ? null : vehicle.plate(),
        Kind.valueOf(rs.getString("kind")), beijing(at), lat, lon, rs.getBigDecimal("measured"),
        rs.getBigDecimal("allowed"), rs.getBigDecimal("basis"), rs.getString("sheet_no"), beijing(started),
        beijing(ended), rs.getBigDecimal("gps_km"),
        TrackLinks.of(vehicleId, at.isBefore(started) ? at : started, at.isAfter(ended) ? at : ended, lat, lon));
  }

  private static OffsetDateTime beijing(Instant moment) {
    return moment.atZone(TripStore.BEIJING).toOffsetDateTime();
  }
}
