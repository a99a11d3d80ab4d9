package cn.smartaffairs.telemetry;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 定位数据规则 (table telemetry_rule): values versioned by effective date, national or a region's own; the region's
 * own version in force comes before the national one, and a day before the first version reads the earliest one.
 * How many months positions are kept (PIPL art. 28, limited retention), how the live map tells 行驶, 停驶 and 离线
 * apart, the values of trip derivation and the GPS audit (ADR 0013), and which terminal alarms are told to the
 * vehicle managers. Each key has the range the database allows it.
 */
@Service
public class TelemetryRules {

  public enum Key {
    /** Months a position is kept. */
    POSITION_RETENTION_MONTHS(1, 120),
    /** A fresh position faster than this (km/h) is 行驶 on the live map; at or below it, 停驶. */
    MOVING_ABOVE_KMH(1, 120),
    /** Minutes without a position after which a vehicle is 离线. */
    OFFLINE_AFTER_MINUTES(1, 120),
    /** Standing this many minutes with the ignition on ends a trip. */
    TRIP_STOP_MINUTES(1, 240),
    /** A movement shorter than this (metres) is no trip. */
    TRIP_MIN_DISTANCE_M(0, 50_000),
    /** Farther than this (km) from the route through the sheet's places is a deviation. */
    ROUTE_DEVIATION_KM(1, 500),
    /** GPS and odometer kilometres of a recorded trip may differ by this many percent of the odometer's. */
    ODOMETER_MISMATCH_PERCENT(1, 100),
    /** Faster than this (km/h) is speeding, as is the terminal's own overspeed alarm. */
    SPEED_LIMIT_KMH(20, 250),
    /** The night window's first hour (22 for 22:00). */
    NIGHT_STARTS_HOUR(0, 23),
    /** The hour the night window ends (6 for 06:00); earlier than the start, it spans midnight. */
    NIGHT_ENDS_HOUR(0, 23),
    /** Within this many metres of its designated parking place a car stands at home. */
    PARKING_RADIUS_M(20, 10_000),
    /**
     * The terminal alarms told to the region's vehicle managers: the alarm DWORD (JT/T 808 table 24) with their bits
     * set, bit 31 as the sign; any value is a set of bits.
     */
    ALARM_NOTIFY_FLAGS(Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final int min;
    private final int max;

    Key(int min, int max) {
      this.min = min;
      this.max = max;
    }

    public int min() {
      return min;
    }

    public int max() {
      return max;
    }
  }

  /** One version of a rule value; {@code regionId} null for the national one. */
  public record RuleValue(long id, Key key, Long regionId, int value, LocalDate effectiveFrom, String source) {}

  /** The national value and each region's own that are in force on a day. */
  public record InForce(int national, Map<Long, Integer> byRegion) {
    public int of(long regionId) {
      return byRegion.getOrDefault(regionId, national);
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  TelemetryRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public InForce inForce(Key key, LocalDate day) {
    Map<Long, Integer> byRegion = new HashMap<>();
    Integer[] national = {null};
    jdbc.sql("""
        select distinct on (coalesce(region_id, 0)) region_id, value
          from telemetry_rule
         where rule_key = :key and effective_from <= :day
         order by coalesce(region_id, 0), effective_from desc""")
        .param("key", key.name()).param("day", Date.valueOf(day))
        .query(rs -> {
          Long region = rs.getObject("region_id", Long.class);
          if (region == null) {
            national[0] = rs.getInt("value");
          } else {
            byRegion.put(region, rs.getInt("value"));
          }
        });
    if (national[0] == null) {
      national[0] = jdbc.sql(
          """
              select value from telemetry_rule where rule_key = :key and region_id is null order by effective_from limit 1""")
          .param("key", key.name()).query(Integer.class).optional()
          .orElseThrow(() -> new IllegalStateException("no national version of " + key));
    }
    return new InForce(national[0], byRegion);
  }

  /**
   * Every rule's value in force for one region on a day, in one query: the region's own version before the national
   * one; a rule with no version yet in force reads its earliest national one.
   */
  public Map<Key, Integer> valuesFor(long regionId, LocalDate day) {
    Map<Key, Integer> values = new java.util.EnumMap<>(Key.class);
    jdbc.sql("""
        select distinct on (rule_key) rule_key, value
          from telemetry_rule
         where region_id is null or region_id = :region
         order by rule_key, (effective_from <= :day) desc, (region_id is null),
                  case when effective_from <= :day then effective_from end desc nulls last, effective_from""")
        .param("region", regionId).param("day", Date.valueOf(day))
        .query(rs -> {
          values.put(Key.valueOf(rs.getString("rule_key")), rs.getInt("value"));
        });
    for (Key key : Key.values()) {
      if (!values.containsKey(key)) {
        throw new IllegalStateException("no national version of " + key);
      }
    }
    return values;
  }

  /** Every version visible to a region: its own and the national ones, newest first. */
  public List<RuleValue> versions(long regionId) {
    return jdbc.sql("""
        select * from telemetry_rule where region_id = :region or region_id is null
         order by rule_key, region_id nulls first, effective_from desc""")
        .param("region", regionId)
        .query((rs, n) -> {
          Long region = rs.getObject("region_id", Long.class); // null for a national version
          return new RuleValue(rs.getLong("id"), Key.valueOf(rs.getString("rule_key")), region, rs.getInt("value"),
              rs.getDate("effective_from").toLocalDate(), rs.getString("source"));
        }).list();
  }

  /** Adds a version for the caller's region (or national, for the platform admin), effective from a date. */
  @Transactional
  public long addVersion(Key key, Integer value, LocalDate effectiveFrom, boolean national, String source,
      CurrentUser by) {
    Long regionId = national ? null : by.regionId();
    boolean allowed = national
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(TerminalBindings.MANAGERS).permits(by.regionId(), null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    if (key == null || effectiveFrom == null || source != null && source.strip().length() > 200) {
      throw new BusinessRuleException("telemetry.ruleIncomplete");
    }
    if (value == null || value < key.min() || value > key.max()) {
      // the rule's name in the reader's language (the message source resolves it), its key where none is known
      throw new BusinessRuleException("telemetry.ruleInvalid",
          new DefaultMessageSourceResolvable(new String[] {"telemetry.rule." + key.name()}, key.name()),
          String.valueOf(key.min()), String.valueOf(key.max()));
    }
    boolean exists = jdbc.sql("""
        select count(*) from telemetry_rule where rule_key = :key and region_id is not distinct from :region
           and effective_from = :from""")
        .param("key", key.name()).param("region", regionId).param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("telemetry.ruleVersionExists", effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into telemetry_rule (rule_key, region_id, value, effective_from, source, created_by)
        values (:key, :region, :value, :from, :source, :by) returning id""")
        .param("key", key.name()).param("region", regionId).param("value", value)
        .param("from", Date.valueOf(effectiveFrom))
        .param("source", source == null || source.isBlank() ? null : source.strip()).param("by", by.userId())
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("key", key.name());
    after.put("value", value);
    after.put("effectiveFrom", effectiveFrom.toString());
    audit.record(AuditEntry.created("telemetry_rule", id, regionId, after));
    return id;
  }
}
