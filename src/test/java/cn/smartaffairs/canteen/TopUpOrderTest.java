package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The moves of an online top-up order: paid once, for its amount, in time; expired or cancelled only while pending. */
class TopUpOrderTest {

  static final Instant CREATED = Instant.parse("2026-03-02T02:00:00Z");
  static final Instant EXPIRES = CREATED.plusSeconds(15 * 60);

  static TopUpOrder pending(long amountFen) {
    return new TopUpOrder(1, "CZ2026030210000012345", 7, 1, amountFen, "sandbox", "staff", CREATED, EXPIRES,
        TopUpOrder.State.PENDING, null, null, null, null);
  }

  static TopUpOrderRefused.Reason reasonOf(Runnable move) {
    try {
      move.run();
    } catch (TopUpOrderRefused refused) {
      return refused.reason();
    }
    throw new AssertionError("the move was allowed");
  }

  @Test
  void aPendingOrderIsPaidByItsProviderForExactlyItsAmountBeforeItExpires() {
    TopUpOrder order = pending(2_550);
    order.pay("sandbox", 2_550, "SBX1", CREATED.plusSeconds(60), CREATED.plusSeconds(61));
    order.credited(99);

    assertThat(order.state()).isEqualTo(TopUpOrder.State.PAID);
    assertThat(order.journalId()).isEqualTo(99);
    assertThat(order.isPaidBy("SBX1")).isTrue();
    assertThat(order.isPaidBy("SBX2")).isFalse();
  }

  @Test
  void aPaidOrderIsNotPaidExpiredOrCancelledAgain() {
    TopUpOrder order = pending(2_550);
    order.pay("sandbox", 2_550, "SBX1", CREATED, CREATED.plusSeconds(1));

    assertThat(reasonOf(() -> order.pay("sandbox", 2_550, "SBX2", CREATED, CREATED.plusSeconds(2))))
        .isEqualTo(TopUpOrderRefused.Reason.ALREADY_PAID);
    assertThat(reasonOf(() -> order.expire(EXPIRES.plusSeconds(1)))).isEqualTo(TopUpOrderRefused.Reason.ALREADY_PAID);
    assertThat(reasonOf(() -> order.cancel(CREATED))).isEqualTo(TopUpOrderRefused.Reason.ALREADY_PAID);
    assertThat(order.state()).isEqualTo(TopUpOrder.State.PAID);
  }

  @Test
  void anotherAmountOrAnotherProviderIsRefusedAndLeavesTheOrderPending() {
    TopUpOrder order = pending(2_550);

    assertThat(reasonOf(() -> order.pay("sandbox", 2_549, "SBX1", CREATED, CREATED)))
        .isEqualTo(TopUpOrderRefused.Reason.AMOUNT_MISMATCH);
    assertThat(reasonOf(() -> order.pay("alipay", 2_550, "A1", CREATED, CREATED)))
        .isEqualTo(TopUpOrderRefused.Reason.WRONG_PROVIDER);
    assertThat(reasonOf(() -> order.pay("sandbox", 2_550, " ", CREATED, CREATED)))
        .isEqualTo(TopUpOrderRefused.Reason.INCOMPLETE_NOTIFICATION);
    assertThat(order.state()).isEqualTo(TopUpOrder.State.PENDING);
  }

  @Test
  void aPaymentArrivingAtOrAfterTheEndOfItsLifetimeIsRefusedAndTheOrderExpires() {
    TopUpOrder order = pending(2_550);

    assertThat(reasonOf(() -> order.pay("sandbox", 2_550, "SBX1", CREATED, EXPIRES)))
        .isEqualTo(TopUpOrderRefused.Reason.EXPIRED);
    order.expire(EXPIRES);

    assertThat(order.state()).isEqualTo(TopUpOrder.State.EXPIRED);
    assertThat(order.endedAt()).isEqualTo(EXPIRES);
    assertThat(reasonOf(() -> order.pay("sandbox", 2_550, "SBX1", CREATED, CREATED)))
        .isEqualTo(TopUpOrderRefused.Reason.ALREADY_EXPIRED);
  }

  @Test
  void anOrderStillWithinItsLifetimeDoesNotExpire() {
    TopUpOrder order = pending(2_550);

    assertThat(reasonOf(() -> order.expire(EXPIRES.minusSeconds(1)))).isEqualTo(TopUpOrderRefused.Reason.NOT_YET_DUE);
    assertThat(order.state()).isEqualTo(TopUpOrder.State.PENDING);
  }

  @Test
  void aCancelledOrderTakesNoPayment() {
    TopUpOrder order = pending(2_550);
    order.cancel(CREATED.plusSeconds(30));

    assertThat(order.state()).isEqualTo(TopUpOrder.State.CANCELLED);
    assertThat(reasonOf(() -> order.pay("sandbox", 2_550, "SBX1", CREATED, CREATED.plusSeconds(40))))
        .isEqualTo(TopUpOrderRefused.Reason.ALREADY_CANCELLED);
    assertThatThrownBy(() -> order.credited(5)).isInstanceOf(IllegalStateException.class);
  }
}
