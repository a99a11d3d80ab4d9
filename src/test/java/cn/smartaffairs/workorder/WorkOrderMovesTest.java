package cn.smartaffairs.workorder;

import static cn.smartaffairs.workorder.WorkOrderAction.ACCEPT;
import static cn.smartaffairs.workorder.WorkOrderAction.ARRIVE;
import static cn.smartaffairs.workorder.WorkOrderAction.CLOSE;
import static cn.smartaffairs.workorder.WorkOrderAction.CONFIRM;
import static cn.smartaffairs.workorder.WorkOrderAction.DISPATCH;
import static cn.smartaffairs.workorder.WorkOrderAction.REOPEN;
import static cn.smartaffairs.workorder.WorkOrderAction.RESOLVE;
import static cn.smartaffairs.workorder.WorkOrderAction.VISIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/** Who may move an order, what a move needs, and when the loop opens again — decided by the order alone. */
class WorkOrderMovesTest {

  private static final long HANDLER = 21;
  private static final long REQUESTER_STAFF = 300;
  private static final WorkOrderActor DISPATCHER = new WorkOrderActor(1, null, true);
  private static final WorkOrderActor THE_HANDLER = new WorkOrderActor(HANDLER, 210L, false);
  private static final WorkOrderActor THE_REQUESTER = new WorkOrderActor(30, REQUESTER_STAFF, false);
  private static final WorkOrderActor SOMEONE_ELSE = new WorkOrderActor(40, 400L, false);
  private static final Instant DUE = Instant.parse("2026-12-16T09:30:00Z");

  private static WorkOrder order(WorkOrderStatus status, Long assignee, Long requesterStaffId) {
    return new WorkOrder(7, "WO20261214-000007", 1, "REPAIR_PLUMBING", "水暖维修", "NORMAL", "WEB", "水龙头漏水", "1号楼",
        "3", "305", requesterStaffId, "张三", status, assignee, DUE.minusSeconds(86400), DUE.minusSeconds(80000), DUE,
        null, null, 0, 4, List.of());
  }

  private static WorkOrder order(WorkOrderStatus status) {
    return order(status, status == WorkOrderStatus.RECEIVED ? null : HANDLER, REQUESTER_STAFF);
  }

  private static Transition visit(Satisfaction satisfaction, Boolean handlerAtFault) {
    return new Transition("visit", null, satisfaction, handlerAtFault, "回访", null);
  }

