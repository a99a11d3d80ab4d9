package cn.smartaffairs.space;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 腾退: an office is recovered within a month (rule value) after its holder is transferred or retires, and a
 * leader's second office is vacated within two months (rule value) after the concurrent post ends. The watch raises
 * a task in the to-do inbox of the region's space managers once, and flags it once when the deadline has passed.
 */
@Component
public class OfficeRecoveryWatch {

  /** One office to recover or vacate, and its deadline. */
  public record RecoveryTask(long id, long regionId, long assignmentId, long staffId, String staffName,
      String roomLabel, RecoveryReason reason, LocalDate since, LocalDate dueOn, boolean overdue,
      boolean done) {}

  /** What one sweep did. */
  public record Sweep(int raised, int flaggedOverdue) {}

  private final JdbcClient jdbc;
  private final AreaStandards standards;
  private final Accounts accounts;
  private final TodoInbox todos;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OfficeRecoveryWatch(JdbcClient jdbc, AreaStandards standards, Accounts accounts, TodoInbox todos,
      AuditTrail audit, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.standards = standards;
    this.accounts = accounts;
    this.todos = todos;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  static String link(long taskId) {
    return "/space/recovery?task=" + taskId;
  }

  @Scheduled(fixedDelayString = "${affairs.space.recovery-interval:PT10M}", initialDelayString = "PT2M")
  @SchedulerLock(name = "space-office-recovery")
  public void scheduledSweep() {
    sweep();
  }

  /** Raises the tasks that are due to be raised and flags those whose deadline passed, as of the clock's today. */
  public Sweep sweep() {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    return transaction.execute(status -> new Sweep(raise(today), flagOverdue(today)));
  }

  private record Due(long assignmentId, long regionId, long staffId, String staffName, StaffStatus staffStatus,
      String roomLabel, LocalDate since) {}

  private int raise(LocalDate today) {
    List<Due> left = jdbc.sql("""
        select o.id, o.region_id, o.staff_id, s.name, s.status, b.name || ' ' || r.number as room_label,
               s.status_changed_on as since
          from space_office_assignment o join org_person s on s.id = o.staff_id
          join space_room r on r.id = o.room_id join space_building b on b.id = r.building_id
         where s.status in ('TRANSFERRED', 'RETIRED') and s.status_changed_on <= :today
           and o.valid_to is null and o.valid_from <= s.status_changed_on
           and not exists (select 1 from space_recovery_task t where t.assignment_id = o.id and t.reason = 'LEFT')""")
        .param("today", today).query((rs, n) -> due(rs)).list();
    List<Due> concurrent = jdbc.sql("""
        select o.id, o.region_id, o.staff_id, s.name, s.status, b.name || ' ' || r.number as room_label,
               o.concurrent_post_ended_on as since
          from space_office_assignment o join org_person s on s.id = o.staff_id
          join space_room r on r.id = o.room_id join space_building b on b.id = r.building_id
         where o.second_office and o.concurrent_post_ended_on <= :today
           and o.valid_to is null
           and not exists (select 1 from space_recovery_task t where t.assignment_id = o.id
                            and t.reason = 'CONCURRENT_POST_ENDED')""")
        .param("today", today).query((rs, n) -> due(rs)).list();
    // only offices still held need a task: one already vacated has nothing left to recover
    left.forEach(due -> raise(due, RecoveryReason.LEFT));
    concurrent.forEach(due -> raise(due, RecoveryReason.CONCURRENT_POST_ENDED));
    return left.size() + concurrent.size();
  }

  private void raise(Due due, RecoveryReason reason) {
    LocalDate dueOn = due.since().plusMonths(standards.deadlineMonths(reason.deadline(), due.regionId(), due.since()));
    long id = jdbc.sql("""
        insert into space_recovery_task (region_id, assignment_id, staff_id, reason, since, due_on, raised_at)
        values (:region, :assignment, :staff, :reason, :since, :due, :at) returning id""")
        .param("region", due.regionId()).param("assignment", due.assignmentId()).param("staff", due.staffId())
        .param("reason", reason.name()).param("since", due.since()).param("due", dueOn)
        .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    Instant dueAt = dueOn.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant();
    String title = "%s办公用房：%s（%s）%s，须于 %s 前%s".formatted(reason.action(), due.staffName(),
        reason.why(due.staffStatus()), due.roomLabel(), dueOn, reason.action());
    for (long manager : accounts.holdersOf(Role.SPACE_MANAGER, due.regionId(), null)) {
      todos.add(manager, "space", title, link(id), dueAt);
    }
    audit.record(AuditEntry.created("space_recovery_task", id, due.regionId(), Map.of("assignmentId",
        due.assignmentId(), "staffId", due.staffId(), "reason", reason.name(), "since", due.since().toString(),
        "dueOn", dueOn.toString())));
  }

  private int flagOverdue(LocalDate today) {
    List<RecoveryTask> overdue = jdbc
        .sql(TASKS + " where t.done_at is null and t.overdue_at is null and t.due_on < :today")
        .param("today", today).query(OfficeRecoveryWatch::task).list();
    for (RecoveryTask task : overdue) {
      jdbc.sql("update space_recovery_task set overdue_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant())).param("id", task.id()).update();
      String title = "已逾期：%s 的办公用房 %s 应于 %s 前%s".formatted(task.staffName(), task.roomLabel(), task.dueOn(),
          task.reason().action());
      for (long manager : accounts.holdersOf(Role.SPACE_MANAGER, task.regionId(), null)) {
        todos.add(manager, "space", title, link(task.id()), null);
      }
      audit.record(AuditEntry.updated("space_recovery_task", task.id(), task.regionId(), Map.of("overdue", false),
          Map.of("overdue", true)));
    }
    return overdue.size();
  }

  private static final String TASKS = """
      select t.*, s.name as staff_name, b.name || ' ' || r.number as room_label
        from space_recovery_task t join org_person s on s.id = t.staff_id
        join space_office_assignment o on o.id = t.assignment_id join space_room r on r.id = o.room_id
        join space_building b on b.id = r.building_id""";

  /** The tasks of the caller's regions: open ones first, the most overdue on top. */
  public List<RecoveryTask> tasks(boolean openOnly, CurrentUser viewer) {
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource()).addValue("open", openOnly);
    return jdbc.sql(TASKS + " where " + DataScope.sqlCondition("t.region_id", "s.unit_id", null)
        + " and (not :open or t.done_at is null) order by t.done_at is not null, t.due_on, t.id limit 500")
        .paramSource(parameters).query(OfficeRecoveryWatch::task).list();
  }

  private static Due due(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Due(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("staff_id"), rs.getString("name"),
        StaffStatus.valueOf(rs.getString("status")), rs.getString("room_label"), rs.getDate("since").toLocalDate());
  }

  private static RecoveryTask task(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new RecoveryTask(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("assignment_id"),
        rs.getLong("staff_id"), rs.getString("staff_name"), rs.getString("room_label"),
        RecoveryReason.valueOf(rs.getString("reason")),
        rs.getDate("since").toLocalDate(), rs.getDate("due_on").toLocalDate(), rs.getTimestamp("overdue_at") != null,
        rs.getTimestamp("done_at") != null);
  }
}
