package cn.smartaffairs.approval;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.workbench.TodoInbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审批: the one approval engine every module uses (ADR 0004). Flows are data per request type and region; a request
 * walks their ordered steps, each step's approvers get a task in their to-do inbox, and the final outcome is
 * published as {@link ApprovalDecided}. Every change is audited in its own transaction; deciding locks the request
 * row, so two approvers of one 或签 step cannot both complete it.
 */
@Service
public class Approvals {

  static final String MODULE = "approval";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TodoInbox inbox;
  private final WorkingCalendar calendar;
  private final Accounts accounts;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration decideBeforeStart;
  private final ApprovalDeputies deputies;

  public Approvals(JdbcClient jdbc, AuditTrail audit, TodoInbox inbox, WorkingCalendar calendar, Accounts accounts,
      ApplicationEventPublisher events, ObjectMapper json, Clock clock,
      @Value("${affairs.approval.decide-before-start:PT2H}") Duration decideBeforeStart,
      ApprovalDeputies deputies) {
    this.deputies = deputies;
    this.decideBeforeStart = decideBeforeStart;
    this.jdbc = jdbc;
    this.audit = audit;
    this.inbox = inbox;
    this.calendar = calendar;
    this.accounts = accounts;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  // ---- configuration ------------------------------------------------------------------------------------------

  // ---- the applicant --------------------------------------------------------------------------------------------

  /**
   * Submits a request under the flow in force for its type in the applicant's region. Steps whose condition does not
   * hold are skipped; when none applies, the request is approved at once.
   */
  @Transactional
  public long submit(String requestType, String subject, Map<String, Object> facts, CurrentUser applicant) {
    return submit(requestType, subject, facts, null, applicant);
  }

  /**
   * Submits a request for something that starts at {@code subjectStartsAt} (a trip, a meeting): no task of it is due
   * after that start, less the margin {@code affairs.approval.decide-before-start} (see {@link TaskDeadline}).
   */
  @Transactional
  public long submit(String requestType, String subject, Map<String, Object> facts, Instant subjectStartsAt,
      CurrentUser applicant) {
    ApprovalRules.checkSubject(subject);
    Long flowId = jdbc.sql("select id from approval_flow where request_type = :type and region_id = :region and active")
        .param("type", requestType).param("region", applicant.regionId()).query(Long.class).optional()
        .orElseThrow(() -> new BusinessRuleException("approval.noFlow", requestType));
    Map<String, Object> given = facts == null ? Map.of() : facts;
    long id = jdbc.sql("""
        insert into approval_request (flow_id, request_type, region_id, unit_id, applicant_id, subject, facts, status,
                                      current_position, subject_starts_at)
        values (:flow, :type, :region, :unit, :applicant, :subject, cast(:facts as jsonb), 'PENDING', 0, :startsAt)
        returning id""")
        .param("flow", flowId).param("type", requestType).param("region", applicant.regionId())
        .param("unit", applicant.unitId()).param("applicant", applicant.userId()).param("subject", subject.trim())
        .param("facts", toJson(given))
        .param("startsAt", subjectStartsAt == null ? null : Timestamp.from(subjectStartsAt))
        .query(Long.class).single();
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("requestType", requestType);
    created.put("subject", subject.trim());
    created.put("facts", given);
    if (subjectStartsAt != null) {
      created.put("subjectStartsAt", subjectStartsAt.toString());
    }
    audit.record(AuditEntry.created("approval_request", id, applicant.regionId(), created));
    advance(load(id), 0);
    return id;
  }

  /** Takes a pending request back, only before anyone has decided on it in this round. */
  @Transactional
  public void withdraw(long requestId, CurrentUser by) {
    Request request = lock(requestId);
    ApprovalRules.requireApplicant(request.applicantId(), by);
    long decided = jdbc.sql(
        """
            select count(*) from approval_task where request_id = :id and round = :round and status in ('APPROVED', 'REJECTED')""")
        .param("id", requestId).param("round", request.round()).query(Long.class).single();
    ApprovalRules.checkWithdraw(request.status(), decided);
    cancelOpenTasks(request, null);
    finish(request, RequestStatus.WITHDRAWN, null);
  }

  /** Submits a rejected or withdrawn request again with corrected facts; it starts a new round from the first step. */
  @Transactional
  public void resubmit(long requestId, Map<String, Object> newFacts, CurrentUser by) {
    Request request = lock(requestId);
    ApprovalRules.requireApplicant(request.applicantId(), by);
    ApprovalRules.checkResubmit(request.status());
    Map<String, Object> facts = newFacts == null ? request.facts() : newFacts;
    jdbc.sql("""
        update approval_request set facts = cast(:facts as jsonb), status = 'PENDING', current_position = 0,
               round = round + 1, decided_at = null, updated_at = now(), version = version + 1
         where id = :id""")
        .param("facts", toJson(facts)).param("id", requestId).update();
    audit.record(new AuditEntry("RESUBMIT", "approval_request", requestId, request.regionId(),
        Map.of("status", request.status(), "facts", request.facts()),
        Map.of("status", RequestStatus.PENDING, "facts", facts, "round", request.round() + 1)));
    advance(load(requestId), 0);
  }

  // ---- the approvers --------------------------------------------------------------------------------------------

  @Transactional
  public void approve(long taskId, CurrentUser by, String comment) {
    decide(taskId, by, comment, true);
  }

  /** Rejects the request: every other open task is cancelled and the reason stays on the request for the applicant. */
  @Transactional
  public void reject(long taskId, CurrentUser by, String comment) {
    ApprovalRules.checkRejectionReason(comment);
    decide(taskId, by, comment, false);
  }

  /** The tasks waiting for a person: their own and those of people they currently deputise for. */
  public List<OpenTask> openTasks(CurrentUser user) {
    var rows = jdbc.sql("""
        select t.id, t.request_id, r.request_type, r.subject, t.step_name, r.applicant_id, t.assignee_id, t.due_at
          from approval_task t join approval_request r on r.id = t.request_id
         where t.status = 'OPEN'
           and (t.assignee_id = :me or exists (select 1 from approval_deputy d where d.principal_id = t.assignee_id
                  and d.deputy_id = :me and d.valid_from <= :now and d.valid_until > :now))
         order by t.due_at, t.id""")
        .param("me", user.userId()).param("now", Timestamp.from(clock.instant()))
        .query().listOfRows();
    List<Long> people = new ArrayList<>();
    rows.forEach(row -> {
      people.add(((Number) row.get("applicant_id")).longValue());
      people.add(((Number) row.get("assignee_id")).longValue());
    });
    Map<Long, String> names = accounts.displayNamesById(people);
    return rows.stream().map(row -> {
      long assignee = ((Number) row.get("assignee_id")).longValue();
      return new OpenTask(((Number) row.get("id")).longValue(), ((Number) row.get("request_id")).longValue(),
          (String) row.get("request_type"), (String) row.get("subject"), (String) row.get("step_name"),
          names.get(((Number) row.get("applicant_id")).longValue()),
          assignee == user.userId() ? null : names.get(assignee), ((Timestamp) row.get("due_at")).toInstant());
    }).toList();
  }

  /**
   * The request and its route, for its applicant, anyone who has or had a task on it (or deputises for them), and
   * those whose data scope covers its region or unit; to anyone else it does not exist.
   */
  public ApprovalRoute route(long requestId, CurrentUser viewer) {
    Request request = jdbc.sql("select * from approval_request where id = :id").param("id", requestId)
        .query(this::request).optional().orElseThrow(() -> new NotFoundException("approvalRequest", requestId));
    List<Long> people = new ArrayList<>(List.of(request.applicantId()));
    jdbc.sql("select assignee_id, decided_by from approval_task where request_id = :id").param("id", requestId)
        .query((rs, n) -> {
          people.add(rs.getLong("assignee_id"));
          if (rs.getObject("decided_by") != null) {
            people.add(rs.getLong("decided_by"));
          }
          return null;
        }).list();
    Map<Long, String> names = accounts.displayNamesById(people);
    List<ApprovalRoute.Task> tasks = jdbc.sql("""
        select t.* from approval_task t where t.request_id = :id order by t.round, t.step_position, t.id""")
        .param("id", requestId)
        .query((rs, n) -> new ApprovalRoute.Task(rs.getLong("id"), rs.getInt("round"), rs.getInt("step_position"),
            rs.getString("step_name"), ApprovalMode.valueOf(rs.getString("mode")), rs.getLong("assignee_id"),
            names.get(rs.getLong("assignee_id")),
            rs.getObject("decided_by") == null ? null : names.get(rs.getLong("decided_by")),
            TaskStatus.valueOf(rs.getString("status")),
            rs.getString("comment"), instant(rs, "created_at"), instant(rs, "due_at"), instant(rs, "closed_at")))
        .list();
    boolean involved = request.applicantId() == viewer.userId()
        || tasks.stream()
            .anyMatch(task -> task.assigneeId() == viewer.userId() || deputies.mayActFor(task.assigneeId(), viewer))
        || viewer.dataScope().permits(request.regionId(), request.unitId(), null);
    if (!involved) {
      throw new NotFoundException("approvalRequest", requestId);
    }
    String applicantName = names.get(request.applicantId());
    return new ApprovalRoute(request.id(), request.requestType(), request.subject(), request.facts(), request.status(),
        request.applicantId(), applicantName, request.round(),
        request.status() == RequestStatus.PENDING ? request.currentPosition() : null, request.rejectionReason(),
        request.submittedAt(), request.decidedAt(), request.subjectStartsAt(), tasks);
  }

  /**
   * Puts a reminder into the inbox of each approver whose open task has reached its reminder time (the step's
   * reminder before the deadline, in working hours); each task is reminded once. Returns how many were sent.
   */
  @Transactional
  public int sendReminders() {
    List<Map<String, Object>> due = jdbc.sql("""
        select t.id, t.assignee_id, t.due_at, r.id request_id, r.subject from approval_task t
          join approval_request r on r.id = t.request_id
         where t.status = 'OPEN' and t.reminder_todo_id is null and t.remind_at <= :now
         order by t.id for update of t skip locked""")
        .param("now", Timestamp.from(clock.instant())).query().listOfRows();
    for (Map<String, Object> task : due) {
      long todoId = inbox.add(((Number) task.get("assignee_id")).longValue(), MODULE, "审批即将到期：" + task.get("subject"),
          "/approvals/" + task.get("request_id"), ((Timestamp) task.get("due_at")).toInstant());
      jdbc.sql("update approval_task set reminder_todo_id = :todo where id = :id")
          .param("todo", todoId).param("id", task.get("id")).update();
    }
    return due.size();
  }

  /** The request a task belongs to. */
  public long requestOfTask(long taskId) {
    return jdbc.sql("select request_id from approval_task where id = :id").param("id", taskId)
        .query(Long.class).optional().orElseThrow(() -> new NotFoundException("approvalTask", taskId));
  }

  // ---- the engine -----------------------------------------------------------------------------------------------

  private void decide(long taskId, CurrentUser by, String comment, boolean approve) {
    long requestId = requestOfTask(taskId);
    Request request = lock(requestId);
    TaskRow task = jdbc.sql(
        "select id, round, step_position, mode, assignee_id, status, todo_id, reminder_todo_id from approval_task where id = :id")
        .param("id", taskId).query(this::taskRow).single();
    ApprovalRules.checkDecision(task.assigneeId() == by.userId() || deputies.mayActFor(task.assigneeId(), by),
        task.status(),
        request.status(), comment);
    TaskStatus outcome = approve ? TaskStatus.APPROVED : TaskStatus.REJECTED;
    jdbc.sql("""
        update approval_task set status = :status, decided_by = :by, comment = :comment, closed_at = :now
         where id = :id and status = 'OPEN'""")
        .param("status", outcome.name()).param("by", by.userId()).param("comment", blankToNull(comment))
        .param("now", Timestamp.from(clock.instant())).param("id", taskId).update();
    closeTodos(task);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", outcome);
    after.put("requestId", requestId);
    after.put("comment", blankToNull(comment));
    if (task.assigneeId() != by.userId()) {
      after.put("deputyFor", task.assigneeId());
    }
    audit.record(new AuditEntry(approve ? "APPROVE" : "REJECT", "approval_task", taskId, request.regionId(),
        Map.of("status", TaskStatus.OPEN), after));
    if (!approve) {
      cancelOpenTasks(request, null);
      finish(request, RequestStatus.REJECTED, comment.trim());
      return;
    }
    if (ApprovalMode.valueOf(task.mode()) == ApprovalMode.ANY) {
      cancelOpenTasks(request, task.position());
    }
    long stillOpen = jdbc.sql("""
        select count(*) from approval_task where request_id = :id and round = :round and step_position = :position
           and status = 'OPEN'""")
        .param("id", requestId).param("round", request.round()).param("position", task.position())
        .query(Long.class).single();
    if (stillOpen == 0) {
      advance(request, task.position());
    } else {
      touch(requestId);
    }
  }

  /** Moves the request to the next step after {@code after} whose condition holds, or approves it when none is left. */
  private void advance(Request request, int after) {
    List<StepRow> steps = jdbc
        .sql("select * from approval_step where flow_id = :flow and position > :after order by position")
        .param("flow", request.flowId()).param("after", after).query(StepRow::map).list();
    for (StepRow step : steps) {
      if (step.condition() != null && !step.condition().holds(request.facts())) {
        continue;
      }
      List<Long> approvers = approversOf(step, request);
      if (approvers.isEmpty()) {
        throw new BusinessRuleException("approval.noApprover", step.name());
      }
      openTasks(request, step, approvers);
      jdbc.sql(
          "update approval_request set current_position = :position, updated_at = now(), version = version + 1 where id = :id")
          .param("position", step.position()).param("id", request.id()).update();
      return;
    }
    finish(request, RequestStatus.APPROVED, null);
  }

  private List<Long> approversOf(StepRow step, Request request) {
    return switch (step.kind()) {
      case UNIT_ROLE -> accounts.holdersOf(step.role(), request.regionId(), request.unitId());
      case REGION_ROLE -> accounts.holdersOf(step.role(), request.regionId(), null);
      case USERS -> jdbc.sql("select user_id from approval_step_user where step_id = :step order by user_id")
          .param("step", step.id()).query(Long.class).list();
    };
  }

  private void openTasks(Request request, StepRow step, List<Long> approvers) {
    Instant now = clock.instant();
    WorkingDays days = calendar.forRegion(request.regionId());
    ZonedDateTime start = now.atZone(PlatformConfiguration.ZONE);
    Instant calendarDue = days.plusWorkingTime(start, Duration.ofHours(step.deadlineHours())).toInstant();
    Instant calendarRemind = step.remindBeforeHours() == null
        ? null
        : days.plusWorkingTime(start, Duration.ofHours(step.deadlineHours() - step.remindBeforeHours())).toInstant();
    TaskDeadline deadline = TaskDeadline.of(now, calendarDue, calendarRemind,
        Duration.ofHours(step.remindBeforeHours() == null ? 0 : step.remindBeforeHours()), request.subjectStartsAt(),
        decideBeforeStart);
    Instant due = deadline.due();
    Instant remind = deadline.remind();
    for (long approver : approvers) {
      long todoId = inbox.add(approver, MODULE, "待审批：" + request.subject(), "/approvals/" + request.id(), due);
      long taskId = jdbc.sql(
          """
              insert into approval_task (request_id, round, step_position, step_name, mode, assignee_id, status, todo_id,
                                         created_at, due_at, remind_at)
              values (:request, :round, :position, :name, :mode, :assignee, 'OPEN', :todo, :now, :due, :remind) returning id""")
          .param("request", request.id()).param("round", request.round()).param("position", step.position())
          .param("name", step.name()).param("mode", step.mode().name()).param("assignee", approver)
          .param("todo", todoId).param("now", Timestamp.from(now)).param("due", Timestamp.from(due))
          .param("remind", remind == null ? null : Timestamp.from(remind))
          .query(Long.class).single();
      deputies.notifyDeputies(taskId, approver, request.id(), request.subject(), due);
      audit.record(AuditEntry.created("approval_task", taskId, request.regionId(),
          Map.of("requestId", request.id(), "step", step.position(), "assigneeId", approver, "dueAt", due.toString())));
    }
  }

  /** Cancels the open tasks of the current round, or only those of one step when {@code position} is given. */
  private void cancelOpenTasks(Request request, Integer position) {
    List<TaskRow> open = jdbc.sql("""
        select id, round, step_position, mode, assignee_id, status, todo_id, reminder_todo_id from approval_task
         where request_id = :id and round = :round and status = 'OPEN'
           and (cast(:position as int) is null or step_position = :position) order by id""")
        .param("id", request.id()).param("round", request.round()).param("position", position)
        .query(this::taskRow).list();
    for (TaskRow task : open) {
      jdbc.sql("update approval_task set status = 'CANCELLED', closed_at = :now where id = :id")
          .param("now", Timestamp.from(clock.instant())).param("id", task.id()).update();
      closeTodos(task);
      audit.record(new AuditEntry("CANCEL", "approval_task", task.id(), request.regionId(),
          Map.of("status", TaskStatus.OPEN), Map.of("status", TaskStatus.CANCELLED, "requestId", request.id())));
    }
  }

  private void finish(Request request, RequestStatus status, String rejectionReason) {
    boolean decided = status == RequestStatus.APPROVED || status == RequestStatus.REJECTED;
    jdbc.sql("""
        update approval_request set status = :status, current_position = null, updated_at = now(),
               decided_at = :decidedAt, rejection_reason = coalesce(:reason, rejection_reason), version = version + 1
         where id = :id""")
        .param("status", status.name()).param("decidedAt", decided ? Timestamp.from(clock.instant()) : null)
        .param("reason", rejectionReason).param("id", request.id()).update();
    Map<String, Object> after = new HashMap<>();
    after.put("status", status);
    if (rejectionReason != null) {
      after.put("rejectionReason", rejectionReason);
    }
    audit.record(AuditEntry.updated("approval_request", request.id(), request.regionId(),
        Map.of("status", request.status()), after));
    if (decided) {
      events.publishEvent(new ApprovalDecided(request.id(), request.requestType(),
          status == RequestStatus.APPROVED ? ApprovalDecided.Outcome.APPROVED : ApprovalDecided.Outcome.REJECTED));
    }
    if (status == RequestStatus.WITHDRAWN) {
      events.publishEvent(new ApprovalWithdrawn(request.id(), request.requestType()));
    }
  }

  /** Marks done every inbox item of a task: the assignee's, the reminder and those of deputies. */
  private void closeTodos(TaskRow task) {
    closeTodo(task.todoId());
    closeTodo(task.reminderTodoId());
    jdbc.sql("select todo_id from approval_deputy_todo where task_id = :task").param("task", task.id())
        .query(Long.class).list().forEach(this::closeTodo);
  }

  private void closeTodo(Long todoId) {
    if (todoId != null) {
      inbox.done(todoId);
    }
  }

  private void touch(long requestId) {
    jdbc.sql("update approval_request set updated_at = now(), version = version + 1 where id = :id")
        .param("id", requestId).update();
  }

  // ---- rows -----------------------------------------------------------------------------------------------------

  private record Request(long id, long flowId, String requestType, long regionId, Long unitId, long applicantId,
      String subject, Map<String, Object> facts, RequestStatus status, int currentPosition,
      int round, String rejectionReason, Instant submittedAt, Instant decidedAt,
      Instant subjectStartsAt) {}

  private record TaskRow(long id, int round, int position, String mode, long assigneeId, TaskStatus status, Long todoId,
      Long reminderTodoId) {}

  private Request lock(long requestId) {
    return jdbc.sql("select * from approval_request where id = :id for update").param("id", requestId)
        .query(this::request).optional().orElseThrow(() -> new NotFoundException("approvalRequest", requestId));
  }

  private Request load(long requestId) {
    return jdbc.sql("select * from approval_request where id = :id").param("id", requestId).query(this::request)
        .single();
  }

  private Request request(ResultSet rs, int rowNum) throws SQLException {
    return new Request(rs.getLong("id"), rs.getLong("flow_id"), rs.getString("request_type"), rs.getLong("region_id"),
        (Long) rs.getObject("unit_id"), rs.getLong("applicant_id"), rs.getString("subject"),
        fromJson(rs.getString("facts")), RequestStatus.valueOf(rs.getString("status")), rs.getInt("current_position"),
        rs.getInt("round"), rs.getString("rejection_reason"), instant(rs, "submitted_at"), instant(rs, "decided_at"),
        instant(rs, "subject_starts_at"));
  }

  private TaskRow taskRow(ResultSet rs, int rowNum) throws SQLException {
    return new TaskRow(rs.getLong("id"), rs.getInt("round"), rs.getInt("step_position"), rs.getString("mode"),
        rs.getLong("assignee_id"), TaskStatus.valueOf(rs.getString("status")), (Long) rs.getObject("todo_id"),
        (Long) rs.getObject("reminder_todo_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private String toJson(Map<String, Object> facts) {
    try {
      return json.writeValueAsString(Objects.requireNonNull(facts));
    } catch (JsonProcessingException e) {
      throw new BusinessRuleException("error.unreadableRequest");
    }
  }

  private Map<String, Object> fromJson(String facts) {
    try {
      return json.readValue(facts, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("facts of a request are not a JSON object", e);
    }
  }
}
