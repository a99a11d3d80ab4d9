package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报餐截止规则: until when a meal may be ordered or cancelled, e.g. lunch until 09:30 the same day, breakfast until
 * 16:00 the day before. Versioned per region (null region = national default); the newest version in effect on the
 * day of the meal applies, the region's own before the national one.
 */
@Service
public class CutoffRules {

  /** One version of the rule for one meal. */
  public record CutoffRule(long id, Long regionId, Meal meal, int daysBefore, LocalTime cutoffTime,
      LocalDate effectiveFrom) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public CutoffRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The moment (Beijing time) after which the meal of that day can no longer be ordered or cancelled. */
  public ZonedDateTime cutoff(long regionId, LocalDate serveDate, Meal meal) {
    CutoffRule rule = jdbc.sql("""
        select * from canteen_cutoff_rule
         where (region_id = :region or region_id is null) and meal = :meal and effective_from <= :date
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("meal", meal.name()).param("date", Date.valueOf(serveDate))
        .query(CutoffRules::rule).optional()
        .orElseThrow(() -> new BusinessRuleException("canteen.kitchen.noCutoffRule", serveDate));
    return serveDate.minusDays(rule.daysBefore()).atTime(rule.cutoffTime()).atZone(PlatformConfiguration.ZONE);
  }

  /** The versions that concern the caller's region: its own and the national defaults, newest first. */
  public List<CutoffRule> rules(CurrentUser viewer) {
    return jdbc.sql(
        """
            select * from canteen_cutoff_rule where region_id = :region or region_id is null
             order by array_position(array['BREAKFAST','LUNCH','DINNER'], meal), region_id nulls last, effective_from desc""")
        .param("region", viewer.regionId()).query(CutoffRules::rule).list();
  }

  /** Adds a version of the cut-off for the caller's region (canteen managers and admins). Audited. */
  @Transactional
  public CutoffRule define(Meal meal, int daysBefore, LocalTime cutoffTime, LocalDate effectiveFrom, CurrentUser by) {
    Menus.requireManager(by, by.regionId());
    if (meal == null || cutoffTime == null || effectiveFrom == null || daysBefore < 0 || daysBefore > 7) {
      throw new BusinessRuleException("canteen.kitchen.cutoffRuleInvalid");
    }
    long id = jdbc.sql("""
        insert into canteen_cutoff_rule (region_id, meal, days_before, cutoff_time, effective_from)
        values (:region, :meal, :days, :time, :from)
        on conflict (region_id, meal, effective_from) do update set days_before = excluded.days_before,
           cutoff_time = excluded.cutoff_time
        returning id""")
        .param("region", by.regionId()).param("meal", meal.name()).param("days", daysBefore)
        .param("time", Time.valueOf(cutoffTime)).param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single();
    audit.record(AuditEntry.created("canteen_cutoff_rule", id, by.regionId(), Map.of("meal", meal.name(),
        "daysBefore", daysBefore, "cutoffTime", cutoffTime.toString(), "effectiveFrom", effectiveFrom.toString())));
    return jdbc.sql("select * from canteen_cutoff_rule where id = :id").param("id", id).query(CutoffRules::rule)
        .single();
  }

  private static CutoffRule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Long region = rs.getObject("region_id", Long.class); // null for a national version
    return new CutoffRule(rs.getLong("id"), region, Meal.valueOf(rs.getString("meal")),
        rs.getInt("days_before"), rs.getTime("cutoff_time").toLocalTime(), rs.getDate("effective_from").toLocalDate());
  }
}
