package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;

/**
 * A payment the ledger will not take. The canteen's terminal API answers 422 with the reason code and a message in the
 * caller's language (message key {@code canteen.refused.<REASON>}); being a business rule, it shows as a clear message
 * on any page and as a problem (400) on other modules' APIs unless they map it themselves.
 */
public class PaymentRefused extends BusinessRuleException {

  /** Why a payment is refused; the codes are part of the terminal API. */
  public enum Reason {
    INSUFFICIENT_BALANCE, CARD_FROZEN, CARD_LOST, ACCOUNT_CLOSED, DAILY_LIMIT_REACHED, UNKNOWN_CREDENTIAL, UNKNOWN_TERMINAL, NO_MEAL_PERIOD, PAYMENT_CODE_EXPIRED, PAYMENT_CODE_INVALID
  }

  private final Reason reason;

  public PaymentRefused(Reason reason, Object... arguments) {
    super("canteen.refused." + reason.name(), arguments);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
