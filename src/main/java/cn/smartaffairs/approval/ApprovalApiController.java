package cn.smartaffairs.approval;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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

  ApprovalApiController(Approvals approvals) {
    this.approvals = approvals;
  }

  /** A new request: its type (e.g. {@code vehicle.trip}), subject and the facts the flow's conditions read. */
  record Submission(String requestType, String subject, Map<String, Object> facts) {}

  /** An approver's decision; a comment is required to reject. */
  record Decision(String comment) {}

  /** Corrected facts for a rejected or withdrawn request. */
  record Resubmission(Map<String, Object> facts) {}

  @PostMapping
  @Operation(summary = "提交申请 Submit a request", description = "Answers 201 with the request and its route.")
  ResponseEntity<ApprovalRoute> submit(@RequestBody Submission submission) {
    var user = CurrentUsers.current();
    long id = approvals.submit(submission.requestType(), submission.subject(), submission.facts(), user);
    return ResponseEntity.created(URI.create("/api/v1/approvals/" + id)).body(approvals.route(id, user));
  }

  @GetMapping("/{id}")
  @Operation(summary = "申请及审批流转 A request with its route and who is pending")
  ApprovalRoute get(@PathVariable long id) {
    return approvals.route(id, CurrentUsers.current());
  }

  @GetMapping("/tasks")
  @Operation(summary = "我的待审批 My open approval tasks, including those I deputise for")
  List<OpenTask> myTasks() {
    return approvals.openTasks(CurrentUsers.current());
  }

  @PostMapping("/tasks/{taskId}/approve")
  @Operation(summary = "同意 Approve a task")
  ApprovalRoute approve(@PathVariable long taskId, @RequestBody(required = false) Decision decision) {
    var user = CurrentUsers.current();
    approvals.approve(taskId, user, decision == null ? null : decision.comment());
    return approvals.route(approvals.requestOfTask(taskId), user);
  }

  @PostMapping("/tasks/{taskId}/reject")
  @Operation(summary = "驳回 Reject a task with a reason")
  ApprovalRoute reject(@PathVariable long taskId, @RequestBody(required = false) Decision decision) {
    var user = CurrentUsers.current();
    approvals.reject(taskId, user, decision == null ? null : decision.comment());
    return approvals.route(approvals.requestOfTask(taskId), user);
  }

  @PostMapping("/{id}/withdraw")
  @Operation(summary = "撤回 Withdraw before the first decision")
  ApprovalRoute withdraw(@PathVariable long id) {
    var user = CurrentUsers.current();
    approvals.withdraw(id, user);
    return approvals.route(id, user);
  }

  @PostMapping("/{id}/resubmit")
  @Operation(summary = "重新提交 Resubmit with corrected facts after a rejection")
  ApprovalRoute resubmit(@PathVariable long id, @RequestBody Resubmission resubmission) {
    var user = CurrentUsers.current();
    approvals.resubmit(id, resubmission.facts(), user);
    return approvals.route(id, user);
  }

}
