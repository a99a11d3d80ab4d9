package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 食堂统计: per day of a canteen — diners per meal (active pre-orders), income (what those pre-orders were paid) and
 * the part of it the subsidy wallets paid (as the canteen ledger reported each charge),
 * procurement cost (accepted batches received that day at their price), cost per meal (cost ÷ diners), the waste rate
 * (waste ÷ food prepared) and satisfaction (mean dish rating); and the same over the whole period.
 */
@Service
public class CanteenReport {

  /** One day, or the whole period when {@code date} is null. */
  public record Line(LocalDate date, long breakfast, long lunch, long dinner, long incomeFen, long subsidyFen,
      long costFen,
      BigDecimal preparedKg, BigDecimal wasteKg, long ratings, Double meanScore) {

    public long diners() {
      return breakfast + lunch + dinner;
    }

    /** Procurement cost per meal served in fen; null without diners. */
    public Long costPerMealFen() {
      return diners() == 0 ? null : Math.round((double) costFen / diners());
    }

    public BigDecimal wasteRate() {
      return preparedKg.signum() == 0 ? null : wasteKg.divide(preparedKg, 4, RoundingMode.HALF_UP);
    }
  }

  /** The report: a line per day and the total line. */
  public record Report(CanteenSite site, LocalDate from, LocalDate to, List<Line> days, Line total) {}

  private static final int MAX_DAYS = 366;

  private final JdbcClient jdbc;
  private final Menus menus;

  public CanteenReport(JdbcClient jdbc, Menus menus) {
    this.jdbc = jdbc;
    this.menus = menus;
  }

  public Report report(long siteId, LocalDate from, LocalDate to, CurrentUser viewer) {
    CanteenSite site = menus.site(siteId, viewer);
    Menus.requireManager(viewer, site.regionId());
    if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new BusinessRuleException("canteen.kitchen.reportPeriodInvalid");
    }
    List<Line> days = jdbc
        .sql(
            """
                with days as (select d::date as day from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d),
                orders as (
                  select serve_date as day, count(*) filter (where meal = 'BREAKFAST') as breakfast,
                         count(*) filter (where meal = 'LUNCH') as lunch, count(*) filter (where meal = 'DINNER') as dinner,
                         coalesce(sum(amount_fen) filter (where payment_id is not null), 0) as income,
                         coalesce(sum(subsidy_fen) filter (where payment_id is not null), 0) as subsidy
                    from canteen_preorder where site_id = :site and status = 'ACTIVE' and serve_date between :from and :to
                   group by serve_date),
                costs as (
                  select received_on as day, round(sum(quantity * unit_price_fen))::bigint as cost from canteen_batch
                   where site_id = :site and result = 'ACCEPTED' and received_on between :from and :to group by received_on),
                prepared as (
                  select serve_date as day, sum(prepared_kg) as kg from canteen_food_prepared
                   where site_id = :site and serve_date between :from and :to group by serve_date),
                waste as (
                  select serve_date as day, sum(weight_kg) as kg from canteen_waste_record
                   where site_id = :site and serve_date between :from and :to group by serve_date),
                ratings as (
                  select m.serve_date as day, count(*) as ratings, avg(r.score)::float8 as mean from canteen_dish_rating r
                    join canteen_menu_item m on m.id = r.menu_item_id
                   where m.site_id = :site and m.serve_date between :from and :to group by m.serve_date)
                select days.day, coalesce(o.breakfast, 0) as breakfast, coalesce(o.lunch, 0) as lunch,
                       coalesce(o.dinner, 0) as dinner, coalesce(o.income, 0) as income, coalesce(o.subsidy, 0) as subsidy,
                       coalesce(c.cost, 0) as cost,
                       coalesce(p.kg, 0) as prepared, coalesce(w.kg, 0) as waste, coalesce(r.ratings, 0) as ratings, r.mean
                  from days left join orders o on o.day = days.day left join costs c on c.day = days.day
                  left join prepared p on p.day = days.day left join waste w on w.day = days.day
                  left join ratings r on r.day = days.day
                 order by days.day""")
        .param("site", siteId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
        .query((rs, n) -> {
          Double meanScore = rs.getObject("mean", Double.class);
          return new Line(rs.getDate("day").toLocalDate(), rs.getLong("breakfast"), rs.getLong("lunch"),
              rs.getLong("dinner"), rs.getLong("income"), rs.getLong("subsidy"), rs.getLong("cost"),
              rs.getBigDecimal("prepared"),
              rs.getBigDecimal("waste"), rs.getLong("ratings"), meanScore);
        }).list();
    return new Report(site, from, to, new ArrayList<>(days), total(days));
  }

  private static Line total(List<Line> days) {
    long ratings = days.stream().mapToLong(Line::ratings).sum();
    double weighted = days.stream().filter(d -> d.meanScore() != null).mapToDouble(d -> d.meanScore() * d.ratings())
        .sum();
    return new Line(null, days.stream().mapToLong(Line::breakfast).sum(), days.stream().mapToLong(Line::lunch).sum(),
        days.stream().mapToLong(Line::dinner).sum(), days.stream().mapToLong(Line::incomeFen).sum(),
        days.stream().mapToLong(Line::subsidyFen).sum(),
        days.stream().mapToLong(Line::costFen).sum(),
        days.stream().map(Line::preparedKg).reduce(BigDecimal.ZERO, BigDecimal::add),
        days.stream().map(Line::wasteKg).reduce(BigDecimal.ZERO, BigDecimal::add), ratings,
        ratings == 0 ? null : weighted / ratings);
  }
}
