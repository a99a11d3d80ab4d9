package cn.smartaffairs.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request with the route it has taken: every task of every round, and who is pending now. {@code subjectStartsAt}
 * is when the thing approved begins, when its module said so; no task is due after it.
 */
public record ApprovalRoute(long id, String requestType, String subject, Map<String, Object> facts,
    RequestStatus status, long applicantId, String applicantName, int round,
    Integer currentStep, String rejectionReason, Instant submittedAt, Instant decidedAt,
    Instant subjectStartsAt, List<Task> tasks) {

  /** One approver's task in one step of one round; {@code decidedByName} differs from the assignee when a deputy acted. */
  public record Task(long id, int round, int step, String stepName, ApprovalMode mode, long assigneeId,
      String assigneeName, String decidedByName, TaskStatus status, String comment, Instant createdAt,
      Instant dueAt, Instant closedAt) {}

  public List<Task> pending() {
    return tasks.stream().filter(task -> task.status() == TaskStatus.OPEN).toList();
  }
}
