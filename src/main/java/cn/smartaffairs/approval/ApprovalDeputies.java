package cn.smartaffairs.approval;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who stands in for whom now: deputies in office may decide a principal's tasks and get a to-do item for each. */
@Component
class ApprovalDeputies {

  private final JdbcClient jdbc;
  private final TodoInbox inbox;
  private final Accounts accounts;
  private final Clock clock;

  ApprovalDeputies(JdbcClient jdbc, TodoInbox inbox, Accounts accounts, Clock clock) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.accounts = accounts;
    this.clock = clock;
  }

  boolean mayActFor(long principalId, CurrentUser deputy) {
    return jdbc.sql("""
        select count(*) from approval_deputy where principal_id = :principal and deputy_id = :deputy
           and valid_from <= :now and valid_until > :now""")
        .param("principal", principalId).param("deputy", deputy.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single() > 0;
  }

  /** Gives each deputy in office now a to-do item for an open task of the person they stand in for. */
  void notifyDeputies(long taskId, long assigneeId, long requestId, String subject, Instant due) {
    List<Map<String, Object>> deputies = jdbc.sql(
        """
            select d.deputy_id from approval_deputy d
             where d.principal_id = :principal and d.valid_from <= :now and d.valid_until > :now
               and not exists (select 1 from approval_deputy_todo x where x.task_id = :task and x.deputy_id = d.deputy_id)""")
        .param("principal", assigneeId).param("now", Timestamp.from(clock.instant())).param("task", taskId)
        .query().listOfRows();
    for (Map<String, Object> deputy : deputies) {
      long deputyId = ((Number) deputy.get("deputy_id")).longValue();
      String principalName = accounts.displayNamesById(List.of(assigneeId)).getOrDefault(assigneeId, "");
      long todoId = inbox.add(deputyId, Approvals.MODULE, "代" + principalName + "审批：" + subject,
          "/approvals/" + requestId, due);
      jdbc.sql(
          "insert into approval_deputy_todo (task_id, deputy_id, todo_id) values (:task, :deputy, :todo) on conflict do nothing")
          .param("task", taskId).param("deputy", deputyId).param("todo", todoId).update();
    }
  }
}
