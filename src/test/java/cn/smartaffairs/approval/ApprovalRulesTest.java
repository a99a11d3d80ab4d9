package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The approval rules on their own: no database, no Spring. */
class ApprovalRulesTest {

  private static FlowDefinition.Step unitHead(int deadlineHours) {
    return FlowDefinition.Step.of("单位负责人审批", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, deadlineHours);
  }

  private static String keyOf(Runnable rule) {
    try {
      rule.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  @Test
  void aRequestTypeIsALowerCaseDottedNameAndAFlowNeedsAName() {
    assertThatCode(() -> ApprovalRules.checkFlow(new FlowDefinition("vehicle.trip", 1, "用车审批", List.of(unitHead(8)))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ApprovalRules.checkFlow(new FlowDefinition("Vehicle Trip", 1, "用车审批", List.of())))
        .isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> ApprovalRules.checkFlow(new FlowDefinition("vehicle.trip", 1, " ", List.of())))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aRoleStepNeedsARoleOfItsReachAndAPeopleStepNeedsPeople() {
    assertThatThrownBy(() -> ApprovalRules.checkStep(
        FlowDefinition.Step.of("科长", ApproverKind.UNIT_ROLE, Role.VEHICLE_MANAGER, ApprovalMode.ANY, 8)))
        .isInstanceOf(BusinessRuleException.class);
    assertThatCode(() -> ApprovalRules.checkStep(
        FlowDefinition.Step.of("车管", ApproverKind.REGION_ROLE, Role.VEHICLE_MANAGER, ApprovalMode.ANY, 8)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ApprovalRules.checkStep(FlowDefinition.Step.people("指定人", List.of(), ApprovalMode.ALL, 8)))
        .isInstanceOf(BusinessRuleException.class);
    assertThatCode(() -> ApprovalRules.checkStep(FlowDefinition.Step.people("指定人", List.of(7L), ApprovalMode.ALL, 8)))
        .doesNotThrowAnyException();
  }

  @Test
  void theDeadlineIsOneTo2000WorkingHoursAndTheReminderComesBeforeIt() {
    assertThatThrownBy(() -> ApprovalRules.checkStep(unitHead(0))).isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> ApprovalRules.checkStep(unitHead(2001))).isInstanceOf(BusinessRuleException.class);
    assertThatCode(() -> ApprovalRules.checkStep(unitHead(2000))).doesNotThrowAnyException();
    assertThatCode(() -> ApprovalRules.checkStep(unitHead(8).remindBefore(2))).doesNotThrowAnyException();
    assertThatThrownBy(() -> ApprovalRules.checkStep(unitHead(8).remindBefore(8)))
        .isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> ApprovalRules.checkStep(unitHead(8).remindBefore(0)))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void onlyAPlatformAdministratorOrTheRegionsOwnAdministratorDefinesItsFlows() {
    CurrentUser platform = user(new RoleGrant(Role.PLATFORM_ADMIN, null, null));
    CurrentUser regionTwo = user(new RoleGrant(Role.REGION_ADMIN, 2L, null));
    CurrentUser staff = user(new RoleGrant(Role.STAFF, 2L, 5L));
    assertThatCode(() -> ApprovalRules.requireAdministrator(2, platform)).doesNotThrowAnyException();
    assertThatCode(() -> ApprovalRules.requireAdministrator(2, regionTwo)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ApprovalRules.requireAdministrator(3, regionTwo)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> ApprovalRules.requireAdministrator(2, staff)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aRequestIsWithdrawnOnlyWhilePendingAndUndecidedInItsRound() {
    assertThatCode(() -> ApprovalRules.checkWithdraw(RequestStatus.PENDING, 0)).doesNotThrowAnyException();
    assertThat(keyOf(() -> ApprovalRules.checkWithdraw(RequestStatus.PENDING, 1))).isEqualTo("approval.alreadyDecided");
    assertThat(keyOf(() -> ApprovalRules.checkWithdraw(RequestStatus.APPROVED, 0))).isEqualTo("approval.notPending");
  }

  @Test
  void onlyARejectedOrWithdrawnRequestIsResubmitted() {
    assertThatCode(() -> ApprovalRules.checkResubmit(RequestStatus.REJECTED)).doesNotThrowAnyException();
    assertThatCode(() -> ApprovalRules.checkResubmit(RequestStatus.WITHDRAWN)).doesNotThrowAnyException();
    assertThat(keyOf(() -> ApprovalRules.checkResubmit(RequestStatus.PENDING))).isEqualTo("approval.notResubmittable");
    assertThat(keyOf(() -> ApprovalRules.checkResubmit(RequestStatus.APPROVED))).isEqualTo("approval.notResubmittable");
  }

  @Test
  void aTaskIsDecidedByItsAssigneeOrDeputyWhileOpenWithAShortComment() {
    assertThatCode(() -> ApprovalRules.checkDecision(true, TaskStatus.OPEN, RequestStatus.PENDING, "同意"))
        .doesNotThrowAnyException();
    assertThat(keyOf(() -> ApprovalRules.checkDecision(false, TaskStatus.OPEN, RequestStatus.PENDING, null)))
        .isEqualTo("approval.notYourTask");
    assertThatThrownBy(() -> ApprovalRules.checkDecision(true, TaskStatus.CANCELLED, RequestStatus.PENDING, null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ApprovalRules.checkDecision(true, TaskStatus.OPEN, RequestStatus.WITHDRAWN, null))
        .isInstanceOf(ConflictException.class);
    assertThat(keyOf(() -> ApprovalRules.checkDecision(true, TaskStatus.OPEN, RequestStatus.PENDING, "字".repeat(501))))
        .isEqualTo("approval.commentTooLong");
  }

  @Test
  void aRejectionGivesItsReasonAndOnlyTheApplicantWithdraws() {
    assertThat(keyOf(() -> ApprovalRules.checkRejectionReason("  "))).isEqualTo("approval.reasonRequired");
    assertThatCode(() -> ApprovalRules.checkRejectionReason("超标准")).doesNotThrowAnyException();
    assertThat(keyOf(() -> ApprovalRules.requireApplicant(1, user(new RoleGrant(Role.STAFF, 2L, 5L)))))
        .isEqualTo("approval.onlyApplicant");
  }

  private static CurrentUser user(RoleGrant grant) {
    return new CurrentUser(9, "someone", "某人", "", 90L, 2, 5L, true, false, List.of(grant), Set.of());
  }
}
