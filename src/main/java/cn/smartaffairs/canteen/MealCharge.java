package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.PlatformConfiguration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One meal to charge to an account: how much, under which idempotency key, through what (a pre-order, or a
 * terminal online or offline), when it happened and who asked. {@code credentialStatus} is the status of the card
 * or code presented at a terminal (null for a pre-order, which presents none).
 */
record MealCharge(long amountFen, IdempotencyKey key, JournalChannel channel, Long terminalId, String terminalCode,
    String description, Instant occurredAt, String actor, boolean offline,
    CredentialStatus credentialStatus) {

  /** A pre-order's charge (报餐), asked for by the holder or a manager now. */
  static MealCharge preOrder(long amountFen, IdempotencyKey key, String description, Instant now, String actor) {
    return new MealCharge(amountFen, key, JournalChannel.PRE_ORDER, null, null, description, now, actor, false, null);
  }

  /** A terminal's payment by the credential presented; offline, it was taken already at {@code occurredAt}. */
  static MealCharge atTerminal(MealPayments.TerminalPayment payment, long amountFen, boolean offline,
      CredentialStatus credentialStatus) {
    return new MealCharge(amountFen, payment.key(), offline ? JournalChannel.OFFLINE : JournalChannel.TERMINAL,
        payment.terminal().id(), payment.terminal().terminalCode(), null, payment.occurredAt(), payment.actor(),
        offline,
        credentialStatus);
  }

  /** The day the meal counts towards (its daily limit and category rule). */
  LocalDate day() {
    return occurredAt.atZone(PlatformConfiguration.ZONE).toLocalDate();
  }
}
