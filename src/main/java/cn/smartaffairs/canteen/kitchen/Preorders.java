package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 报餐: staff order a meal (some dishes of that day's menu) before the region's cut-off and may cancel it until the
 * same cut-off; the kitchen cooks to the resulting head count. Each order is charged to the person's canteen
 * account when placed and refunded when cancelled, in the same transaction as the order itself.
 */
@Service
public class Preorders {

  private static final DateTimeFormatter CUTOFF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final CutoffRules cutoffs;
  private final PreorderPayments payments;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final org.springframework.context.MessageSource messages;

  public Preorders(JdbcClient jdbc, AuditTrail audit, Menus menus, CutoffRules cutoffs, PreorderPayments payments,
      PlatformTransactionManager transactions, Clock clock,
      org.springframework.context.MessageSource messages) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.cutoffs = cutoffs;
    this.payments = payments;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.messages = messages;
  }

  /**
   * Orders the given dishes (menu item id → portions) of one meal for the caller. Refused with a Chinese message
   * after the cut-off, for dishes not on that meal's menu, for a second order of the same meal, or when the canteen
   * account cannot pay.
   */
  public Preorder place(long siteId, LocalDate date, Meal meal, Map<Long, Integer> portions, CurrentUser by) {
    if (by.staffId() == null) {
      throw new BusinessRuleException("canteen.kitchen.preorderNeedsStaff");
    }
    if (date == null || meal == null) {
      throw new BusinessRuleException("canteen.kitchen.dateAndMealRequired");
    }
    CanteenSite site = menus.site(siteId, by);
    requireBeforeCutoff(site.regionId(), date, meal);
    Map<Long, Integer> wanted = new LinkedHashMap<>();
    if (portions != null) {
      portions.forEach((item, quantity) -> {
        if (item != null && quantity != null && quantity != 0) {
          wanted.put(item, quantity);
        }
      });
    }
    if (wanted.isEmpty()) {
      throw new BusinessRuleException("canteen.kitchen.preorderEmpty");
    }
    Map<Long, MenuItem> offered = new LinkedHashMap<>();
    menus.day(siteId, date, by).stream().filter(item -> item.meal() == meal)
        .forEach(item -> offered.put(item.id(), item));
    long amount = 0;
    for (var entry : wanted.entrySet()) {
      MenuItem item = offered.get(entry.getKey());
      if (item == null) {
        throw new BusinessRuleException("canteen.kitchen.dishNotOnMenu", entry.getKey());
      }
      if (entry.getValue() < 1 || entry.getValue() > 20) {
        throw new BusinessRuleException("canteen.kitchen.portionsInvalid", item.dishName());
      }
      amount += item.priceFen() * entry.getValue();
    }
    long total = amount;
    try {
      long id = transaction.execute(status -> {
        long preorderId = jdbc.sql("""
            insert into canteen_preorder (site_id, serve_date, meal, staff_id, user_id, amount_fen, created_at)
            values (:site, :date, :meal, :staff, :user, :amount, :now) returning id""")
            .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name())
            .param("staff", by.staffId()).param("user", by.userId()).param("amount", total)
            .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        for (var entry : wanted.entrySet()) {
          jdbc.sql("""
              insert into canteen_preorder_line (preorder_id, menu_item_id, quantity, price_fen)
              values (:order, :item, :quantity, :price)""")
              .param("order", preorderId).param("item", entry.getKey()).param("quantity", entry.getValue())
              .param("price", offered.get(entry.getKey()).priceFen()).update();
        }
        if (total > 0) {
          var paid = payments.charge(by.staffId(), total, "canteen-preorder-" + preorderId,
              // the ledger's descriptions are written in Chinese, the meal in words, never its code
              "报餐 " + site.name() + " " + date + " "
                  + messages.getMessage(meal.label(), java.util.Locale.SIMPLIFIED_CHINESE),
              by);
          jdbc.sql("""
              update canteen_preorder set payment_id = :payment, subsidy_fen = :subsidy, balance_after_fen = :balance
               where id = :id""")
              .param("payment", paid.paymentId()).param("subsidy", paid.subsidyFen())
              .param("balance", paid.balanceAfterFen()).param("id", preorderId).update();
        }
        audit.record(AuditEntry.created("canteen_preorder", preorderId, site.regionId(), Map.of("site", site.name(),
            "date", date.toString(), "meal", meal.name(), "staffId", by.staffId(), "amountFen", total,
            "portions", wanted.toString())));
        return preorderId;
      });
      return preorder(id, by);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.kitchen.alreadyPreordered", date, meal.label());
    }
  }

  /** Cancels the caller's own order before the cut-off and refunds what it cost. */
  public Preorder cancel(long id, CurrentUser by) {
    transaction.executeWithoutResult(status -> {
      var row = jdbc.sql("""
          select p.*, s.region_id from canteen_preorder p join canteen s on s.id = p.site_id
           where p.id = :id and p.staff_id = :staff for update of p""")
          .param("id", id).param("staff", by.staffId() == null ? -1L : by.staffId())
          .query((rs, n) -> Map.of("status", PreorderStatus.valueOf(rs.getString("status")), "region",
              rs.getLong("region_id"),
              "date", rs.getDate("serve_date").toLocalDate(), "meal", Meal.valueOf(rs.getString("meal")),
              "payment", rs.getObject("payment_id") == null ? -1L : rs.getLong("payment_id")))
          .optional().orElseThrow(() -> new NotFoundException("canteenPreorder", id));
      if (row.get("status") != PreorderStatus.ACTIVE) {
        throw new ConflictException("canteen.kitchen.preorderAlreadyCancelled");
      }
      long regionId = (Long) row.get("region");
      requireBeforeCutoff(regionId, (LocalDate) row.get("date"), (Meal) row.get("meal"));
      Long refund = null;
      long paymentId = (Long) row.get("payment");
      if (paymentId > 0) {
        refund = payments.refund(paymentId, "canteen-preorder-" + id + "-refund", "取消报餐", by);
      }
      jdbc.sql("""
          update canteen_preorder set status = 'CANCELLED', cancelled_at = :now, refund_payment_id = :refund
           where id = :id""")
          .param("now", Timestamp.from(clock.instant())).param("refund", refund).param("id", id).update();
      audit.record(AuditEntry.updated("canteen_preorder", id, regionId, Map.of("status", PreorderStatus.ACTIVE.name()),
          Map.of("status", PreorderStatus.CANCELLED.name(), "refundPaymentId", refund == null ? "" : refund)));
    });
    return preorder(id, by);
  }

  /** The caller's own orders from a day on, newest meal last. */
  public List<Preorder> mine(LocalDate from, LocalDate to, CurrentUser by) {
    if (by.staffId() == null) {
      return List.of();
    }
    List<Long> ids = jdbc.sql("""
        select p.id from canteen_preorder p where p.staff_id = :staff and p.serve_date between :from and :to
         order by p.serve_date, array_position(array['BREAKFAST','LUNCH','DINNER'], p.meal), p.id""")
        .param("staff", by.staffId()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
        .query(Long.class).list();
    return ids.stream().map(id -> preorder(id, by)).toList();
  }

  /** One order: its owner sees it, and so do the canteen managers of its region; anyone else gets 404. */
  public Preorder preorder(long id, CurrentUser viewer) {
    Preorder order = jdbc.sql("""
        select p.*, s.name as site_name, s.region_id from canteen_preorder p join canteen s on s.id = p.site_id
         where p.id = :id""")
        .param("id", id).query((rs, n) -> preorder(rs, rs.getLong("region_id"))).optional()
        .orElseThrow(() -> new NotFoundException("canteenPreorder", id));
    long regionId = menus.siteRegion(order.siteId());
    boolean own = viewer.staffId() != null && viewer.staffId() == order.staffId();
    if (!own && !Menus.manages(viewer, regionId)) {
      throw new NotFoundException("canteenPreorder", id);
    }
    return order;
  }

  /** 报餐人数: the head count of one meal and how many portions of each dish to cook. */
  public HeadCount headCount(long siteId, LocalDate date, Meal meal, CurrentUser viewer) {
    CanteenSite site = menus.site(siteId, viewer);
    Menus.requireManager(viewer, site.regionId());
    long diners = jdbc.sql("""
        select count(*) from canteen_preorder where site_id = :site and serve_date = :date and meal = :meal
           and status = 'ACTIVE'""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name()).query(Long.class).single();
    List<HeadCount.Dish> dishes = jdbc.sql("""
        select d.name, coalesce(sum(l.quantity) filter (where p.status = 'ACTIVE'), 0) as portions
          from canteen_menu_item m join canteen_dish d on d.id = m.dish_id
          left join canteen_preorder_line l on l.menu_item_id = m.id
          left join canteen_preorder p on p.id = l.preorder_id
         where m.site_id = :site and m.serve_date = :date and m.meal = :meal
         group by m.id, d.name, d.category order by d.category, d.name""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name())
        .query((rs, n) -> new HeadCount.Dish(rs.getString("name"), rs.getLong("portions"))).list();
    return new HeadCount(site, date, meal, diners, cutoffs.cutoff(site.regionId(), date, meal), dishes);
  }

  /** Whether the meal can still be ordered or cancelled now. */
  public boolean open(long regionId, LocalDate date, Meal meal) {
    return clock.instant().isBefore(cutoffs.cutoff(regionId, date, meal).toInstant());
  }

  private void requireBeforeCutoff(long regionId, LocalDate date, Meal meal) {
    ZonedDateTime cutoff = cutoffs.cutoff(regionId, date, meal);
    if (!clock.instant().isBefore(cutoff.toInstant())) {
      throw new BusinessRuleException("canteen.kitchen.preorderClosed", cutoff.format(CUTOFF));
    }
  }

  private Preorder preorder(ResultSet rs, long regionId) throws SQLException {
    long id = rs.getLong("id");
    LocalDate date = rs.getDate("serve_date").toLocalDate();
    Meal meal = Meal.valueOf(rs.getString("meal"));
    List<Preorder.Line> lines = new ArrayList<>(jdbc.sql("""
        select l.menu_item_id, d.name, l.quantity, l.price_fen from canteen_preorder_line l
          join canteen_menu_item m on m.id = l.menu_item_id join canteen_dish d on d.id = m.dish_id
         where l.preorder_id = :id order by d.category, d.name""")
        .param("id", id).query((r, n) -> new Preorder.Line(r.getLong(1), r.getString(2), r.getInt(3), r.getLong(4)))
        .list());
    return new Preorder(id, rs.getLong("site_id"), rs.getString("site_name"), date, meal, rs.getLong("staff_id"),
        rs.getLong("amount_fen"), rs.getString("status"), nullableLong(rs, "payment_id"),
        nullableLong(rs, "balance_after_fen"), nullableLong(rs, "refund_payment_id"),
        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(PlatformConfiguration.ZONE)
            .toOffsetDateTime(),
        cutoffs.cutoff(regionId, date, meal), lines);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, Long.class);
  }
}
