package cn.smartaffairs.canteen;

/**
 * A payment the ledger will not take: the API answers 422 with the reason code and a message in the caller's
 * language (message key {@code canteen.refused.<REASON>}).
 */
public class PaymentRefused extends RuntimeException {

  /** Why a payment is refused; the codes are part of the terminal API. */
  public enum Reason {
    INSUFFICIENT_BALANCE, CARD_FROZEN, CARD_LOST, ACCOUNT_CLOSED, DAILY_LIMIT_REACHED, UNKNOWN_CREDENTIAL,
    UNKNOWN_TERMINAL, NO_MEAL_PERIOD
  }

  private final Reason reason;
  private final transient Object[] arguments;

  public PaymentRefused(Reason reason, Object... arguments) {
    super(reason.name());
    this.reason = reason;
    this.arguments = arguments;
  }

  public Reason reason() {
    return reason;
  }

  public String messageKey() {
    return "canteen.refused." + reason.name();
  }

  public Object[] arguments() {
    return arguments;
  }
}
