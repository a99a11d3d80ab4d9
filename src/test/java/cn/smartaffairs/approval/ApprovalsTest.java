package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.FlowDefinition.Step;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.workbench.TodoInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ApprovalsTest {

  @Autowired Approvals approvals;

  @Autowired ApprovalFlows approvalFlows;
  @Autowired Accounts accounts;
  @Autowired TodoInbox inbox;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  private long yx() {
    return jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
  }

  private CurrentUser user(String username) {
    return accounts.loadUserByUsername(username);
  }

  /** A fresh person of 市财政局's region who can be named as an approver or deputy. */
  private CurrentUser freshPerson(String displayName) {
    String username = "appr" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(new Accounts.NewAccount(username, "Strong#Pass1", displayName, null, yx(), null,
        List.of(new RoleGrant(Role.STAFF, yx(), null))));
    return user(username);
  }

  /** A request type of this test only, with the given steps in force in the city region. */
  private String flowOf(Step... steps) {
    String type = "test.t" + UUID.randomUUID().toString().substring(0, 8);
    approvalFlows.defineFlow(new FlowDefinition(type, yx(), "测试流程", List.of(steps)), user("admin"));
    return type;
  }

  private static Step people(ApprovalMode mode, CurrentUser... approvers) {
    return Step.people("指定人员审批", List.of(approvers).stream().map(CurrentUser::userId).toList(), mode, 16);
  }

  private long taskOf(long requestId, CurrentUser assignee) {
    return approvals.route(requestId, user("admin")).tasks().stream()
        .filter(task -> task.assigneeId() == assignee.userId() && task.status() == TaskStatus.OPEN)
        .findFirst().orElseThrow().id();
  }

  private ApprovalRoute route(long requestId) {
    return approvals.route(requestId, user("admin"));
  }

  private List<ApprovalDecided> decisionsOf(long requestId) {
    return events.stream(ApprovalDecided.class).filter(event -> event.requestId() == requestId).toList();
  }

  @Test
  void allMustApproveNeedsEveryApprover() {
    CurrentUser a = freshPerson("会签甲");
    CurrentUser b = freshPerson("会签乙");
    long id = approvals.submit(flowOf(people(ApprovalMode.ALL, a, b)), "会签测试", Map.of(), user("staff"));

    approvals.approve(taskOf(id, a), a, "同意");
    assertThat(route(id).status()).isEqualTo(RequestStatus.PENDING);
    assertThat(route(id).pending()).extracting(ApprovalRoute.Task::assigneeId).containsExactly(b.userId());
    assertThat(decisionsOf(id)).isEmpty();

    approvals.approve(taskOf(id, b), b, null);
    assertThat(route(id).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(decisionsOf(id)).extracting(ApprovalDecided::outcome).containsExactly(ApprovalDecided.Outcome.APPROVED);
  }

  @Test
  void anyMayApproveCompletesOnTheFirstApprovalAndCancelsTheOthers() {
    CurrentUser a = freshPerson("或签甲");
    CurrentUser b = freshPerson("或签乙");
    CurrentUser c = freshPerson("或签丙");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, a, b, c)), "或签测试", Map.of(), user("staff"));
    long taskOfB = taskOf(id, b);

    approvals.approve(taskOf(id, a), a, "可以");

    ApprovalRoute route = route(id);
    assertThat(route.status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(route.tasks()).extracting(ApprovalRoute.Task::status)
        .containsExactlyInAnyOrder(TaskStatus.APPROVED, TaskStatus.CANCELLED, TaskStatus.CANCELLED);
    assertThatThrownBy(() -> approvals.approve(taskOfB, b, null))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.taskClosed");
  }

  @Test
  void aConditionOnTheAmountAddsTheRegionAdminStepOnlyAboveIt() {
    String type = flowOf(
        Step.of("单位负责人审核", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8),
        Step.of("机关事务管理局审批", ApproverKind.REGION_ROLE, Role.REGION_ADMIN, ApprovalMode.ANY, 16)
            .when(new StepCondition("amount", ">", "5000")).remindBefore(4));
    CurrentUser head = user("unit.head");
    CurrentUser regionAdmin = user("region.admin");

    long small = approvals.submit(type, "小额", Map.of("amount", 3000), user("staff"));
    approvals.approve(taskOf(small, head), head, "同意");
    assertThat(route(small).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(route(small).tasks()).extracting(ApprovalRoute.Task::step).containsOnly(1);

    long large = approvals.submit(type, "大额", Map.of("amount", 8000.5), user("staff"));
    approvals.approve(taskOf(large, head), head, "同意");
    assertThat(route(large).status()).isEqualTo(RequestStatus.PENDING);
    assertThat(route(large).currentStep()).isEqualTo(2);
    approvals.approve(taskOf(large, regionAdmin), regionAdmin, "同意");
    assertThat(route(large).status()).isEqualTo(RequestStatus.APPROVED);
  }

  @Test
  void aStepWhoseConditionNeedsAMissingFactRefusesTheSubmission() {
    String type = flowOf(people(ApprovalMode.ANY, freshPerson("条件审批人"))
        .when(new StepCondition("headCount", ">=", "10")));
    assertThatThrownBy(() -> approvals.submit(type, "缺少人数", Map.of(), user("staff")))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.factMissing");
  }

  @Test
  void aFlowWithNoApplicableStepApprovesAtOnce() {
    String type = flowOf(people(ApprovalMode.ANY, freshPerson("市外审批人"))
        .when(new StepCondition("destination", "!=", "本市")));
    long id = approvals.submit(type, "市内出行", Map.of("destination", "本市"), user("staff"));
    assertThat(route(id).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(route(id).tasks()).isEmpty();
    assertThat(decisionsOf(id)).extracting(ApprovalDecided::outcome).containsExactly(ApprovalDecided.Outcome.APPROVED);
  }

  @Test
  void aNewFlowVersionReplacesTheOneInForce() {
    CurrentUser first = freshPerson("旧版审批人");
    CurrentUser second = freshPerson("新版审批人");
    String type = flowOf(people(ApprovalMode.ANY, first));
    approvalFlows.defineFlow(new FlowDefinition(type, yx(), "测试流程第二版", List.of(people(ApprovalMode.ANY, second))),
        user("region.admin"));

    long id = approvals.submit(type, "新版", Map.of(), user("staff"));
    assertThat(route(id).pending()).extracting(ApprovalRoute.Task::assigneeId).containsExactly(second.userId());
    assertThat(jdbc.sql("select count(*) from approval_flow where request_type = :t and active").param("t", type)
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void onlyAnAdministratorDefinesFlows() {
    assertThatThrownBy(() -> approvalFlows.defineFlow(new FlowDefinition("test.forbidden", yx(), "越权",
        List.of(people(ApprovalMode.ANY, user("staff")))), user("unit.head")))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aDeputyActsForAnAwayApproverOnlyWithinTheDeputyPeriod() {
    CurrentUser away = freshPerson("出差的审批人");
    CurrentUser deputy = freshPerson("在期代理人");
    CurrentUser later = freshPerson("未到期代理人");
    Instant now = Instant.now();
    approvalFlows.appointDeputy(away.userId(), deputy.userId(), now.minus(Duration.ofHours(1)),
        now.plus(Duration.ofDays(3)), away);
    approvalFlows.appointDeputy(away.userId(), later.userId(), now.plus(Duration.ofDays(3)),
        now.plus(Duration.ofDays(6)), away);
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, away)), "代理测试", Map.of(), user("staff"));
    long task = taskOf(id, away);

    assertThat(approvals.openTasks(deputy)).extracting(OpenTask::taskId).contains(task);
    assertThat(inbox.open(deputy.userId(), 50)).extracting(TodoInbox.Todo::title).containsExactly("代出差的审批人审批：代理测试");
    assertThat(inbox.open(later.userId(), 50)).isEmpty();
    assertThat(approvals.openTasks(later)).extracting(OpenTask::taskId).doesNotContain(task);
    assertThatThrownBy(() -> approvals.approve(task, later, null))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.notYourTask");

    approvals.approve(task, deputy, "代为同意");
    assertThat(inbox.open(deputy.userId(), 50)).isEmpty();
    assertThat(inbox.open(away.userId(), 50)).isEmpty();
    ApprovalRoute.Task decided = route(id).tasks().get(0);
    assertThat(decided.status()).isEqualTo(TaskStatus.APPROVED);
    assertThat(decided.assigneeName()).isEqualTo("出差的审批人");
    assertThat(decided.decidedByName()).isEqualTo("在期代理人");
  }

  @Test
  void aDeputyAppointedWhileATaskIsOpenFindsItInTheirInbox() {
    CurrentUser away = freshPerson("后出差的审批人");
    CurrentUser deputy = freshPerson("后任代理人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, away)), "先提交后代理", Map.of(), user("staff"));

    approvalFlows.appointDeputy(away.userId(), deputy.userId(), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(1)), user("admin"));

    assertThat(inbox.open(deputy.userId(), 50)).extracting(TodoInbox.Todo::link).containsExactly("/approvals/" + id);
  }

  @Test
  void aRejectionWithReasonThenCorrectedResubmissionThenApproval() {
    CurrentUser approver = freshPerson("驳回审批人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, approver)), "购置申请", Map.of("amount", 9000),
        user("staff"));

    assertThatThrownBy(() -> approvals.reject(taskOf(id, approver), approver, " "))
        .isInstanceOf(BusinessRuleException.class);
    approvals.reject(taskOf(id, approver), approver, "金额超标，请核减");
    assertThat(route(id).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(route(id).rejectionReason()).isEqualTo("金额超标，请核减");
    assertThat(decisionsOf(id)).extracting(ApprovalDecided::outcome).containsExactly(ApprovalDecided.Outcome.REJECTED);

    approvals.resubmit(id, Map.of("amount", 4500), user("staff"));
    ApprovalRoute again = route(id);
    assertThat(again.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(again.round()).isEqualTo(2);
    assertThat(again.facts()).containsEntry("amount", 4500);
    assertThat(again.rejectionReason()).as("the reason stays visible").isEqualTo("金额超标，请核减");

    approvals.approve(taskOf(id, approver), approver, "同意");
    assertThat(route(id).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(route(id).tasks()).extracting(ApprovalRoute.Task::round).containsExactly(1, 2);
  }

  @Test
  void withdrawingWorksBeforeTheFirstDecisionAndIsRefusedAfterIt() {
    CurrentUser a = freshPerson("撤回甲");
    CurrentUser b = freshPerson("撤回乙");
    String type = flowOf(people(ApprovalMode.ALL, a, b));

    long early = approvals.submit(type, "尽早撤回", Map.of(), user("staff"));
    assertThatThrownBy(() -> approvals.withdraw(early, user("liaison")))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.onlyApplicant");
    approvals.withdraw(early, user("staff"));
    assertThat(route(early).status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(route(early).tasks()).extracting(ApprovalRoute.Task::status).containsOnly(TaskStatus.CANCELLED);
    assertThat(inbox.open(a.userId(), 50)).extracting(TodoInbox.Todo::link).doesNotContain("/approvals/" + early);

    long late = approvals.submit(type, "迟了", Map.of(), user("staff"));
    approvals.approve(taskOf(late, a), a, null);
    assertThatThrownBy(() -> approvals.withdraw(late, user("staff")))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.alreadyDecided");
  }

  @Test
  void aStrangerCannotDecideSomeoneElsesTask() {
    CurrentUser approver = freshPerson("本人审批人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, approver)), "他人任务", Map.of(), user("staff"));
    long task = taskOf(id, approver);

    assertThatThrownBy(() -> approvals.reject(task, user("unit.head"), "越权驳回"))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("approval.notYourTask");
    assertThat(route(id).status()).isEqualTo(RequestStatus.PENDING);
  }

  @Test
  void concurrentApprovalsOfOneAnyStepLetExactlyOneSucceed() throws Exception {
    CurrentUser a = freshPerson("并发甲");
    CurrentUser b = freshPerson("并发乙");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, a, b)), "并发审批", Map.of(), user("staff"));
    long taskOfA = taskOf(id, a);
    long taskOfB = taskOf(id, b);

    CountDownLatch start = new CountDownLatch(1);
    List<Callable<String>> attempts = new ArrayList<>();
    for (var attempt : List.of(Map.entry(taskOfA, a), Map.entry(taskOfB, b))) {
      attempts.add(() -> {
        start.await();
        try {
          approvals.approve(attempt.getKey(), attempt.getValue(), "同意");
          return "ok";
        } catch (BusinessRuleException e) {
          return e.messageKey();
        }
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = new ArrayList<>();
      attempts.forEach(attempt -> results.add(pool.submit(attempt)));
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get());
      }
      assertThat(outcomes).containsExactlyInAnyOrder("ok", "approval.taskClosed");
    } finally {
      pool.shutdown();
    }
    assertThat(route(id).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(route(id).tasks()).extracting(ApprovalRoute.Task::status)
        .containsExactlyInAnyOrder(TaskStatus.APPROVED, TaskStatus.CANCELLED);
    assertThat(decisionsOf(id)).hasSize(1);
  }

  @Test
  void decisionsAreAuditedAndToDoItemsAppearAndDisappear() {
    CurrentUser approver = freshPerson("待办审批人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, approver)), "待办测试", Map.of(), user("staff"));
    long task = taskOf(id, approver);

    assertThat(inbox.open(approver.userId(), 50)).extracting(TodoInbox.Todo::link).containsExactly("/approvals/" + id);
    assertThat(inbox.open(approver.userId(), 50).get(0).dueAt()).isAfter(Instant.now());

    approvals.approve(task, approver, "同意");

    assertThat(inbox.open(approver.userId(), 50)).isEmpty();
    assertThat(jdbc.sql(
        "select count(*) from audit_event where entity_type = 'approval_task' and entity_id = :id and action = 'APPROVE'")
        .param("id", String.valueOf(task)).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc
        .sql("select action from audit_event where entity_type = 'approval_request' and entity_id = :id order by id")
        .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("CREATE", "UPDATE");
  }

  @Test
  void anApproverIsRemindedOnceBeforeTheDeadlineAndTheReminderGoesWithTheTask() {
    CurrentUser approver = freshPerson("提醒审批人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, approver).remindBefore(4)), "提醒测试", Map.of(),
        user("staff"));
    long task = taskOf(id, approver);
    assertThat(jdbc.sql("select remind_at > created_at and remind_at < due_at from approval_task where id = :id")
        .param("id", task).query(Boolean.class).single()).as("the reminder comes before the deadline").isTrue();

    jdbc.sql("update approval_task set remind_at = now() - interval '1 minute' where id = :id").param("id", task)
        .update();
    approvals.sendReminders();
    approvals.sendReminders();
    assertThat(inbox.open(approver.userId(), 50)).extracting(TodoInbox.Todo::title)
        .containsExactlyInAnyOrder("待审批：提醒测试", "审批即将到期：提醒测试");

    approvals.approve(task, approver, null);
    assertThat(inbox.open(approver.userId(), 50)).isEmpty();
  }

  @Test
  void aRequestIsHiddenFromThoseNotInvolvedAndOutsideTheirScope() {
    CurrentUser approver = freshPerson("可见审批人");
    long id = approvals.submit(flowOf(people(ApprovalMode.ANY, approver)), "可见性", Map.of(), user("staff"));

    assertThat(approvals.route(id, approver).id()).isEqualTo(id);
    assertThat(approvals.route(id, user("unit.head")).id()).as("the head of the applicant's unit").isEqualTo(id);
    assertThatThrownBy(() -> approvals.route(id, user("county.admin")))
        .isInstanceOf(cn.smartaffairs.platform.NotFoundException.class);
  }
}
