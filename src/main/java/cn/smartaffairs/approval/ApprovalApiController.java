package cn.smartaffairs.approval;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.security.CurrentUsers;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Approvals for integrations and mobile clients: submit, follow the route, decide tasks. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "审批 Approvals")
@SecurityRequirement(name = "bearer")
class ApprovalApiController {

  private final Approvals approvals;
  private final ApprovalFlows flows;
  private final ApprovalSubjects subjects;

  ApprovalApiController(Approvals approvals, ApprovalFlows flows, ApprovalSubjects subjects) {
    this.approvals = approvals;
    this.flows = flows;
    this.subjects = subjects;
  }

  /**
   * A request with its route, its type's name and what it approves in words (in the Accept-Language, Chinese by
   * default); {@code summary} is null for types no module describes.
   */
  record RequestView(@JsonUnwrapped ApprovalRoute route, String requestTypeName, ApprovalSubjectSummary summary) {}

  /** An open task with its request type's name and what it approves in words. */
  record TaskView(@JsonUnwrapped OpenTask task, String requestTypeName, ApprovalSubjectSummary summary) {}

  private RequestView view(ApprovalRoute route, HttpServletRequest http) {
    Locale locale = ApiLocale.of(http);
    return new RequestView(route, subjects.typeName(route.requestType(), locale),
        subjects.summary(route.id(), route.requestType(), locale).orElse(null));
  }

  /** A new request: its type (e.g. {@code vehicle.trip}), subject and the facts the flow's conditions read. */
  record Submission(String requestType, String subject, Map<String, Object> facts) {}

  /** An approver's decision; a comment is required to reject. */
  record Decision(String comment) {}

  /** Corrected facts for a rejected or withdrawn request. */
  record Resubmission(Map<String, Object> facts) {}

  /** Someone who may decide another person's tasks for a period (e.g. while on leave). */
  record DeputyAppointment(long principalId, long deputyId, java.time.Instant from, java.time.Instant until) {}

  @PostMapping("/flows")
  @Operation(summary = "配置审批流程 Put a new version of a flow in force (platform or region admin)", description = "Steps in order; approver kind UNIT_ROLE/REGION_ROLE with a role, or USERS with userIds; mode ALL (会签) "
      + "or ANY (或签); optional condition {fact, operator, value}; deadlineHours and remindBeforeHours in working hours.")
  ResponseEntity<Map<String, Object>> defineFlow(@RequestBody FlowDefinition flow) {
    long id = flows.defineFlow(flow, CurrentUsers.current());
    return ResponseEntity.status(201).body(Map.of("id", id));
  }

  @PostMapping("/deputies")
  @Operation(summary = "设置代理人 Appoint a deputy (the principal themself or an admin)")
  ResponseEntity<Map<String, Object>> appointDeputy(@RequestBody DeputyAppointment appointment) {
    long id = flows.appointDeputy(appointment.principalId(), appointment.deputyId(), appointment.from(),
        appointment.until(), CurrentUsers.current());
    return ResponseEntity.status(201).body(Map.of("id", id));
  }

  @PostMapping
  @Operation(summary = "提交申请 Submit a request", description = "Answers 201 with the request and its route.")
  ResponseEntity<RequestView> submit(@RequestBody Submission submission, HttpServletRequest http) {
    var user = CurrentUsers.current();
    long id = approvals.submit(submission.requestType(), submission.subject(), submission.facts(), user);
    return ResponseEntity.created(URI.create("/api/v1/approvals/" + id)).body(view(approvals.route(id, user), http));
  }

  @GetMapping("/{id}")
  @Operation(summary = "申请及审批流转 A request with its route and who is pending", description = "With requestTypeName and summary: what the request approves in words (route, time, passengers; "
      + "room, time, attendees), in the Accept-Language (Chinese by default), and a link to it.")
  RequestView get(@PathVariable long id, HttpServletRequest http) {
    return view(approvals.route(id, CurrentUsers.current()), http);
  }

  @GetMapping("/tasks")
  @Operation(summary = "我的待审批 My open approval tasks, including those I deputise for")
  List<TaskView> myTasks(HttpServletRequest http) {
    Locale locale = ApiLocale.of(http);
    return approvals.openTasks(CurrentUsers.current()).stream()
        .map(task -> new TaskView(task, subjects.typeName(task.requestType(), locale),
            subjects.summary(task.requestId(), task.requestType(), locale).orElse(null)))
        .toList();
  }

  @PostMapping("/tasks/{taskId}/approve")
  @Operation(summary = "同意 Approve a task")
  RequestView approve(@PathVariable long taskId, @RequestBody(required = false) Decision decision,
      HttpServletRequest http) {
    var user = CurrentUsers.current();
    approvals.approve(taskId, user, decision == null ? null : decision.comment());
    return view(approvals.route(approvals.requestOfTask(taskId), user), http);
  }

  @PostMapping("/tasks/{taskId}/reject")
  @Operation(summary = "驳回 Reject a task with a reason")
  RequestView reject(@PathVariable long taskId, @RequestBody(required = false) Decision decision,
      HttpServletRequest http) {
    var user = CurrentUsers.current();
    approvals.reject(taskId, user, decision == null ? null : decision.comment());
    return view(approvals.route(approvals.requestOfTask(taskId), user), http);
  }

  @PostMapping("/{id}/withdraw")
  @Operation(summary = "撤回 Withdraw before the first decision")
  RequestView withdraw(@PathVariable long id, HttpServletRequest http) {
    var user = CurrentUsers.current();
    approvals.withdraw(id, user);
    return view(approvals.route(id, user), http);
  }

  @PostMapping("/{id}/resubmit")
  @Operation(summary = "重新提交 Resubmit with corrected facts after a rejection")
  RequestView resubmit(@PathVariable long id, @RequestBody Resubmission resubmission, HttpServletRequest http) {
    var user = CurrentUsers.current();
    approvals.resubmit(id, resubmission.facts(), user);
    return view(approvals.route(id, user), http);
  }

}
