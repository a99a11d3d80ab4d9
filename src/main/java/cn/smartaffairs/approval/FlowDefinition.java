package cn.smartaffairs.approval;

import cn.smartaffairs.security.Role;
import java.util.List;

/** What an administrator configures for one request type in one region: the ordered steps of its approval. */
public record FlowDefinition(String requestType, long regionId, String name, List<Step> steps) {

  public FlowDefinition {
    steps = List.copyOf(steps);
  }

  /**
   * One step. {@code role} for the role kinds, {@code userIds} for named people; {@code condition} null when the step
   * always applies; the deadline and the reminder before it are in working hours.
   */
  public record Step(String name, ApproverKind kind, Role role, List<Long> userIds, ApprovalMode mode,
      StepCondition condition, int deadlineHours, Integer remindBeforeHours) {

    public Step {
      userIds = userIds == null ? List.of() : List.copyOf(userIds);
    }

    public static Step of(String name, ApproverKind kind, Role role, ApprovalMode mode, int deadlineHours) {
      return new Step(name, kind, role, List.of(), mode, null, deadlineHours, null);
    }

    public static Step people(String name, List<Long> userIds, ApprovalMode mode, int deadlineHours) {
      return new Step(name, ApproverKind.USERS, null, userIds, mode, null, deadlineHours, null);
    }

    public Step when(StepCondition condition) {
      return new Step(name, kind, role, userIds, mode, condition, deadlineHours, remindBeforeHours);
    }

    public Step remindBefore(int hours) {
      return new Step(name, kind, role, userIds, mode, condition, deadlineHours, hours);
    }
  }
}
