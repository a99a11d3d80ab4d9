package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.RuleTestData.CITY;
import static cn.smartaffairs.vehicle.RuleTestData.COUNTY;
import static cn.smartaffairs.vehicle.RuleTestData.DAY;
import static cn.smartaffairs.vehicle.RuleTestData.booked;
import static cn.smartaffairs.vehicle.RuleTestData.car;
import static cn.smartaffairs.vehicle.RuleTestData.conflictsWith;
import static cn.smartaffairs.vehicle.RuleTestData.driver;
import static cn.smartaffairs.vehicle.RuleTestData.refusedWith;
import static cn.smartaffairs.vehicle.RuleTestData.request;
import static cn.smartaffairs.vehicle.RuleTestData.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The moves of a 用车申请: each allowed only from its states, every other refused with its message and no change. */
class TripRequestMovesTest {

  /** The move is allowed exactly from {@code allowed}, to {@code target}; from any other state it is refused (409). */
  private static void movesOnlyFrom(TripRequestMove move, Set<TripRequestStatus> allowed, TripRequestStatus target,
      String refusalKey) {
    for (TripRequestStatus from : TripRequestStatus.values()) {
      TripRequest request = request(from);
      if (allowed.contains(from)) {
        assertThat(request.allows(move)).as("%s from %s", move, from).isTrue();
        assertThat(request.after(move).status()).as("%s from %s", move, from).isEqualTo(target);
      } else {
        assertThat(request.allows(move)).as("%s from %s", move, from).isFalse();
        conflictsWith(() -> request.after(move), refusalKey);
      }
    }
  }

  @Test
  void aSubmittedRequestWaitsForItsApproval() {
    assertThat(request(TripRequestStatus.PENDING).waitingForDispatch()).isFalse();
    assertThat(request(TripRequestStatus.APPROVED).waitingForDispatch()).isTrue();
  }

  @Test
  void theApprovalPassesARequestUnderApprovalAndAResubmittedOneButNeverOneOnTheBoardOrDriven() {
    movesOnlyFrom(TripRequestMove.APPROVE, EnumSet.of(TripRequestStatus.PENDING, TripRequestStatus.REJECTED,
        TripRequestStatus.WITHDRAWN), TripRequestStatus.APPROVED, "vehicle.requestNotUnderApproval");
  }

  @Test
  void aLateRejectionDoesNotUndoAnApprovalOrADispatch() {
    movesOnlyFrom(TripRequestMove.REJECT, EnumSet.of(TripRequestStatus.PENDING, TripRequestStatus.REJECTED,
        TripRequestStatus.WITHDRAWN), TripRequestStatus.REJECTED, "vehicle.requestNotUnderApproval");
  }

  @Test
  void onlyARequestUnderApprovalIsWithdrawn() {
    movesOnlyFrom(TripRequestMove.WITHDRAW, EnumSet.of(TripRequestStatus.PENDING), TripRequestStatus.WITHDRAWN,
        "vehicle.requestNotUnderApproval");
  }

  @Test
  void onlyAnApprovedRequestIsDispatched() {
    movesOnlyFrom(TripRequestMove.DISPATCH, EnumSet.of(TripRequestStatus.APPROVED), TripRequestStatus.DISPATCHED,
        "vehicle.requestNotWaiting");
  }

  @Test
  void aCancelledDispatchPutsOnlyADispatchedRequestBackOnTheBoard() {
    movesOnlyFrom(TripRequestMove.RETURN_TO_BOARD, EnumSet.of(TripRequestStatus.DISPATCHED),
        TripRequestStatus.APPROVED, "vehicle.requestNotDispatched");
  }

  @Test
  void onlyADispatchedRequestIsCompletedByItsTrip() {
    movesOnlyFrom(TripRequestMove.COMPLETE, EnumSet.of(TripRequestStatus.DISPATCHED), TripRequestStatus.COMPLETED,
        "vehicle.requestNotDispatched");
  }

  @Test
  void aRefusedMoveLeavesTheRequestAsItWas() {
    TripRequest completed = request(TripRequestStatus.COMPLETED);
    conflictsWith(() -> completed.after(TripRequestMove.RETURN_TO_BOARD), "vehicle.requestNotDispatched");
    assertThat(completed.status()).isEqualTo(TripRequestStatus.COMPLETED);
  }

  @Test
  void aWaitingRequestIsDispatchedWhenTheHardRulesAreKept() {
    TripRequest dispatched = waiting().dispatchTo(car(), List.of(), driver(), List.of(booked(11, 21, 7, 9)));
    assertThat(dispatched.status()).isEqualTo(TripRequestStatus.DISPATCHED);
    assertThat(dispatched.id()).isEqualTo(waiting().id());
  }

  @Test
  void aRequestNoLongerWaitingIsRefusedBeforeAnyHardRuleIsNamed() {
    Vehicle inRepair = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.REPAIR, DAY.plusYears(1), DAY.plusYears(1));
    conflictsWith(() -> request(TripRequestStatus.DISPATCHED).dispatchTo(inRepair, List.of(), driver(), List.of()),
        "vehicle.requestNotWaiting");
  }

  @Test
  void aHardRuleBrokenRefusesTheDispatchBeforeABusyCarIsNamed() {
    Vehicle inRepair = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.REPAIR, DAY.plusYears(1), DAY.plusYears(1));
    refusedWith(() -> waiting().dispatchTo(inRepair, List.of(), driver(), List.of(booked(11, 21, 9, 11))),
        "vehicle.notInService");
    conflictsWith(() -> waiting().dispatchTo(car(), List.of(), driver(), List.of(booked(11, 99, 9, 11))),
        "vehicle.vehicleBusy");
  }

  @Test
  void consentingToAidNeedsARequestWaitingForDispatch() {
    conflictsWith(() -> request(TripRequestStatus.PENDING).requireWaitingForDispatch(), "vehicle.requestNotWaiting");
    conflictsWith(() -> request(TripRequestStatus.DISPATCHED).requireWaitingForDispatch(), "vehicle.requestNotWaiting");
    waiting().requireWaitingForDispatch();
  }

  @Test
  void otherRegionsMayServeOnlyOnceTheHomeRegionAskedForAid() {
    TripRequest notAsked = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of(COUNTY));
    TripRequest asked = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of(CITY));
    TripRequest agreed = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0),
        List.of(CITY, COUNTY));
    assertThat(notAsked.askedForAid()).isFalse();
    assertThat(notAsked.aidRegions()).isEmpty();
    assertThat(asked.askedForAid()).isTrue();
    assertThat(asked.aidRegions()).isEmpty();
    assertThat(agreed.aidRegions()).containsExactly(COUNTY);
    assertThat(agreed.mayBeServedFrom(COUNTY)).isTrue();
    assertThat(asked.mayBeServedFrom(COUNTY)).isFalse();
    assertThat(notAsked.mayBeServedFrom(CITY)).isTrue();
  }
}
