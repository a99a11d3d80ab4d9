package cn.smartaffairs.canteen;

import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.Leg;
import cn.smartaffairs.canteen.Ledger.Wallet;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * One journal of the canteen ledger as its holder sees it: a meal payment, a top-up, a refund, a correction ...
 * {@code amountFen} is the amount moved (always positive), {@code subsidyFen}/{@code cashFen} how it changed each
 * wallet (negative for spending), {@code balanceAfterFen} the holder's total balance right after it. {@code flag} names
 * why an offline payment was flagged for a manager (e.g. INSUFFICIENT_BALANCE), null otherwise. {@code replayed} is
 * true when the same idempotency key came again and nothing new was recorded.
 */
public record Payment(
    long id,
    long accountId,
    String kind,
    long amountFen,
    long subsidyFen,
    long cashFen,
    long balanceAfterFen,
    String idempotencyKey,
    String channel,
    String terminalId,
    Long refundsPaymentId,
    String description,
    Instant occurredAt,
    Instant recordedAt,
    String flag,
    @JsonIgnore boolean replayed) {

  /**
   * A journal just posted, as its holder sees it: how it changed each wallet is the sum of its legs on that wallet.
   * {@code terminalCode} only for a terminal's payment, {@code flag} only for an offline payment that broke a rule.
   */
  static Payment recorded(long journalId, long accountId, Entry entry, List<Leg> legs, long balanceAfterFen,
      String terminalCode, String flag) {
    IdempotencyKey key = entry.idempotencyKey();
    return new Payment(journalId, accountId, entry.kind().name(), entry.amountFen(), change(legs, Wallet.SUBSIDY),
        change(legs, Wallet.CASH), balanceAfterFen, key == null ? null : key.value(), entry.channel().name(),
        terminalCode, entry.refunds(), entry.description(), entry.occurredAt(), entry.recordedAt(), flag, false);
  }

  private static long change(List<Leg> legs, Wallet wallet) {
    return legs.stream().filter(leg -> leg.wallet() == wallet).mapToLong(Leg::amountFen).sum();
  }

  Payment asReplay() {
    return new Payment(id, accountId, kind, amountFen, subsidyFen, cashFen, balanceAfterFen, idempotencyKey, channel,
        terminalId, refundsPaymentId, description, occurredAt, recordedAt, flag, true);
  }
}
