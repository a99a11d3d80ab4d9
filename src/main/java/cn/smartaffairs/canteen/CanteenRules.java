package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.SharedCache;
import cn.smartaffairs.platform.SharedCaches;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canteen's rule tables: per staff category the monthly subsidy, its per-meal cap and the daily limit; meal
 * prices by period; the online top-up limits and order lifetime. Region-specific rows beat the national default; the
 * newest effective row wins. Lookups on the payment path are cached for a few seconds (rules change rarely; an edit
 * here clears the cache of every instance at once).
 */
@Component
class CanteenRules {

  static final List<String> CATEGORIES = List.of("ESTABLISHED", "NON_ESTABLISHED", "VISITOR");
  static final List<String> MEAL_PERIODS = List.of("BREAKFAST", "LUNCH", "DINNER");

  record CategoryRule(long id, Long regionId, String category, LocalDate effectiveFrom, long monthlySubsidyFen,
      Long subsidyPerMealCapFen, Long dailyLimitFen) {}

  record PriceRule(long id, Long regionId, String mealPeriod, String category, LocalTime startsAt, LocalTime endsAt,
      long priceFen, LocalDate effectiveFrom) {}

  /** 在线充值限额: the most one online top-up and one day's online top-ups may add, and an unpaid order's lifetime. */
  record TopUpRule(long id, Long regionId, LocalDate effectiveFrom, long maxPerTopUpFen, long maxPerDayFen,
      int orderLifetimeMinutes) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final SharedCache<String, Optional<CategoryRule>> categoryCache;

