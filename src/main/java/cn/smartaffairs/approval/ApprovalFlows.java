package cn.smartaffairs.approval;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审批流程 administration (ADR 0004): the versioned flows per request type and region, and the deputies who stand in
 * for an approver for a time. Running requests and tasks are {@link Approvals}; the rules a flow must keep are
 * {@link ApprovalRules}. Every change is audited.
 */
@Service
public class ApprovalFlows {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Accounts accounts;
  private final ApprovalDeputies deputies;
  private final Clock clock;

  public ApprovalFlows(JdbcClient jdbc, AuditTrail audit, Accounts accounts, ApprovalDeputies deputies, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.accounts = accounts;
    this.deputies = deputies;
    this.clock = clock;
  }

  /** Puts a new version of a flow in force for its request type and region; requests already running keep theirs. */
  @Transactional
  public long defineFlow(FlowDefinition flow, CurrentUser by) {
    ApprovalRules.requireAdministrator(flow.regionId(), by);
    ApprovalRules.checkFlow(flow);
    for (FlowDefinition.Step step : flow.steps()) {
      ApprovalRules.checkStep(step);
      step.userIds()
          .forEach(userId -> accounts.findById(userId).orElseThrow(() -> new NotFoundException("account", userId)));
    }
    int version = jdbc.sql(
        "select coalesce(max(version), 0) + 1 from approval_flow where request_type = :type and region_id = :region")
        .param("type", flow.requestType()).param("region", flow.regionId()).query(Integer.class).single();
    jdbc.sql("update approval_flow set active = false where request_type = :type and region_id = :region and active")
        .param("type", flow.requestType()).param("region", flow.regionId()).update();
    long flowId = jdbc.sql("""
        insert into approval_flow (request_type, region_id, version, name, active, created_by)
        values (:type, :region, :version, :name, true, :by) returning id""")
        .param("type", flow.requestType()).param("region", flow.regionId()).param("version", version)
        .param("name", flow.name().trim()).param("by", by.userId())
        .query(Long.class).single();
    int position = 0;
    for (FlowDefinition.Step step : flow.steps()) {
      StepCondition condition = step.condition();
      long stepId = jdbc.sql("""
          insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, condition_fact,
                                     condition_operator, condition_value, deadline_hours, remind_before_hours)
          values (:flow, :position, :name, :kind, :role, :mode, :fact, :operator, :value, :deadline, :remind)
          returning id""")
          .param("flow", flowId).param("position", ++position).param("name", step.name().trim())
          .param("kind", step.kind().name()).param("role", step.role() == null ? null : step.role().name())
          .param("mode", step.mode().name())
          .param("fact", condition == null ? null : condition.fact())
          .param("operator", condition == null ? null : condition.operator())
          .param("value", condition == null ? null : condition.value())
          .param("deadline", step.deadlineHours()).param("remind", step.remindBeforeHours())
          .query(Long.class).single();
      for (long userId : step.userIds()) {
        jdbc.sql("insert into approval_step_user (step_id, user_id) values (:step, :user)")
            .param("step", stepId).param("user", userId).update();
      }
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("requestType", flow.requestType());
    after.put("name", flow.name().trim());
    after.put("version", version);
    after.put("steps", flow.steps().stream().map(ApprovalFlows::describe).toList());
    audit.record(AuditEntry.created("approval_flow", flowId, flow.regionId(), after));
    return flowId;
  }

  /** Every version of the flows of the regions in the scope, by request type and region, newest version first. */
  public List<FlowVersion> flows(DataScope scope) {
    List<Map<String, Object>> rows = jdbc.sql("""
        select id, request_type, region_id, version, name, active, created_at from approval_flow
         order by request_type, region_id, version desc""")
        .query().listOfRows().stream()
        .filter(row -> scope.permits(((Number) row.get("region_id")).longValue(), null, null))
        .toList();
    Map<Long, List<FlowDefinition.Step>> steps = stepsOf(rows.stream().map(row -> ((Number) row.get("id")).longValue())
        .toList());
    return rows.stream().map(row -> {
      long id = ((Number) row.get("id")).longValue();
      return new FlowVersion(id, (String) row.get("request_type"), ((Number) row.get("region_id")).longValue(),
          ((Number) row.get("version")).intValue(), (String) row.get("name"), (Boolean) row.get("active"),
          ((Timestamp) row.get("created_at")).toInstant(), steps.getOrDefault(id, List.of()));
    }).toList();
  }

  /** The deputies in force now or later for principals of the regions in the scope, soonest first. */
  public List<Deputy> deputies(DataScope scope) {
    List<Deputy> current = jdbc.sql("""
        select d.id, d.principal_id, d.deputy_id, d.valid_from, d.valid_until
          from approval_deputy d where d.valid_until > :now order by d.valid_from, d.id""")
        .param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> new Deputy(rs.getLong("id"), rs.getLong("principal_id"), rs.getLong("deputy_id"),
            rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant()))
        .list();
    // the principal's region comes from the security module, which owns the accounts
    Map<Long, Long> regionOf = new HashMap<>();
    current.forEach(deputy -> regionOf.computeIfAbsent(deputy.principalId(),
        id -> accounts.findById(id).map(CurrentUser::regionId).orElse(-1L)));
    return current.stream().filter(deputy -> scope.permits(regionOf.get(deputy.principalId()), null, null)).toList();
  }

