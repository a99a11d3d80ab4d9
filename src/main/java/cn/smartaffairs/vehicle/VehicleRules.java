package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vehicle rule table (RULES.md §2): caps, replacement age and mileage, planning values, compliance thresholds.
 * Versions by effective date; a region's own value before the national default; a category's own before the
 * category-free one.
 */
@Service
public class VehicleRules {

  /** The keys an administrator may set; each is one row family in {@code vehicle_rule}. */
  public enum Key {
    PRICE_CAP_FEN, DISPLACEMENT_CAP_ML, NEV_PRICE_CAP_FEN, REPLACEMENT_AGE_YEARS, REPLACEMENT_KM, ROAD_FACTOR, AVERAGE_SPEED_KMH, MAX_DRIVING_MINUTES, MIN_REST_MINUTES, MILEAGE_EXCESS_PERCENT, WINDOW_TOLERANCE_MINUTES, EXPIRY_REMINDER_DAYS, COST_PER_KM_FEN
  }

  /** One version of a rule value; {@code source} names the regulation it comes from. */
  public record RuleValue(long id, Long regionId, Key key, VehicleCategory category, BigDecimal value,
      LocalDate effectiveFrom, String source) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  VehicleRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * The value in force on a day for a region and (optionally) a category. A day before the first version (a vehicle
   * bought before the 2017 rules) is read against the earliest version, the oldest standard the table knows.
   */
  public Optional<RuleValue> inForce(Key key, VehicleCategory category, long regionId, LocalDate day) {
    return jdbc.sql("""
        select * from vehicle_rule
         where rule_key = :key and (category = :category or category is null)
           and (region_id = :region or region_id is null)
         order by (effective_from <= :day) desc, (region_id is null), (category is null),
                  case when effective_from <= :day then effective_from end desc nulls last, effective_from
         limit 1""")
        .param("key", key.name()).param("category", category == null ? null : category.name())
        .param("region", regionId).param("day", Date.valueOf(day))
        .query(VehicleRules::rule).optional();
  }

  /** Like {@link #inForce} for rules that must exist (seeded nationally). */
  public RuleValue required(Key key, VehicleCategory category, long regionId, LocalDate day) {
    return inForce(key, category, regionId, day)
        .orElseThrow(() -> new BusinessRuleException("vehicle.ruleMissing", key.name()));
  }

  public double number(Key key, long regionId, LocalDate day) {
    return required(key, null, regionId, day).value().doubleValue();
  }

  /** Every version visible to a region: its own and the national ones, newest first per key. */
  public List<RuleValue> versions(long regionId) {
    return jdbc.sql("""
        select * from vehicle_rule where region_id = :region or region_id is null
         order by rule_key, category nulls first, region_id nulls first, effective_from desc""")
        .param("region", regionId).query(VehicleRules::rule).list();
  }

  /** Adds a version for the caller's region (or national, for the platform admin), effective from a date. */
  @Transactional
  public long addVersion(Key key, VehicleCategory category, BigDecimal value, LocalDate effectiveFrom, boolean national,
      String source, CurrentUser by) {
    Long regionId = national ? null : by.regionId();
    boolean allowed = national
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER).permits(by.regionId(), null,
            null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    if (key == null || value == null || value.signum() < 0 || effectiveFrom == null) {
      throw new BusinessRuleException("vehicle.ruleInvalid");
    }
    boolean exists = jdbc.sql("""
        select count(*) from vehicle_rule where rule_key = :key and region_id is not distinct from :region
           and category is not distinct from :category and effective_from = :from""")
        .param("key", key.name()).param("region", regionId).param("category", category == null ? null : category.name())
        .param("from", Date.valueOf(effectiveFrom)).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("vehicle.ruleVersionExists", effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into vehicle_rule (region_id, rule_key, category, value, effective_from, source, created_by)
        values (:region, :key, :category, :value, :from, :source, :by) returning id""")
        .param("region", regionId).param("key", key.name()).param("category", category == null ? null : category.name())
        .param("value", value).param("from", Date.valueOf(effectiveFrom))
        .param("source", source == null || source.isBlank() ? null : source.trim()).param("by", by.userId())
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("key", key.name());
    after.put("category", category == null ? null : category.name());
    after.put("value", value);
    after.put("effectiveFrom", effectiveFrom.toString());
    audit.record(AuditEntry.created("vehicle_rule", id, regionId, after));
    return id;
  }

  private static RuleValue rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String category = rs.getString("category");
    Long region = rs.getObject("region_id", Long.class); // null for a national version
    return new RuleValue(rs.getLong("id"), region, Key.valueOf(rs.getString("rule_key")),
        category == null ? null : VehicleCategory.valueOf(category), rs.getBigDecimal("value"),
        rs.getDate("effective_from").toLocalDate(), rs.getString("source"));
  }
}