  private static String keyOf(Runnable move) {
    try {
      move.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  @Test
  void everyMoveIsThePartOfOnePersonInTheLoop() {
    assertThat(List.of(DISPATCH, VISIT, CLOSE)).allMatch(a -> a.performer() == WorkOrderAction.Part.DISPATCHER);
    assertThat(List.of(ACCEPT, ARRIVE, RESOLVE)).allMatch(a -> a.performer() == WorkOrderAction.Part.HANDLER);
    assertThat(List.of(CONFIRM, REOPEN)).allMatch(a -> a.performer() == WorkOrderAction.Part.REQUESTER);
  }

  @Test
  void aDispatcherIsOfferedOnlyTheDispatchOfAReceivedOrder() {
    assertThat(order(WorkOrderStatus.RECEIVED).actionsFor(DISPATCHER)).containsExactly(DISPATCH);
    assertThat(order(WorkOrderStatus.RECEIVED).actionsFor(THE_REQUESTER)).isEmpty();
  }

  @Test
  void theHandlerIsOfferedAcceptingAnOrderDispatchedToThem() {
    assertThat(order(WorkOrderStatus.DISPATCHED).actionsFor(THE_HANDLER)).containsExactly(ACCEPT);
    assertThat(order(WorkOrderStatus.DISPATCHED).actionsFor(DISPATCHER)).containsExactly(DISPATCH);
  }

  @Test
  void nobodyElseIsOfferedAnyMove() {
    for (WorkOrderStatus status : WorkOrderStatus.values()) {
      assertThat(order(status).actionsFor(SOMEONE_ELSE)).as("%s", status).isEmpty();
    }
  }

  @Test
  void theRequesterIsOfferedConfirmingOrReopeningAResolvedOrder() {
    assertThat(order(WorkOrderStatus.RESOLVED).actionsFor(THE_REQUESTER)).containsExactly(CONFIRM, REOPEN);
    assertThat(order(WorkOrderStatus.RESOLVED).actionsFor(DISPATCHER)).isEmpty();
  }

  @Test
  void forAHotlineCallerWithoutStaffRecordTheDispatcherConfirms() {
    WorkOrder hotline = order(WorkOrderStatus.RESOLVED, HANDLER, null);
    assertThat(hotline.actionsFor(DISPATCHER)).containsExactly(CONFIRM, REOPEN);
    assertThat(hotline.actionsFor(THE_REQUESTER)).isEmpty();
  }

  @Test
  void aDispatcherMayTakeAnyonesMoveOnTheirBehalf() {
    assertThat(WorkOrderAction.values())
        .allMatch(action -> order(WorkOrderStatus.RESOLVED).mayTake(action, DISPATCHER));
    assertThat(order(WorkOrderStatus.DISPATCHED).decide(Transition.of("accept"), DISPATCHER).to())
        .isEqualTo(WorkOrderStatus.ACCEPTED);
  }

  @Test
  void aHandlerMayNeitherDispatchNorCloseTheirOrder() {
    assertThatThrownBy(() -> order(WorkOrderStatus.ACCEPTED).decide(new Transition("dispatch", 22L, null, null, null,
        null), THE_HANDLER)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> order(WorkOrderStatus.VISITED).decide(Transition.of("close"), THE_HANDLER))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aRequesterMayNotResolveTheirOwnOrder() {
    assertThatThrownBy(() -> order(WorkOrderStatus.ON_SITE).decide(Transition.of("resolve"), THE_REQUESTER))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void someoneElsesOrderCannotBeConfirmedByAnotherRequester() {
    assertThatThrownBy(() -> order(WorkOrderStatus.RESOLVED).decide(Transition.of("confirm"), SOMEONE_ELSE))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anUnknownActionIsRefusedNamingIt() {
    assertThatThrownBy(() -> order(WorkOrderStatus.RECEIVED).decide(Transition.of("delete"), SOMEONE_ELSE))
        .isInstanceOf(BusinessRuleException.class).hasMessage("workOrder.actionUnknown")
        .satisfies(e -> assertThat(((BusinessRuleException) e).arguments()).containsExactly("delete"));
  }

  @Test
  void aStalePageIsToldTheOrderMovedOnRatherThanWhatItsStateRefuses() {
    Transition fromAnOldPage = new Transition("accept", null, null, null, null, 3);
    assertThatThrownBy(() -> order(WorkOrderStatus.ON_SITE).decide(fromAnOldPage, THE_HANDLER))
        .isInstanceOf(ConflictException.class).hasMessage("workOrder.changedMeanwhile");
  }

  @Test
  void aMoveItsStateDoesNotAllowConflictsNamingTheActionAndTheState() {
    assertThatThrownBy(() -> order(WorkOrderStatus.CLOSED).decide(Transition.of("reopen"), THE_REQUESTER))
        .isInstanceOf(ConflictException.class).hasMessage("workOrder.actionNotAllowed")
        .satisfies(e -> assertThat(((BusinessRuleException) e).arguments())
            .extracting(argument -> ((MessageSourceResolvable) argument).getCodes()[0])
            .containsExactly("workOrder.action.REOPEN", "workOrder.status.CLOSED"));
  }

  @Test
  void aDispatchNamesTheWorkerWhoGetsTheOrder() {
    assertThat(keyOf(() -> order(WorkOrderStatus.RECEIVED).decide(Transition.of("dispatch"), DISPATCHER)))
        .isEqualTo("workOrder.assigneeRequired");
    WorkOrder.Move move = order(WorkOrderStatus.RECEIVED)
        .decide(new Transition("dispatch", 22L, null, null, null, 4), DISPATCHER);
    assertThat(move.assignee()).isEqualTo(22L);
    assertThat(move.from()).isEqualTo(WorkOrderStatus.RECEIVED);
    assertThat(move.to()).isEqualTo(WorkOrderStatus.DISPATCHED);
  }

  @Test
  void everyOtherMoveKeepsTheOrderWithItsHandler() {
    WorkOrder.Move resolved = order(WorkOrderStatus.ON_SITE).decide(new Transition("resolve", 99L, null, null, null,
        null), THE_HANDLER);
    assertThat(resolved.assignee()).isEqualTo(HANDLER);
    assertThat(resolved.reopensTheLoop()).isFalse();
  }

  @Test
  void aReturnVisitRecordsASatisfactionGrade() {
    assertThat(keyOf(() -> order(WorkOrderStatus.CONFIRMED).decide(visit(null, null), DISPATCHER)))
        .isEqualTo("workOrder.satisfactionRequired");
    assertThat(order(WorkOrderStatus.CONFIRMED).decide(visit(Satisfaction.NEUTRAL, null), DISPATCHER).to())
        .isEqualTo(WorkOrderStatus.VISITED);
  }

  @Test
  void anUnsatisfiedReturnVisitThroughTheHandlersFaultOpensTheLoopAgain() {
    assertThat(order(WorkOrderStatus.CONFIRMED).decide(visit(Satisfaction.UNSATISFIED, true), DISPATCHER)
        .reopensTheLoop()).isTrue();
  }

  @Test
  void anUnsatisfiedVisitNotTheHandlersFaultOrASatisfiedOneClosesAsUsual() {
    assertThat(order(WorkOrderStatus.CONFIRMED).decide(visit(Satisfaction.UNSATISFIED, false), DISPATCHER)
        .reopensTheLoop()).isFalse();
    assertThat(order(WorkOrderStatus.CONFIRMED).decide(visit(Satisfaction.UNSATISFIED, null), DISPATCHER)
        .reopensTheLoop()).isFalse();
    assertThat(order(WorkOrderStatus.CONFIRMED).decide(visit(Satisfaction.FAIRLY, true), DISPATCHER)
        .reopensTheLoop()).isFalse();
  }

  @Test
  void theReopeningAfterAnUnsatisfiedVisitSendsTheOrderBackToItsHandler() {
    WorkOrder.Move reopened = order(WorkOrderStatus.VISITED)
        .decide(WorkOrder.REOPEN_AFTER_UNSATISFIED_VISIT, DISPATCHER);
    assertThat(reopened.action()).isEqualTo(REOPEN);
    assertThat(reopened.to()).isEqualTo(WorkOrderStatus.DISPATCHED);
    assertThat(reopened.assignee()).isEqualTo(HANDLER);
  }

  @Test
  void anAutomaticDispatchNeedsAStateThatAllowsDispatching() {
    assertThat(order(WorkOrderStatus.RECEIVED).dispatchAutomaticallyTo(22).assignee()).isEqualTo(22L);
    assertThatThrownBy(() -> order(WorkOrderStatus.RESOLVED).dispatchAutomaticallyTo(22))
        .isInstanceOf(ConflictException.class).hasMessage("workOrder.actionNotAllowed");
  }

  @Test
  void satisfiedAndFairlySatisfiedCountAsSatisfied() {
    assertThat(Satisfaction.COUNTED_AS_SATISFIED).containsExactly("SATISFIED", "FAIRLY");
    assertThat(Satisfaction.NEUTRAL.countsAsSatisfied()).isFalse();
    assertThat(Satisfaction.UNSATISFIED.countsAsSatisfied()).isFalse();
  }

  @Test
  void onlyOrdersNotYetResolvedAreRemindedUrgedOrSupervised() {
    assertThat(WorkOrderStatus.AWAITING_RESOLUTION).containsExactly("RECEIVED", "DISPATCHED", "ACCEPTED", "ON_SITE");
  }

  @Test
  void anOrderIsOverdueOnlyWhenNotClosedPastItsResolveDeadline() {
    assertThat(order(WorkOrderStatus.ON_SITE).overdueAt(DUE.plusSeconds(1))).isTrue();
    assertThat(order(WorkOrderStatus.ON_SITE).overdueAt(DUE)).isFalse();
    assertThat(order(WorkOrderStatus.CLOSED).overdueAt(DUE.plusSeconds(1))).isFalse();
  }

  @Test
  void thePriorityIsUrgentOrNormalAndOnlyUrgentIsAnsweredAroundTheClock() {
    assertThat(WorkOrderPriority.parse("URGENT").answeredAroundTheClock()).isTrue();
    assertThat(WorkOrderPriority.parse("NORMAL").answeredAroundTheClock()).isFalse();
    assertThat(keyOf(() -> WorkOrderPriority.parse("urgent"))).isEqualTo("workOrder.priorityUnknown");
    assertThat(keyOf(() -> WorkOrderPriority.parse(null))).isEqualTo("workOrder.priorityUnknown");
  }
}
