package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.RuleTestData.DAY;
import static cn.smartaffairs.vehicle.RuleTestData.conflictsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.smartaffairs.vehicle.planning.DispatchPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dispatch is cancelled, or set off on, only while active and before its trip; a proposal is confirmed once. */
class DispatchMovesTest {

  private static Dispatch dispatch(DispatchStatus status) {
    return new Dispatch(31, 7, 11, "云A12345", 21, "张师傅", DAY.atTime(9, 0), DAY.atTime(11, 0), "PC20261209-7-1",
        DispatchMode.MANUAL, false, status);
  }

  private static Dispatching.Proposal proposal(ProposalStatus status) {
    return new Dispatching.Proposal(41, DAY, status, new DispatchPlan(List.of(), List.of(), 0, 0, 0, "0hard/0soft"),
        List.of(), List.of());
  }

  @Test
  void anActiveDispatchWhoseTripHasNotStartedIsCancelled() {
    Dispatch cancelled = dispatch(DispatchStatus.ACTIVE).cancel(false);
    assertThat(cancelled.status()).isEqualTo(DispatchStatus.CANCELLED);
    assertThat(cancelled.sheetNo()).isEqualTo("PC20261209-7-1");
  }

  @Test
  void aCancelledDispatchIsNotCancelledAgain() {
    conflictsWith(() -> dispatch(DispatchStatus.CANCELLED).cancel(false), "vehicle.dispatchNotActive");
  }

  @Test
  void aDispatchWhoseTripStartedIsNotCancelled() {
    conflictsWith(() -> dispatch(DispatchStatus.ACTIVE).cancel(true), "vehicle.tripAlreadyStarted");
  }

  @Test
  void theDriverSetsOffOnlyOnAnActiveDispatchNotYetDriven() {
    assertThatCode(() -> dispatch(DispatchStatus.ACTIVE).requireNotStarted(false)).doesNotThrowAnyException();
    conflictsWith(() -> dispatch(DispatchStatus.ACTIVE).requireNotStarted(true), "vehicle.tripAlreadyStarted");
    conflictsWith(() -> dispatch(DispatchStatus.CANCELLED).requireNotStarted(false), "vehicle.dispatchNotActive");
  }

  @Test
  void anOpenProposalIsConfirmedAndAConfirmedOrDiscardedOneIsRefused() {
    Dispatching.Proposal confirmed = proposal(ProposalStatus.PROPOSED).confirm();
    assertThat(confirmed.status()).isEqualTo(ProposalStatus.CONFIRMED);
    assertThat(confirmed.open()).isFalse();
    conflictsWith(confirmed::confirm, "vehicle.proposalClosed");
    conflictsWith(() -> proposal(ProposalStatus.DISCARDED).confirm(), "vehicle.proposalClosed");
  }
}
