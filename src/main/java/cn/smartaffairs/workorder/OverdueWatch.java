package cn.smartaffairs.workorder;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue ladder of unresolved orders: a reminder to the handler before the deadline (提醒), 催办 to the handler
 * when it has passed, and 督办 to the region's supervisors some working days later. Each rung fires once per order
 * and round (a reopened order starts a new round); the unique row makes that hold with several instances too.
 */
@Component
public class OverdueWatch {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final Accounts accounts;
  private final TodoInbox inbox;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public OverdueWatch(JdbcClient jdbc, WorkingCalendar calendar, Accounts accounts, TodoInbox inbox, AuditTrail audit,
      ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.accounts = accounts;
    this.inbox = inbox;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** One rung fired for one order. */
  public record Escalation(long workOrderId, String kind) {}

  @Scheduled(fixedDelayString = "${affairs.work-orders.escalation-interval:PT1M}", initialDelayString = "${affairs.work-orders.escalation-initial-delay:PT1M}")
  @SchedulerLock(name = "workorder-overdue")
  public void onSchedule() {
    escalate(clock.instant());
  }

  /** Fires every rung that is due at {@code now} and has not fired yet; answers what fired. */
  @Transactional
  public List<Escalation> escalate(Instant now) {
    List<Escalation> fired = new ArrayList<>();
    var open = jdbc.sql(
        """
            select w.id, w.order_no, w.region_id, w.assignee_user_id, w.requester_staff_id, w.description, w.status,
                   w.resolve_due_at, w.reopen_count, coalesce(r.remind_before_minutes, d.remind_before_minutes) as remind,
                   coalesce(r.supervise_after_work_days, d.supervise_after_work_days) as supervise
              from work_order w
              join escalation_rule d on d.region_id is null
              left join escalation_rule r on r.region_id = w.region_id
             where w.status in (:awaitingResolution)
               and w.resolve_due_at - make_interval(mins => coalesce(r.remind_before_minutes, d.remind_before_minutes)) <= :now""")
        .param("now", Timestamp.from(now)).param("awaitingResolution", WorkOrderStatus.AWAITING_RESOLUTION).query()
        .listOfRows();
    for (var row : open) {
      long id = ((Number) row.get("id")).longValue();
      long regionId = ((Number) row.get("region_id")).longValue();
      int round = ((Number) row.get("reopen_count")).intValue();
      Instant due = ((Timestamp) row.get("resolve_due_at")).toInstant();
      Long assignee = row.get("assignee_user_id") == null ? null : ((Number) row.get("assignee_user_id")).longValue();
      String orderNo = (String) row.get("order_no");
      String dueText = DUE.format(due.atZone(PlatformConfiguration.ZONE));
      Instant superviseAt = calendar.forRegion(regionId)
          .closeOfWorkingDays(due.atZone(PlatformConfiguration.ZONE), ((Number) row.get("supervise")).intValue())
          .toInstant();
      List<Long> handlers = assignee != null
          ? List.of(assignee)
          : accounts.holdersOf(Role.REPAIR_MANAGER, regionId, null);
      if (now.isBefore(due)) {
        fire(id, "REMINDER", round, now, handlers, "即将超期：工单 " + orderNo + " 须于" + dueText + "前办结", fired, row);
      } else {
        fire(id, "URGE", round, now, handlers, "催办：工单 " + orderNo + " 已超过办理时限（" + dueText + "）", fired, row);
        if (!now.isBefore(superviseAt)) {
          fire(id, "SUPERVISE", round, now, accounts.holdersOf(Role.REGION_ADMIN, regionId, null),
              "督办：工单 " + orderNo + " 超期未办结（时限" + dueText + "）", fired, row);
        }
      }
    }
    return fired;
  }

  private void fire(long id, String kind, int round, Instant now, List<Long> recipients, String title,
      List<Escalation> fired, Map<String, Object> order) {
    int inserted = jdbc.sql("""
        insert into work_order_escalation (work_order_id, kind, round, fired_at) values (:id, :kind, :round, :now)
        on conflict do nothing""")
        .param("id", id).param("kind", kind).param("round", round).param("now", Timestamp.from(now)).update();
    if (inserted == 0) {
      return;
    }
    WorkOrderStatus status = WorkOrderStatus.valueOf((String) order.get("status"));
    jdbc.sql("""
        insert into work_order_event (work_order_id, action, from_status, to_status, actor, occurred_at, note)
        values (:id, :action, :status, :status, 'system', :now, :note)""")
        .param("id", id).param("action", kind).param("status", status.name()).param("now", Timestamp.from(now))
        .param("note", title).update();
    for (long recipient : recipients) {
      inbox.add(recipient, "workorder", title, "/work-orders/" + id, null);
    }
    long regionId = ((Number) order.get("region_id")).longValue();
    audit.recordAs("system", List.of(new AuditEntry(kind, "work_order", id, regionId, null,
        Map.of("round", round, "recipients", recipients))));
    Long assignee = order.get("assignee_user_id") == null ? null : ((Number) order.get("assignee_user_id")).longValue();
    Long requester = order.get("requester_staff_id") == null
        ? null
        : ((Number) order.get("requester_staff_id")).longValue();
    events.publishEvent(new WorkOrderMoved(id, (String) order.get("order_no"), regionId, kind, status, status, assignee,
        requester, (String) order.get("description")));
    fired.add(new Escalation(id, kind));
  }
}
