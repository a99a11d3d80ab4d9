package cn.smartaffairs.canteen;

import java.time.Instant;

/**
 * Published for every meal payment, refund and top-up the canteen ledger records, inside the transaction that posts
 * it (for terminal payments paid in a batch, the batch's one transaction, ADR 0009), through the event publication
 * registry (ADR 0012). {@code amountFen} is the amount moved, always positive; {@code kind} says which way.
 */
public record PaymentRecorded(long journalId, long accountId, long regionId, Kind kind, long amountFen,
    String channel, Instant occurredAt) {

  public enum Kind {
    MEAL_PAYMENT, REFUND, TOP_UP
  }
}
