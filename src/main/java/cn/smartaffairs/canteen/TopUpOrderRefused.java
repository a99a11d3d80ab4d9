package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;

/**
 * A move a {@link TopUpOrder} does not allow, or a payment notification that cannot credit it. The message key is
 * {@code canteen.topUpOrder.refused.<REASON>}; pages show it, the API answers a problem with the reason code.
 */
class TopUpOrderRefused extends BusinessRuleException {

  enum Reason {
    ALREADY_PAID, ALREADY_EXPIRED, ALREADY_CANCELLED, EXPIRED, NOT_YET_DUE, AMOUNT_MISMATCH, WRONG_PROVIDER, INCOMPLETE_NOTIFICATION,
    /** The notification's signature is missing or wrong, or it is no notification at all. */
    BAD_SIGNATURE,
    /** The notification names no order of this platform. */
    UNKNOWN_ORDER
  }

  private final Reason reason;

  TopUpOrderRefused(Reason reason, Object... arguments) {
    super("canteen.topUpOrder.refused." + reason.name(), arguments);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
