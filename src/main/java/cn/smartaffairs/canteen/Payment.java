package cn.smartaffairs.canteen;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

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

  Payment asReplay() {
    return new Payment(id, accountId, kind, amountFen, subsidyFen, cashFen, balanceAfterFen, idempotencyKey, channel,
        terminalId, refundsPaymentId, description, occurredAt, recordedAt, flag, true);
  }
}
