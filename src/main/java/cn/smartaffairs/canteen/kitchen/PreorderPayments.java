package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.security.CurrentUser;

/**
 * How a pre-order is paid: charged to the diner's canteen account and refunded on cancel, both idempotent by key and
 * joining the caller's transaction, so an order and its payment commit or fail together.
 */
public interface PreorderPayments {

  /** What a charge left behind: the payment, the part the subsidy wallet paid, and the balance after it. */
  record Paid(long paymentId, long subsidyFen, long balanceAfterFen) {}

  Paid charge(long staffId, long amountFen, String idempotencyKey, String description, CurrentUser by);

  /** Refunds a payment in full and answers the refund's payment id. */
  long refund(long paymentId, String idempotencyKey, String reason, CurrentUser by);
}
