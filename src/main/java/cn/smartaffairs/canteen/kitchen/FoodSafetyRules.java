package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 食品安全规则: the minimum sample weight and keeping time of 留样 (125 g, 48 h nationally) and how many days before a
 * supplier licence expires the managers are reminded; versioned per region, the region's own version first.
 */
@Service
public class FoodSafetyRules {

  /** One version of the rule values. */
  public record FoodSafetyRule(long id, Long regionId, LocalDate effectiveFrom, int sampleMinGrams,
      int sampleKeepHours, int licenceReminderDays) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public FoodSafetyRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The version in effect in a region on a day. */
  public FoodSafetyRule inEffect(long regionId, LocalDate day) {
    return jdbc.sql("""
        select * from canteen_food_safety_rule
         where (region_id = :region or region_id is null) and effective_from <= :day
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("day", Date.valueOf(day)).query(FoodSafetyRules::rule).optional()
        .orElseThrow(() -> new BusinessRuleException("canteen.kitchen.noFoodSafetyRule", day));
  }

  public List<FoodSafetyRule> rules(CurrentUser viewer) {
    return jdbc.sql("""
        select * from canteen_food_safety_rule where region_id = :region or region_id is null
         order by region_id nulls last, effective_from desc""")
        .param("region", viewer.regionId()).query(FoodSafetyRules::rule).list();
  }

  /** Adds a version for the caller's region; values below the national minimums of RULES.md are refused. */
  @Transactional
  public FoodSafetyRule define(LocalDate effectiveFrom, int sampleMinGrams, int sampleKeepHours,
      int licenceReminderDays, CurrentUser by) {
    Menus.requireManager(by, by.regionId());
    if (effectiveFrom == null || sampleMinGrams < 125 || sampleKeepHours < 48 || licenceReminderDays < 0
        || licenceReminderDays > 365) {
      throw new BusinessRuleException("canteen.kitchen.foodSafetyRuleInvalid");
    }
    long id = jdbc.sql("""
        insert into canteen_food_safety_rule (region_id, effective_from, sample_min_grams, sample_keep_hours,
                                              licence_reminder_days)
        values (:region, :from, :grams, :hours, :days)
        on conflict (region_id, effective_from) do update set sample_min_grams = excluded.sample_min_grams,
           sample_keep_hours = excluded.sample_keep_hours, licence_reminder_days = excluded.licence_reminder_days
        returning id""")
        .param("region", by.regionId()).param("from", Date.valueOf(effectiveFrom)).param("grams", sampleMinGrams)
        .param("hours", sampleKeepHours).param("days", licenceReminderDays).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_food_safety_rule", id, by.regionId(), Map.of("effectiveFrom",
        effectiveFrom.toString(), "sampleMinGrams", sampleMinGrams, "sampleKeepHours", sampleKeepHours,
        "licenceReminderDays", licenceReminderDays)));
    return jdbc.sql("select * from canteen_food_safety_rule where id = :id").param("id", id)
        .query(FoodSafetyRules::rule).single();
  }

  private static FoodSafetyRule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Long region = rs.getObject("region_id", Long.class); // null for a national version
    return new FoodSafetyRule(rs.getLong("id"), region,
        rs.getDate("effective_from").toLocalDate(),
        rs.getInt("sample_min_grams"), rs.getInt("sample_keep_hours"), rs.getInt("licence_reminder_days"));
  }
}
