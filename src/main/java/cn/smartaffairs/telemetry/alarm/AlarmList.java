package cn.smartaffairs.telemetry.alarm;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.TelemetryRules;
import cn.smartaffairs.telemetry.TelemetryRules.Key;
import cn.smartaffairs.telemetry.TrackLinks;
import cn.smartaffairs.telemetry.jt808.AlarmFlag;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The alarms the terminals raised, as the vehicle managers of the vehicles' regions see them (page and API). Each
 * look is audited, since an alarm says where and when a car was.
 */
@Service
public class AlarmList {

  /** One alarm: the position's time (Beijing) and place (six decimals), its speed, and its track around the moment. */
  public record VehicleAlarm(long id, long vehicleId, String plate, AlarmFlag kind, OffsetDateTime at, BigDecimal lat,
      BigDecimal lon, BigDecimal speedKmh, boolean notified, String trackLink) {}

  /** What a look asks for: [from, to), one vehicle or all in scope, one kind or all. */
  public record Filter(Instant from, Instant to, Long vehicleId, AlarmFlag kind) {}

  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("time", "a.at")
      .ascending("kind", "a.kind")
      .byDefault("time").tieBreaker("a.id");

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final AuditTrail audit;
  private final TelemetryRules rules;

  AlarmList(JdbcClient jdbc, Fleet fleet, AuditTrail audit, TelemetryRules rules) {
    this.jdbc = jdbc;
    this.fleet = fleet;
    this.audit = audit;
    this.rules = rules;
  }

  /** One page of the alarms in the scope (the caller's managed regions); the look is audited. */
  public Page<VehicleAlarm> search(DataScope scope, Filter filter, ListQuery query, Long viewerRegionId) {
    Map<Long, String> plates = fleet.list(scope, null).stream()
        .collect(Collectors.toMap(Vehicle::id, Vehicle::plate, (a, b) -> a));
    String where = " from telemetry_vehicle_alarm a where " + DataScope.sqlCondition("a.region_id", null, null)
        + " and a.at >= :from and a.at < :to and (cast(:vehicle as bigint) is null or a.vehicle_id = :vehicle)"
        + " and (cast(:kind as text) is null or a.kind = :kind)";
    MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
        .addValue("from", Timestamp.from(filter.from())).addValue("to", Timestamp.from(filter.to()))
        .addValue("vehicle", filter.vehicleId()).addValue("kind", filter.kind() == null ? null : filter.kind().name());
    long total = jdbc.sql("select count(*)" + where).paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<VehicleAlarm> alarms = jdbc
        .sql("select a.*" + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query((rs, n) -> {
          long vehicleId = rs.getLong("vehicle_id");
          Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
          BigDecimal lat = BigDecimal.valueOf(rs.getInt("latitude"), 6);
          BigDecimal lon = BigDecimal.valueOf(rs.getInt("longitude"), 6);
          return new VehicleAlarm(rs.getLong("id"), vehicleId, plates.get(vehicleId),
              AlarmFlag.valueOf(rs.getString("kind")), at.atZone(VehicleAlarms.BEIJING).toOffsetDateTime(), lat, lon,
              BigDecimal.valueOf(rs.getInt("speed_dkmh"), 1), rs.getBoolean("notify"),
              TrackLinks.ofAlarm(vehicleId, at.minus(AlarmNotifier.AROUND), at.plus(AlarmNotifier.AROUND), lat, lon));
        }).list();
    Map<String, Object> viewed = new LinkedHashMap<>();
    viewed.put("from", LocalDateTime.ofInstant(filter.from(), VehicleAlarms.BEIJING).toString());
    viewed.put("to", LocalDateTime.ofInstant(filter.to(), VehicleAlarms.BEIJING).toString());
    viewed.put("vehicleId", filter.vehicleId());
    viewed.put("kind", filter.kind() == null ? null : filter.kind().name());
    viewed.put("alarms", alarms.size());
    audit.record(new AuditEntry("VIEW", "telemetry_vehicle_alarm", null, viewerRegionId, null, viewed));
    return shown.pageOf(alarms, total);
  }

  /** The kinds of alarm told to the managers of a region on a day (rule ALARM_NOTIFY_FLAGS). */
  public List<AlarmFlag> notified(long regionId, LocalDate day) {
    return AlarmFlag.of(rules.inForce(Key.ALARM_NOTIFY_FLAGS, day).of(regionId) & 0xFFFF_FFFFL);
  }
}