  /**
   * The steps of the flows, by flow id, with their named approvers: two queries whatever the number of flows, so that
   * listing every version costs no query per flow or per step.
   */
  private Map<Long, List<FlowDefinition.Step>> stepsOf(List<Long> flowIds) {
    Map<Long, List<FlowDefinition.Step>> steps = new HashMap<>();
    if (flowIds.isEmpty()) {
      return steps;
    }
    Map<Long, Long> flowOf = new HashMap<>();
    List<StepRow> rows = jdbc.sql("select * from approval_step where flow_id = any(:flows) order by flow_id, position")
        .param("flows", flowIds.toArray(Long[]::new))
        .query((rs, n) -> {
          flowOf.put(rs.getLong("id"), rs.getLong("flow_id"));
          return StepRow.map(rs, n);
        }).list();
    Map<Long, List<Long>> users = new HashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql("select step_id, user_id from approval_step_user where step_id = any(:steps) order by step_id, user_id")
          .param("steps", rows.stream().map(StepRow::id).toArray(Long[]::new))
          .query((ResultSet rs) -> {
            users.computeIfAbsent(rs.getLong("step_id"), id -> new ArrayList<>()).add(rs.getLong("user_id"));
          });
    }
    for (StepRow step : rows) {
      steps.computeIfAbsent(flowOf.get(step.id()), id -> new ArrayList<>())
          .add(new FlowDefinition.Step(step.name(), step.kind(), step.role(),
              List.copyOf(users.getOrDefault(step.id(), List.of())), step.mode(), step.condition(),
              step.deadlineHours(),
              step.remindBeforeHours()));
    }
    return steps;
  }

  /** Lets {@code deputyId} decide the tasks of {@code principalId} from {@code from} until {@code until}. */
  @Transactional
  public long appointDeputy(long principalId, long deputyId, Instant from, Instant until, CurrentUser by) {
    CurrentUser principal = accounts.findById(principalId)
        .orElseThrow(() -> new NotFoundException("account", principalId));
    accounts.findById(deputyId).orElseThrow(() -> new NotFoundException("account", deputyId));
    if (principalId != by.userId()) {
      ApprovalRules.requireAdministrator(principal.regionId(), by);
    }
    if (principalId == deputyId || from == null || until == null || !from.isBefore(until)) {
      throw new BusinessRuleException("approval.deputyInvalid");
    }
    long id = jdbc.sql("""
        insert into approval_deputy (principal_id, deputy_id, valid_from, valid_until, created_by)
        values (:principal, :deputy, :from, :until, :by) returning id""")
        .param("principal", principalId).param("deputy", deputyId).param("from", Timestamp.from(from))
        .param("until", Timestamp.from(until)).param("by", by.userId())
        .query(Long.class).single();
    audit.record(AuditEntry.created("approval_deputy", id, principal.regionId(),
        Map.of("principalId", principalId, "deputyId", deputyId, "from", from.toString(), "until", until.toString())));
    jdbc.sql(
        """
            select t.id, t.request_id, t.due_at, r.subject from approval_task t join approval_request r on r.id = t.request_id
             where t.assignee_id = :principal and t.status = 'OPEN' order by t.id""")
        .param("principal", principalId).query().listOfRows()
        .forEach(task -> deputies.notifyDeputies(((Number) task.get("id")).longValue(), principalId,
            ((Number) task.get("request_id")).longValue(), (String) task.get("subject"),
            ((Timestamp) task.get("due_at")).toInstant()));
    return id;
  }

  private static Map<String, Object> describe(FlowDefinition.Step step) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("name", step.name());
    described.put("kind", step.kind());
    described.put("role", step.role());
    described.put("userIds", step.userIds());
    described.put("mode", step.mode());
    described.put("condition", step.condition() == null ? null : step.condition().toString());
    described.put("deadlineHours", step.deadlineHours());
    described.put("remindBeforeHours", step.remindBeforeHours());
    return described;
  }
}