  CanteenRules(JdbcClient jdbc, AuditTrail audit, SharedCaches caches) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.categoryCache = caches.cache("canteen-category-rules");
  }

  /** The category rule in force in a region on a day (cached briefly). */
  Optional<CategoryRule> categoryRule(long regionId, String category, LocalDate on) {
    return categoryCache.get(regionId + "|" + category + "|" + on, key -> jdbc.sql("""
        select * from canteen_category_rule
         where (region_id = :region or region_id is null) and category = :category and effective_from <= :on
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("category", category).param("on", Date.valueOf(on))
        .query(CanteenRules::categoryRule).optional());
  }

  /** The price of a meal for a category at a time of day, if a meal period covers it. */
  Optional<PriceRule> price(long regionId, String category, LocalDate on, LocalTime at) {
    return jdbc.sql("""
        select * from canteen_price_rule
         where (region_id = :region or region_id is null) and category = :category and effective_from <= :on
           and starts_at <= :at and ends_at > :at
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("category", category).param("on", Date.valueOf(on))
        .param("at", Time.valueOf(at)).query(CanteenRules::priceRule).optional();
  }

  /** The online top-up limits in force in a region on a day (the national default seeded by V70 always applies). */
  TopUpRule topUpRule(long regionId, LocalDate on) {
    return jdbc.sql("""
        select * from canteen_topup_rule where (region_id = :region or region_id is null) and effective_from <= :on
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("on", Date.valueOf(on)).query(CanteenRules::topUpRule).optional()
        .orElseThrow(() -> new IllegalStateException("no online top-up rule in force for region " + regionId));
  }

  /** Every top-up rule row that applies to a region (its own and the national defaults), newest first. */
  List<TopUpRule> topUpRules(long regionId) {
    return jdbc.sql("""
        select * from canteen_topup_rule where region_id = :region or region_id is null
         order by region_id nulls last, effective_from desc""")
        .param("region", regionId).query(CanteenRules::topUpRule).list();
  }

  /** Adds (or replaces, for the same day) a top-up rule version for the editor's region. Audited. */
  @Transactional
  TopUpRule addTopUpRule(LocalDate effectiveFrom, long maxPerTopUpFen, long maxPerDayFen, int orderLifetimeMinutes,
      CurrentUser by) {
    long regionId = requireEditor(by);
    if (effectiveFrom == null || maxPerTopUpFen <= 0 || maxPerDayFen < maxPerTopUpFen || orderLifetimeMinutes < 1
        || orderLifetimeMinutes > 1440) {
      throw new BusinessRuleException("canteen.topUpRuleInvalid");
    }
    TopUpRule before = jdbc.sql("select * from canteen_topup_rule where region_id = :region and effective_from = :from")
        .param("region", regionId).param("from", Date.valueOf(effectiveFrom)).query(CanteenRules::topUpRule)
        .optional().orElse(null);
    long id = jdbc.sql("""
        insert into canteen_topup_rule (region_id, effective_from, max_per_top_up_fen, max_per_day_fen,
                                        order_lifetime_minutes)
        values (:region, :from, :perTopUp, :perDay, :lifetime)
        on conflict (region_id, effective_from) do update
           set max_per_top_up_fen = excluded.max_per_top_up_fen, max_per_day_fen = excluded.max_per_day_fen,
               order_lifetime_minutes = excluded.order_lifetime_minutes
        returning id""")
        .param("region", regionId).param("from", Date.valueOf(effectiveFrom)).param("perTopUp", maxPerTopUpFen)
        .param("perDay", maxPerDayFen).param("lifetime", orderLifetimeMinutes).query(Long.class).single();
    TopUpRule rule = jdbc.sql("select * from canteen_topup_rule where id = :id").param("id", id)
        .query(CanteenRules::topUpRule).single();
    audit.record(before == null
        ? AuditEntry.created("canteen_topup_rule", id, regionId, rule)
        : AuditEntry.updated("canteen_topup_rule", id, regionId, before, rule));
    return rule;
  }

  /** Every category rule row that applies to a region (its own and the national defaults), newest first. */
  List<CategoryRule> categoryRules(long regionId) {
    return jdbc.sql("""
        select * from canteen_category_rule where region_id = :region or region_id is null
         order by category, region_id nulls last, effective_from desc""")
        .param("region", regionId).query(CanteenRules::categoryRule).list();
  }

  List<PriceRule> priceRules(long regionId) {
    return jdbc.sql("""
        select * from canteen_price_rule where region_id = :region or region_id is null
         order by meal_period, category, region_id nulls last, effective_from desc""")
        .param("region", regionId).query(CanteenRules::priceRule).list();
  }

  /** Adds a category rule version for the editor's region. Audited. */
  @Transactional
  CategoryRule addCategoryRule(String category, LocalDate effectiveFrom, long monthlySubsidyFen, Long capFen,
      Long dailyLimitFen, CurrentUser by) {
    long regionId = requireEditor(by);
    if (!CATEGORIES.contains(category) || effectiveFrom == null || monthlySubsidyFen < 0
        || (capFen != null && capFen <= 0) || (dailyLimitFen != null && dailyLimitFen <= 0)) {
      throw new BusinessRuleException("canteen.ruleInvalid");
    }
    long id = jdbc.sql("""
        insert into canteen_category_rule (region_id, category, effective_from, monthly_subsidy_fen,
                                           subsidy_per_meal_cap_fen, daily_limit_fen)
        values (:region, :category, :from, :subsidy, :cap, :limit)
        on conflict (region_id, category, effective_from) do update
           set monthly_subsidy_fen = excluded.monthly_subsidy_fen,
               subsidy_per_meal_cap_fen = excluded.subsidy_per_meal_cap_fen, daily_limit_fen = excluded.daily_limit_fen
        returning id""")
        .param("region", regionId).param("category", category).param("from", Date.valueOf(effectiveFrom))
        .param("subsidy", monthlySubsidyFen).param("cap", capFen).param("limit", dailyLimitFen)
        .query(Long.class).single();
    CategoryRule rule = jdbc.sql("select * from canteen_category_rule where id = :id").param("id", id)
        .query(CanteenRules::categoryRule).single();
    audit.record(AuditEntry.created("canteen_category_rule", id, regionId, rule));
    categoryCache.invalidate();
    return rule;
  }

  /** Adds a price rule version for the editor's region. Audited. */
  @Transactional
  PriceRule addPriceRule(String mealPeriod, String category, LocalTime startsAt, LocalTime endsAt, long priceFen,
      LocalDate effectiveFrom, CurrentUser by) {
    long regionId = requireEditor(by);
    if (!MEAL_PERIODS.contains(mealPeriod) || !CATEGORIES.contains(category) || startsAt == null || endsAt == null
        || !startsAt.isBefore(endsAt) || priceFen <= 0 || effectiveFrom == null) {
      throw new BusinessRuleException("canteen.ruleInvalid");
    }
    long id = jdbc.sql("""
        insert into canteen_price_rule (region_id, meal_period, category, starts_at, ends_at, price_fen, effective_from)
        values (:region, :period, :category, :starts, :ends, :price, :from)
        on conflict (region_id, meal_period, category, effective_from) do update
           set starts_at = excluded.starts_at, ends_at = excluded.ends_at, price_fen = excluded.price_fen
        returning id""")
        .param("region", regionId).param("period", mealPeriod).param("category", category)
        .param("starts", Time.valueOf(startsAt)).param("ends", Time.valueOf(endsAt)).param("price", priceFen)
        .param("from", Date.valueOf(effectiveFrom)).query(Long.class).single();
    PriceRule rule = jdbc.sql("select * from canteen_price_rule where id = :id").param("id", id)
        .query(CanteenRules::priceRule).single();
    audit.record(AuditEntry.created("canteen_price_rule", id, regionId, rule));
    return rule;
  }

  private static long requireEditor(CurrentUser by) {
    if (!by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.CANTEEN_MANAGER).permits(by.regionId(), null,
        null)) {
      throw new ForbiddenException();
    }
    return by.regionId();
  }

  private static CategoryRule categoryRule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new CategoryRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getString("category"),
        rs.getDate("effective_from").toLocalDate(), rs.getLong("monthly_subsidy_fen"),
        (Long) rs.getObject("subsidy_per_meal_cap_fen"), (Long) rs.getObject("daily_limit_fen"));
  }

  private static TopUpRule topUpRule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new TopUpRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getDate("effective_from").toLocalDate(),
        rs.getLong("max_per_top_up_fen"), rs.getLong("max_per_day_fen"), rs.getInt("order_lifetime_minutes"));
  }

  private static PriceRule priceRule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new PriceRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getString("meal_period"),
        rs.getString("category"), rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(),
        rs.getLong("price_fen"), rs.getDate("effective_from").toLocalDate());
  }
}
