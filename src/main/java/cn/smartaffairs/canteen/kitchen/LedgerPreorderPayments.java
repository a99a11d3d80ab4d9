package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.canteen.CanteenAccount;
import cn.smartaffairs.canteen.CanteenAccounts;
import cn.smartaffairs.canteen.MealPayments;
import cn.smartaffairs.canteen.Payment;
import cn.smartaffairs.canteen.PaymentRefused;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Pays pre-orders through the canteen ledger ({@link MealPayments}): the charge and the refund join the caller's
 * transaction. A refusal (balance, frozen card, daily limit …) becomes a business-rule error that carries the
 * ledger's own reason, so pages and the API show it in the user's language.
 */
@Component
class LedgerPreorderPayments implements PreorderPayments {

  private final CanteenAccounts accounts;
  private final MealPayments payments;

  LedgerPreorderPayments(CanteenAccounts accounts, MealPayments payments) {
    this.accounts = accounts;
    this.payments = payments;
  }

  @Override
  public Paid charge(long staffId, long amountFen, String idempotencyKey, String description, CurrentUser by) {
    CanteenAccount account = accounts.accountOfStaff(staffId)
        .orElseThrow(() -> new BusinessRuleException("canteen.kitchen.noCanteenAccount"));
    try {
      Payment payment = payments.charge(account.id(), amountFen, idempotencyKey, description, by);
      // the ledger books spending as negative wallet changes
      return new Paid(payment.id(), -payment.subsidyFen(), payment.balanceAfterFen());
    } catch (PaymentRefused refused) {
      throw refusal(refused);
    }
  }

  @Override
  public long refund(long paymentId, String idempotencyKey, String reason, CurrentUser by) {
    try {
      return payments.refund(paymentId, idempotencyKey, reason, by).id();
    } catch (PaymentRefused refused) {
      throw refusal(refused);
    }
  }

  private static BusinessRuleException refusal(PaymentRefused refused) {
    return new BusinessRuleException("canteen.kitchen.paymentRefused", new DefaultMessageSourceResolvable(
        new String[] {refused.messageKey()}, refused.arguments(), refused.messageKey()));
  }
}
