package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 菜品评价: diners rate a dish they could have eaten (1–5 stars with a comment), once per dish and day. */
@Service
public class Ratings {

  /** One rating as the kitchen sees it. */
  public record Rating(long menuItemId, String dishName, LocalDate serveDate, int score, String comment) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final Clock clock;

  public Ratings(JdbcClient jdbc, AuditTrail audit, Menus menus, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.clock = clock;
  }

  @Transactional
  public Rating rate(long menuItemId, int score, String comment, CurrentUser by) {
    if (by.staffId() == null) {
      throw new BusinessRuleException("canteen.kitchen.preorderNeedsStaff");
    }
    MenuItem item = menus.menuItem(menuItemId, by);
    if (score < 1 || score > 5) {
      throw new BusinessRuleException("canteen.kitchen.scoreInvalid");
    }
    String text = comment == null || comment.isBlank() ? null : comment.trim();
    if (text != null && text.length() > 500) {
      throw new BusinessRuleException("canteen.kitchen.commentTooLong");
    }
    if (item.serveDate().isAfter(LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)))) {
      throw new BusinessRuleException("canteen.kitchen.notServedYet", item.dishName());
    }
    int inserted = jdbc.sql("""
        insert into canteen_dish_rating (menu_item_id, staff_id, score, comment, created_at)
        values (:item, :staff, :score, :comment, :now) on conflict (menu_item_id, staff_id) do nothing""")
        .param("item", menuItemId).param("staff", by.staffId()).param("score", score).param("comment", text)
        .param("now", Timestamp.from(clock.instant())).update();
    if (inserted == 0) {
      throw new ConflictException("canteen.kitchen.alreadyRated", item.dishName());
    }
    long regionId = menus.site(item.siteId(), by).regionId();
    audit.record(AuditEntry.created("canteen_dish_rating", menuItemId + ":" + by.staffId(), regionId,
        Map.of("dish", item.dishName(), "date", item.serveDate().toString(), "score", score)));
    return new Rating(menuItemId, item.dishName(), item.serveDate(), score, text);
  }

  /** The ratings given to the canteen's dishes between two days, newest first (canteen managers). */
  public List<Rating> ratings(long siteId, LocalDate from, LocalDate to, CurrentUser viewer) {
    Menus.requireManager(viewer, menus.site(siteId, viewer).regionId());
    return jdbc.sql("""
        select r.menu_item_id, d.name, m.serve_date, r.score, r.comment from canteen_dish_rating r
          join canteen_menu_item m on m.id = r.menu_item_id join canteen_dish d on d.id = m.dish_id
         where m.site_id = :site and m.serve_date between :from and :to order by m.serve_date desc, r.id desc""")
        .param("site", siteId).param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to))
        .query((rs, n) -> new Rating(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
            rs.getString(5)))
        .list();
  }

  /** Menu items the caller has rated among the given ones. */
  public List<Long> ratedBy(CurrentUser viewer, List<Long> menuItemIds) {
    if (viewer.staffId() == null || menuItemIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select menu_item_id from canteen_dish_rating where staff_id = :staff and menu_item_id in (:items)")
        .param("staff", viewer.staffId()).param("items", menuItemIds).query(Long.class).list();
  }
}
