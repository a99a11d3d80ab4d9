package cn.smartaffairs.approval;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;

/**
 * The pure rules of the approval engine, apart from the database: what a flow and its steps must look like, who may
 * administer a region's flows, and which moves a request and a task allow in their state. Each rule throws the
 * domain exception the person sees; {@link Approvals} and {@link ApprovalFlows} only lock, load, ask, save and publish.
 */
final class ApprovalRules {

  static final int MAX_SUBJECT = 200;
  static final int MAX_COMMENT = 500;

  private ApprovalRules() {}

  /** A request type is a lower-case dotted name such as {@code vehicle.trip}; a flow needs a name (steps: {@link #checkStep}). */
  static void checkFlow(FlowDefinition flow) {
    if (flow.requestType() == null || !flow.requestType().matches("^[a-z][a-z0-9_.-]{1,49}$")) {
      throw new BusinessRuleException("approval.requestTypeInvalid", flow.requestType());
    }
    if (flow.name() == null || flow.name().isBlank()) {
      throw new BusinessRuleException("approval.flowNameRequired");
    }
  }

  /**
   * A step names its approvers one way only: a unit role, a region role, or named people; its deadline is 1 to 2000
   * working hours and its reminder, if any, comes at least an hour after it opens and before the deadline.
   */
  static void checkStep(FlowDefinition.Step step) {
    if (step.name() == null || step.name().isBlank() || step.kind() == null || step.mode() == null) {
      throw new BusinessRuleException("approval.stepInvalid", step.name());
    }
    boolean roleFits = switch (step.kind()) {
      case UNIT_ROLE -> step.role() != null && step.role().reach() == Role.Reach.UNIT;
      case REGION_ROLE -> step.role() != null && step.role().reach() == Role.Reach.REGION;
      case USERS -> step.role() == null && !step.userIds().isEmpty();
    };
    boolean timesFit = step.deadlineHours() >= 1 && step.deadlineHours() <= 2000
        && (step.remindBeforeHours() == null
            || (step.remindBeforeHours() >= 1 && step.remindBeforeHours() < step.deadlineHours()));
    if (!roleFits || !timesFit) {
      throw new BusinessRuleException("approval.stepInvalid", step.name());
    }
  }

  /** A platform administrator, or a region administrator whose data scope covers the region. */
  static void requireAdministrator(long regionId, CurrentUser by) {
    boolean allowed = by.has(Role.PLATFORM_ADMIN)
        || (by.has(Role.REGION_ADMIN) && by.dataScope().permits(regionId, null, null));
    if (!allowed) {
      throw new ForbiddenException();
    }
  }

  /** A request needs a subject of at most 200 characters. */
  static void checkSubject(String subject) {
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
      throw new BusinessRuleException("approval.subjectRequired");
    }
  }

  /** Only the applicant withdraws or resubmits their request. */
  static void requireApplicant(long applicantId, CurrentUser by) {
    if (applicantId != by.userId()) {
      throw new BusinessRuleException("approval.onlyApplicant");
    }
  }

  /** A request is withdrawn only while pending and before anyone has decided on it in this round. */
  static void checkWithdraw(RequestStatus status, long decidedInRound) {
    if (status != RequestStatus.PENDING) {
      throw new BusinessRuleException("approval.notPending");
    }
    if (decidedInRound > 0) {
      throw new BusinessRuleException("approval.alreadyDecided");
    }
  }

  /** Only a rejected or withdrawn request is submitted again. */
  static void checkResubmit(RequestStatus status) {
    if (status != RequestStatus.REJECTED && status != RequestStatus.WITHDRAWN) {
      throw new BusinessRuleException("approval.notResubmittable");
    }
  }

  /** A rejection always gives its reason. */
  static void checkRejectionReason(String comment) {
    if (comment == null || comment.isBlank()) {
      throw new BusinessRuleException("approval.reasonRequired");
    }
  }

  /**
   * A task is decided by its assignee or a deputy in office for them, only while it is open and its request pending,
   * with a comment of at most 500 characters.
   */
  static void checkDecision(boolean assigneeOrDeputy, TaskStatus task, RequestStatus request, String comment) {
    if (!assigneeOrDeputy) {
      throw new BusinessRuleException("approval.notYourTask");
    }
    if (task != TaskStatus.OPEN || request != RequestStatus.PENDING) {
      throw new ConflictException("approval.taskClosed");
    }
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new BusinessRuleException("approval.commentTooLong");
    }
  }
}
