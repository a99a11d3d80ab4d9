package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安保规则 (table access_rule): values versioned by effective date, national or a region's own; the region's own version
 * in force comes before the national one, and a day before the first version reads the earliest national one.
 */
@Service
public class AccessRules {

  public enum Key {
    /** Days a visit is kept after its day; then the nightly job deletes it. */
    VISIT_RETENTION_DAYS(1, 3650),
    /** Emergency and fire drills a unit holds at least in a calendar year. */
    DRILLS_PER_YEAR(1, 12);

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

  /** The national value and each region's own in force on a day. */
  public record InForce(int national, Map<Long, Integer> byRegion) {
    public int of(long regionId) {
      return byRegion.getOrDefault(regionId, national);
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  AccessRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public InForce inForce(Key key, LocalDate day) {
    Map<Long, Integer> byRegion = new HashMap<>();
    Integer[] national = {null};
    jdbc.sql("""
        select distinct on (coalesce(region_id, 0)) region_id, value
          from access_rule
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
      national[0] = jdbc.sql("""
          select value from access_rule where rule_key = :key and region_id is null order by effective_from limit 1""")
          .param("key", key.name()).query(Integer.class).optional()
          .orElseThrow(() -> new IllegalStateException("no national version of " + key));
    }
    return new InForce(national[0], byRegion);
  }

  public int valueOf(Key key, long regionId, LocalDate day) {
    return inForce(key, day).of(regionId);
  }

  /** Every rule's value in force for one region on a day. */
  public Map<Key, Integer> valuesFor(long regionId, LocalDate day) {
    Map<Key, Integer> values = new EnumMap<>(Key.class);
    for (Key key : Key.values()) {
      values.put(key, valueOf(key, regionId, day));
    }
    return values;
  }

  /** Every version visible to a region: its own and the national ones, newest first. */
  public List<RuleValue> versions(long regionId) {
    return jdbc.sql("""
        select * from access_rule where region_id = :region or region_id is null
         order by rule_key, region_id nulls first, effective_from desc""")
        .param("region", regionId)
        .query((rs, n) -> new RuleValue(rs.getLong("id"), Key.valueOf(rs.getString("rule_key")),
            rs.getObject("region_id", Long.class), rs.getInt("value"), rs.getDate("effective_from").toLocalDate(),
            rs.getString("source")))
        .list();
  }

  /** Adds a version for the caller's region (or national, for the platform admin), effective from a date. */
  @Transactional
  public long addVersion(Key key, Integer value, LocalDate effectiveFrom, boolean national, String source,
      CurrentUser by) {
    Long regionId = national ? null : by.regionId();
    boolean allowed = national
        ? by.has(Role.PLATFORM_ADMIN)
        : by.hasAny(AccessRoles.MANAGERS) && by.dataScopeAs(AccessRoles.MANAGERS).permits(by.regionId(), null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    if (key == null || effectiveFrom == null || source != null && source.strip().length() > 200) {
      throw new BusinessRuleException("access.ruleIncomplete");
    }
    if (value == null || value < key.min() || value > key.max()) {
      throw new BusinessRuleException("access.ruleInvalid",
          new DefaultMessageSourceResolvable(new String[] {"access.rule." + key.name()}, key.name()),
          String.valueOf(key.min()), String.valueOf(key.max()));
    }
    boolean exists = jdbc.sql("""
        select count(*) from access_rule where rule_key = :key and region_id is not distinct from :region
           and effective_from = :from""")
        .param("key", key.name()).param("region", regionId).param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("access.ruleVersionExists", effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into access_rule (rule_key, region_id, value, effective_from, source, created_by)
        values (:key, :region, :value, :from, :source, :by) returning id""")
        .param("key", key.name()).param("region", regionId).param("value", value)
        .param("from", Date.valueOf(effectiveFrom))
        .param("source", source == null || source.isBlank() ? null : source.strip()).param("by", by.userId())
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("key", key.name());
    after.put("value", value);
    after.put("effectiveFrom", effectiveFrom.toString());
    audit.record(AuditEntry.created("access_rule", id, regionId, after));
    return id;
  }
}
