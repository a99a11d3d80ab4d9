package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 称重与浪费: the kitchen weighs the food prepared for each meal and the waste — preparation scraps (备餐损耗),
 * unsold food (剩余) and plate waste (餐盘剩余) — and sees the daily waste rate (waste ÷ food prepared).
 */
@Service
public class Waste {

  /** 浪费类别. */
  public enum Kind {
    PREPARATION, UNSOLD, PLATE
  }

  private static final BigDecimal MAX_KG = new BigDecimal("100000");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final Clock clock;

  public Waste(JdbcClient jdbc, AuditTrail audit, Menus menus, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.clock = clock;
  }

  /** Records (or corrects) the weight of food prepared for a meal. */
  @Transactional
  public void recordPrepared(long siteId, LocalDate date, Meal meal, BigDecimal kg, CurrentUser by) {
    CanteenSite site = managedSite(siteId, date, meal, kg, by);
    jdbc.sql("""
        insert into canteen_food_prepared (site_id, serve_date, meal, prepared_kg) values (:site, :date, :meal, :kg)
        on conflict (site_id, serve_date, meal) do update set prepared_kg = excluded.prepared_kg""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name()).param("kg", kg).update();
    audit.record(AuditEntry.updated("canteen_food_prepared", siteId + ":" + date + ":" + meal, site.regionId(), null,
        Map.of("preparedKg", kg.toPlainString())));
  }

  /** Adds one weighing of waste of a kind for a meal. */
  @Transactional
  public void recordWaste(long siteId, LocalDate date, Meal meal, Kind kind, BigDecimal kg, CurrentUser by) {
    CanteenSite site = managedSite(siteId, date, meal, kg, by);
    if (kind == null) {
      throw new BusinessRuleException("canteen.kitchen.wasteKindRequired");
    }
    long id = jdbc.sql("""
        insert into canteen_waste_record (site_id, serve_date, meal, kind, weight_kg, recorded_by, recorded_at)
        values (:site, :date, :meal, :kind, :kg, :by, :now) returning id""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name()).param("kind", kind.name())
        .param("kg", kg).param("by", by.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    audit.record(AuditEntry.created("canteen_waste_record", id, site.regionId(), Map.of("date", date.toString(),
        "meal", meal.name(), "kind", kind.name(), "weightKg", kg.toPlainString())));
  }

  /** The day's waste by meal and kind against the food prepared. */
  public WasteDay day(long siteId, LocalDate date, CurrentUser viewer) {
    CanteenSite site = menus.site(siteId, viewer);
    Menus.requireManager(viewer, site.regionId());
    List<WasteDay.MealWaste> meals = new ArrayList<>();
    for (Meal meal : Meal.values()) {
      BigDecimal prepared = jdbc.sql("""
          select coalesce(sum(prepared_kg), 0) from canteen_food_prepared
           where site_id = :site and serve_date = :date and meal = :meal""")
          .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name())
          .query(BigDecimal.class).single();
      Map<Kind, BigDecimal> byKind = new java.util.EnumMap<>(Kind.class);
      jdbc.sql("""
          select kind, sum(weight_kg) as kg from canteen_waste_record
           where site_id = :site and serve_date = :date and meal = :meal group by kind""")
          .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name())
          .query((rs, n) -> byKind.put(Kind.valueOf(rs.getString("kind")), rs.getBigDecimal("kg"))).list();
      meals.add(new WasteDay.MealWaste(meal, prepared, byKind.getOrDefault(Kind.PREPARATION, BigDecimal.ZERO),
          byKind.getOrDefault(Kind.UNSOLD, BigDecimal.ZERO), byKind.getOrDefault(Kind.PLATE, BigDecimal.ZERO)));
    }
    return new WasteDay(site, date, meals);
  }

  private CanteenSite managedSite(long siteId, LocalDate date, Meal meal, BigDecimal kg, CurrentUser by) {
    CanteenSite site = menus.site(siteId, by);
    Menus.requireManager(by, site.regionId());
    if (date == null || meal == null) {
      throw new BusinessRuleException("canteen.kitchen.dateAndMealRequired");
    }
    if (kg == null || kg.signum() <= 0 || kg.compareTo(MAX_KG) >= 0
        || kg.scale() > 2 && kg.stripTrailingZeros().scale() > 2) {
      throw new BusinessRuleException("canteen.kitchen.weightInvalid");
    }
    return site;
  }
}
