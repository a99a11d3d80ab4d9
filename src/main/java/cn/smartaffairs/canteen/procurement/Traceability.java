package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.kitchen.Meal;
import cn.smartaffairs.canteen.kitchen.MenuItem;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 食材追溯: which batch went into which dish on which day, both ways — from a batch to the dishes and days that used
 * it (a recall), and from a dish or a day to its batches (a complaint).
 */
@Service
public class Traceability {

  /** One use of one batch in one dish of one meal. */
  public record Usage(long batchId, String itemName, String batchNo, String supplierName, long menuItemId,
      String dishName, LocalDate serveDate, Meal meal, BigDecimal quantity, String unit) {}

  private static final String USAGE = """
      select u.batch_id, b.item_name, b.batch_no, b.supplier_name, u.menu_item_id, d.name as dish_name, m.serve_date,
             m.meal, u.quantity, b.unit
        from canteen_batch_usage u join canteen_batch b on b.id = u.batch_id
        join canteen_menu_item m on m.id = u.menu_item_id join canteen_dish d on d.id = m.dish_id
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final ReceivingInspections inspections;
  private final Clock clock;

  public Traceability(JdbcClient jdbc, AuditTrail audit, Menus menus, ReceivingInspections inspections, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.inspections = inspections;
    this.clock = clock;
  }

  /**
   * Records that some of a batch went into a dish of a day's meal: only an accepted batch of the same canteen,
   * received by that day and not past its shelf life on it.
   */
  @Transactional
  public Usage use(long batchId, long menuItemId, BigDecimal quantity, CurrentUser by) {
    Batch batch = inspections.batch(batchId, by);
    MenuItem item = menus.menuItem(menuItemId, by);
    if (!batch.accepted()) {
      throw new BusinessRuleException("canteen.kitchen.batchRejectedCannotBeUsed", batch.itemName());
    }
    if (batch.siteId() != item.siteId()) {
      throw new BusinessRuleException("canteen.kitchen.batchOfAnotherCanteen", batch.itemName());
    }
    if (item.serveDate().isBefore(batch.receivedOn()) || item.serveDate().isAfter(batch.expiresOn())) {
      throw new BusinessRuleException("canteen.kitchen.batchNotUsableThatDay", batch.itemName(), item.serveDate());
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new BusinessRuleException("canteen.kitchen.quantityInvalid");
    }
    try {
      jdbc.sql("""
          insert into canteen_batch_usage (batch_id, menu_item_id, quantity, recorded_by, recorded_at)
          values (:batch, :item, :quantity, :by, :now)""")
          .param("batch", batchId).param("item", menuItemId).param("quantity", quantity).param("by", by.userId())
          .param("now", Timestamp.from(clock.instant())).update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.kitchen.usageAlreadyRecorded", batch.itemName(), item.dishName());
    }
    audit.record(AuditEntry.created("canteen_batch_usage", batchId + ":" + menuItemId,
        menus.site(item.siteId(), by).regionId(), Map.of("batch", batchId, "item", batch.itemName(),
            "dish", item.dishName(), "date", item.serveDate().toString(), "quantity", quantity.toPlainString())));
    return fromBatch(batchId, by).stream().filter(u -> u.menuItemId() == menuItemId).findFirst().orElseThrow();
  }

  /** From a batch to the dishes and days that used it. */
  public List<Usage> fromBatch(long batchId, CurrentUser viewer) {
    inspections.batch(batchId, viewer);
    return jdbc.sql(USAGE + " where u.batch_id = :batch order by m.serve_date, m.meal, d.name")
        .param("batch", batchId).query(Traceability::usage).list();
  }

  /** From a dish of a day's meal to the batches that went into it. */
  public List<Usage> fromMenuItem(long menuItemId, CurrentUser viewer) {
    MenuItem item = menus.menuItem(menuItemId, viewer);
    Menus.requireManager(viewer, menus.site(item.siteId(), viewer).regionId());
    return jdbc.sql(USAGE + " where u.menu_item_id = :item order by b.item_name")
        .param("item", menuItemId).query(Traceability::usage).list();
  }

  /** From a day of a canteen to every dish and the batches that went into each. */
  public List<Usage> fromDay(long siteId, LocalDate day, CurrentUser viewer) {
    Menus.requireManager(viewer, menus.site(siteId, viewer).regionId());
    return jdbc.sql(USAGE + """
        where m.site_id = :site and m.serve_date = :day
        order by array_position(array['BREAKFAST','LUNCH','DINNER'], m.meal), d.name, b.item_name""")
        .param("site", siteId).param("day", Date.valueOf(day)).query(Traceability::usage).list();
  }

  private static Usage usage(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Usage(rs.getLong("batch_id"), rs.getString("item_name"), rs.getString("batch_no"),
        rs.getString("supplier_name"), rs.getLong("menu_item_id"), rs.getString("dish_name"),
        rs.getDate("serve_date").toLocalDate(), Meal.valueOf(rs.getString("meal")), rs.getBigDecimal("quantity"),
        rs.getString("unit"));
  }
}
