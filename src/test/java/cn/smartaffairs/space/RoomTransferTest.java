package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.space.RoomTransfer.Kind;
import cn.smartaffairs.space.RoomTransfer.Status;
import org.junit.jupiter.api.Test;

/** 调剂 is decided when made; 移交 waits for the other unit's 接收 or refusal, and is decided once. */
class RoomTransferTest {

  @Test
  void aReallocationIsDoneAtOnceAndAHandoverWaitsForTheReceivingUnit() {
    assertThat(Kind.REALLOCATION.initialStatus()).isEqualTo(Status.DONE);
    assertThat(Kind.HANDOVER.initialStatus()).isEqualTo(Status.PENDING);
    assertThat(Status.DONE.decided()).isTrue();
    assertThat(Status.PENDING.decided()).isFalse();
  }

  @Test
  void eachKindEndsTheGivingUnitsPeriodAndBeginsTheReceivingUnitsInItsOwnWords() {
    assertThat(Kind.REALLOCATION.ends()).isEqualTo(UnitAllocation.Ended.REALLOCATED);
    assertThat(Kind.REALLOCATION.begins()).isEqualTo(UnitAllocation.Began.REALLOCATED);
    assertThat(Kind.HANDOVER.ends()).isEqualTo(UnitAllocation.Ended.HANDED_OVER);
    assertThat(Kind.HANDOVER.begins()).isEqualTo(UnitAllocation.Began.RECEIVED);
  }

  @Test
  void aPendingHandoverIsReceivedOrRefused() {
    assertThat(Status.PENDING.decide(true)).isEqualTo(Status.DONE);
    assertThat(Status.PENDING.decide(false)).isEqualTo(Status.REFUSED);
  }

  @Test
  void aDecidedTransferIsNotDecidedAgain() {
    for (Status decided : new Status[] {Status.DONE, Status.REFUSED}) {
      assertThatThrownBy(() -> decided.decide(true)).isInstanceOf(ConflictException.class)
          .extracting("messageKey").isEqualTo("space.transferDecided");
      assertThatThrownBy(() -> decided.decide(false)).isInstanceOf(ConflictException.class);
    }
  }
}
