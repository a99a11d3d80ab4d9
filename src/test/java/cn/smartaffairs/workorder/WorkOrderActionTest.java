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

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed loop 受理 → 派单 → 接单 → 到场 → 办结 → 确认 → 回访 → 销号, move by move. */
class WorkOrderActionTest {

  private static List<WorkOrderAction> allowedFrom(WorkOrderStatus status) {
    return Arrays.stream(WorkOrderAction.values()).filter(a -> a.allowedFrom(status)).toList();
  }

  @Test
  void theWholeLoopCanBeWalkedFromReceivedToClosed() {
    WorkOrderStatus status = WorkOrderStatus.RECEIVED;
    for (WorkOrderAction action : List.of(DISPATCH, ACCEPT, ARRIVE, RESOLVE, CONFIRM, VISIT, CLOSE)) {
      assertThat(action.allowedFrom(status)).as("%s from %s", action, status).isTrue();
      status = action.target();
    }
    assertThat(status).isEqualTo(WorkOrderStatus.CLOSED);
  }

  @Test
  void aReceivedOrderCanOnlyBeDispatched() {
    assertThat(allowedFrom(WorkOrderStatus.RECEIVED)).containsExactly(DISPATCH);
  }

  @Test
  void aClosedOrderAllowsNoMoveAtAll() {
    assertThat(allowedFrom(WorkOrderStatus.CLOSED)).isEmpty();
  }

  @Test
  void anOrderIsReDispatchedUntilSomeoneIsOnSite() {
    assertThat(DISPATCH.allowedFrom(WorkOrderStatus.DISPATCHED)).isTrue();
    assertThat(DISPATCH.allowedFrom(WorkOrderStatus.ACCEPTED)).isTrue();
    assertThat(DISPATCH.allowedFrom(WorkOrderStatus.ON_SITE)).isFalse();
    assertThat(DISPATCH.allowedFrom(WorkOrderStatus.RESOLVED)).isFalse();
  }

  @Test
  void onlyADispatchedOrderCanBeAccepted() {
    assertThat(EnumSet.allOf(WorkOrderStatus.class).stream().filter(ACCEPT::allowedFrom))
        .containsExactly(WorkOrderStatus.DISPATCHED);
  }

  @Test
  void anAcceptedOrderMayBeResolvedWithoutRecordingTheArrival() {
    assertThat(RESOLVE.allowedFrom(WorkOrderStatus.ACCEPTED)).isTrue();
    assertThat(RESOLVE.allowedFrom(WorkOrderStatus.ON_SITE)).isTrue();
    assertThat(RESOLVE.allowedFrom(WorkOrderStatus.DISPATCHED)).isFalse();
  }

  @Test
  void theRequesterConfirmsOnlyAResolvedOrder() {
    assertThat(CONFIRM.allowedFrom(WorkOrderStatus.RESOLVED)).isTrue();
    assertThat(CONFIRM.allowedFrom(WorkOrderStatus.ON_SITE)).isFalse();
    assertThat(CONFIRM.allowedFrom(WorkOrderStatus.CONFIRMED)).isFalse();
  }

  @Test
  void anOrderIsClosedOnlyAfterTheReturnVisit() {
    assertThat(CLOSE.allowedFrom(WorkOrderStatus.VISITED)).isTrue();
    assertThat(CLOSE.allowedFrom(WorkOrderStatus.CONFIRMED)).isFalse();
    assertThat(CLOSE.allowedFrom(WorkOrderStatus.RESOLVED)).isFalse();
  }

  @Test
  void reopeningSendsAFinishedButNotClosedOrderBackToDispatch() {
    assertThat(REOPEN.target()).isEqualTo(WorkOrderStatus.DISPATCHED);
    assertThat(EnumSet.allOf(WorkOrderStatus.class).stream().filter(REOPEN::allowedFrom))
        .containsExactlyInAnyOrder(WorkOrderStatus.RESOLVED, WorkOrderStatus.CONFIRMED, WorkOrderStatus.VISITED);
  }

  @Test
  void noMoveLeadsBackToReceived() {
    assertThat(Arrays.stream(WorkOrderAction.values()).map(WorkOrderAction::target))
        .doesNotContain(WorkOrderStatus.RECEIVED);
  }

  @Test
  void anActionIsReadWhateverItsCaseAndSurroundingSpaces() {
    assertThat(WorkOrderAction.parse("dispatch")).isEqualTo(DISPATCH);
    assertThat(WorkOrderAction.parse(" Resolve ")).isEqualTo(RESOLVE);
    assertThat(WorkOrderAction.parse("CLOSE")).isEqualTo(CLOSE);
  }

  @Test
  void anUnknownOrMissingActionIsReadAsNone() {
    assertThat(WorkOrderAction.parse("delete")).isNull();
    assertThat(WorkOrderAction.parse("")).isNull();
    assertThat(WorkOrderAction.parse(null)).isNull();
  }
}
