package cn.smartaffairs.workorder;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule tables of the loop an administrator keeps: 办理时限 per category and priority (a new version takes effect
 * on its date; a region's own version overrides the national one) and the overdue ladder per region.
 */
@Service
public class WorkOrderRules {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public WorkOrderRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One version of a deadline rule; a null region is the national default. */
  public record DeadlineRule(long id, Long regionId, String categoryCode, String categoryName, String priority,
      int respondMinutes, int resolveWorkingDays, LocalDate effectiveFrom) {}

  /** The overdue ladder of a region (or the default). */
  public record EscalationRule(Long regionId, int remindBeforeMinutes, int superviseAfterWorkDays) {}

  /** Every version that concerns a region — national and its own — newest first within each category and priority. */
  public List<DeadlineRule> deadlineRules(long regionId) {
    return jdbc
        .sql(
            """
                select r.id, r.region_id, c.code, c.name, r.priority, r.respond_minutes, r.resolve_working_days, r.effective_from
                  from work_order_deadline_rule r join work_order_category c on c.id = r.category_id
                 where r.region_id is null or r.region_id = :region
                 order by c.sort_order, r.priority desc, r.effective_from desc, r.region_id nulls last""")
        .param("region", regionId)
        .query((rs, n) -> new DeadlineRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getString("code"),
            rs.getString("name"), rs.getString("priority"), rs.getInt("respond_minutes"),
            rs.getInt("resolve_working_days"), rs.getDate("effective_from").toLocalDate()))
        .list();
  }

  /** The versions in force on a day, one per category and priority: the region's own before the national one. */
  public java.util.Set<Long> inForce(long regionId, LocalDate day) {
    return new java.util.HashSet<>(jdbc.sql("""
        select distinct on (category_id, priority) id from work_order_deadline_rule
         where (region_id is null or region_id = :region) and effective_from <= :day
         order by category_id, priority, region_id nulls last, effective_from desc""")
        .param("region", regionId).param("day", Date.valueOf(day)).query(Long.class).list());
  }

  /** Adds a version of a deadline rule; national versions are the platform admin's, a region's its admin's. */
  @Transactional
  public long addDeadlineRule(Long regionId, String categoryCode, String priority, int respondMinutes,
      int resolveWorkingDays, LocalDate effectiveFrom, CurrentUser by) {
    requireRuleKeeper(regionId, by);
    if (respondMinutes <= 0 || resolveWorkingDays < 0 || effectiveFrom == null) {
      throw new BusinessRuleException("workOrderRule.invalid");
    }
    WorkOrderPriority.parse(priority);
    long categoryId = jdbc.sql("select id from work_order_category where code = :code").param("code", categoryCode)
        .query(Long.class).optional()
        .orElseThrow(() -> new BusinessRuleException("workOrder.categoryUnknown", categoryCode));
    boolean exists = jdbc.sql("""
        select count(*) from work_order_deadline_rule where region_id is not distinct from :region
           and category_id = :category and priority = :priority and effective_from = :from""")
        .param("region", regionId).param("category", categoryId).param("priority", priority)
        .param("from", Date.valueOf(effectiveFrom)).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("workOrderRule.versionExists", effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into work_order_deadline_rule (region_id, category_id, priority, respond_minutes, resolve_working_days,
                                              effective_from)
        values (:region, :category, :priority, :respond, :resolve, :from) returning id""")
        .param("region", regionId).param("category", categoryId).param("priority", priority)
        .param("respond", respondMinutes).param("resolve", resolveWorkingDays)
        .param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single();
    audit.record(AuditEntry.created("work_order_deadline_rule", id, regionId, Map.of("category", categoryCode,
        "priority", priority, "respondMinutes", respondMinutes, "resolveWorkingDays", resolveWorkingDays,
        "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  /** The ladder in force for a region: its own, or the default. */
  public EscalationRule escalationRule(long regionId) {
    return jdbc.sql("""
        select region_id, remind_before_minutes, supervise_after_work_days from escalation_rule
         where region_id is null or region_id = :region order by region_id nulls last limit 1""")
        .param("region", regionId)
        .query((rs, n) -> new EscalationRule((Long) rs.getObject("region_id"), rs.getInt("remind_before_minutes"),
            rs.getInt("supervise_after_work_days")))
        .single();
  }

  /** Sets the region's own overdue ladder. */
  @Transactional
  public void setEscalationRule(long regionId, int remindBeforeMinutes, int superviseAfterWorkDays, CurrentUser by) {
    requireRuleKeeper(regionId, by);
    if (remindBeforeMinutes <= 0 || superviseAfterWorkDays < 0) {
      throw new BusinessRuleException("workOrderRule.invalid");
    }
    EscalationRule before = escalationRule(regionId);
    jdbc.sql("""
        insert into escalation_rule (region_id, remind_before_minutes, supervise_after_work_days)
        values (:region, :remind, :supervise)
        on conflict (region_id) do update set remind_before_minutes = excluded.remind_before_minutes,
                                              supervise_after_work_days = excluded.supervise_after_work_days""")
        .param("region", regionId).param("remind", remindBeforeMinutes).param("supervise", superviseAfterWorkDays)
        .update();
    audit.record(AuditEntry.updated("escalation_rule", regionId, regionId, before,
        new EscalationRule(regionId, remindBeforeMinutes, superviseAfterWorkDays)));
  }

  private static void requireRuleKeeper(Long regionId, CurrentUser by) {
    boolean allowed = regionId == null
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN).permits(regionId, null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
  }
}
