package cn.smartaffairs.workorder;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 值班表 and 派单规则: who takes new orders automatically — by rule in office hours, by the duty rota at night, at
 * weekends and on holidays. Kept by a region's dispatchers.
 */
@Service
public class DutyRota {

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;

  public DutyRota(JdbcClient jdbc, Accounts accounts, AuditTrail audit) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** A shift: one person on call in a region for one kind of order (null: every kind) over a time range. */
  public record Shift(long id, long regionId, long userId, String kind, Instant startsAt, Instant endsAt) {}

  @Transactional
  public long addShift(long userId, String kind, Instant startsAt, Instant endsAt, CurrentUser by) {
    long regionId = by.regionId();
    requireDispatcher(by, regionId);
    requireHandler(userId, regionId);
    if (!endsAt.isAfter(startsAt)) {
      throw new BusinessRuleException("duty.endBeforeStart");
    }
    if (kind != null && !List.of("REPAIR", "HOTLINE", "VISIT").contains(kind)) {
      throw new BusinessRuleException("duty.kindUnknown", kind);
    }
    long id = jdbc.sql("""
        insert into duty_shift (region_id, user_id, kind, starts_at, ends_at)
        values (:region, :user, :kind, :starts, :ends) returning id""")
        .param("region", regionId).param("user", userId).param("kind", kind)
        .param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
        .query(Long.class).single();
    audit.record(AuditEntry.created("duty_shift", id, regionId, Map.of("userId", userId, "kind", String.valueOf(kind),
        "startsAt", startsAt.toString(), "endsAt", endsAt.toString())));
    return id;
  }

  /** Sends a category's orders (in one building, or anywhere) to one handler during office hours. */
  @Transactional
  public void setDispatchRule(String categoryCode, String building, long userId, CurrentUser by) {
    long regionId = by.regionId();
    requireDispatcher(by, regionId);
    requireHandler(userId, regionId);
    long categoryId = jdbc.sql("select id from work_order_category where code = :code").param("code", categoryCode)
        .query(Long.class).optional()
        .orElseThrow(() -> new BusinessRuleException("workOrder.categoryUnknown", categoryCode));
    String place = building == null || building.isBlank() ? null : building.trim();
    jdbc.sql("delete from dispatch_rule where region_id = :region and category_id = :category "
        + "and building is not distinct from :building")
        .param("region", regionId).param("category", categoryId).param("building", place).update();
    jdbc.sql("insert into dispatch_rule (region_id, category_id, building, user_id) values (:r, :c, :b, :u)")
        .param("r", regionId).param("c", categoryId).param("b", place).param("u", userId).update();
    audit.record(new AuditEntry("UPDATE", "dispatch_rule", categoryCode, regionId, null,
        Map.of("building", String.valueOf(place), "userId", userId)));
  }

  /** Who is on duty in a region for a kind of order at a moment: the shift that started first. */
  public Optional<Long> onDuty(long regionId, String kind, Instant at) {
    return jdbc.sql("""
        select user_id from duty_shift
         where region_id = :region and (kind is null or kind = :kind) and starts_at <= :at and ends_at > :at
         order by starts_at, id limit 1""")
        .param("region", regionId).param("kind", kind).param("at", Timestamp.from(at))
        .query(Long.class).optional();
  }

  public List<Shift> shifts(long regionId, Instant from, Instant to) {
    return jdbc.sql(
        """
            select * from duty_shift where region_id = :region and ends_at > :from and starts_at < :to order by starts_at""")
        .param("region", regionId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> new Shift(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("user_id"),
            rs.getString("kind"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant()))
        .list();
  }

  /** An office-hours dispatch rule as listed. */
  public record DispatchRule(String categoryCode, String categoryName, String building, long userId) {}

  public List<DispatchRule> dispatchRules(long regionId) {
    return jdbc.sql("""
        select c.code, c.name, r.building, r.user_id from dispatch_rule r
          join work_order_category c on c.id = r.category_id
         where r.region_id = :region order by c.sort_order, r.building nulls first""")
        .param("region", regionId)
        .query((rs, n) -> new DispatchRule(rs.getString("code"), rs.getString("name"), rs.getString("building"),
            rs.getLong("user_id")))
        .list();
  }

  private static void requireDispatcher(CurrentUser by, long regionId) {
    if (!WorkOrders.dispatches(by, regionId)) {
      throw new ForbiddenException();
    }
  }

  private void requireHandler(long userId, long regionId) {
    accounts.findById(userId)
        .filter(user -> user.regionId() == regionId && user.isEnabled())
        .filter(user -> user.hasAny(Role.REPAIR_WORKER, Role.REPAIR_MANAGER))
        .orElseThrow(() -> new BusinessRuleException("workOrder.assigneeUnknown", userId));
  }
}
