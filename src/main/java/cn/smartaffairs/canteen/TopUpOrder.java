package cn.smartaffairs.canteen;

import java.time.Instant;

/**
 * 充值订单: a holder's online top-up, waiting for its payment provider. It is created PENDING and moves once: to PAID
 * when the provider confirms a payment of exactly its amount before it expires, to EXPIRED when its lifetime passes
 * unpaid, or to CANCELLED by its holder. Any other move is refused with {@link TopUpOrderRefused}.
 */
final class TopUpOrder {

  /** Where an order stands; only a PENDING order moves. */
  enum State {
    PENDING, PAID, EXPIRED, CANCELLED;

    boolean isFinal() { return this != PENDING; }
  }

  final long id;
  final String orderNo;
  final long accountId;
  final long regionId;
  final long amountFen;
  final String provider;
  final String createdBy;
  final Instant createdAt;
  final Instant expiresAt;
  private State state;
  private String providerTransactionId;
  private Instant paidAt;
  private Long journalId;
  private Instant endedAt;

  TopUpOrder(long id, String orderNo, long accountId, long regionId, long amountFen, String provider, String createdBy,
      Instant createdAt, Instant expiresAt, State state, String providerTransactionId, Instant paidAt,
      Long journalId, Instant endedAt) {
    this.id = id;
    this.orderNo = orderNo;
    this.accountId = accountId;
    this.regionId = regionId;
    this.amountFen = amountFen;
    this.provider = provider;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.state = state;
    this.providerTransactionId = providerTransactionId;
    this.paidAt = paidAt;
    this.journalId = journalId;
    this.endedAt = endedAt;
  }

  /**
   * The provider confirmed a payment: allowed once, for exactly the order's amount, from the order's own provider,
   * while it is PENDING and not past its lifetime ({@code now} is when the confirmation arrives). The journal that
   * credits it is recorded with {@link #credited}.
   */
  void pay(String fromProvider, long paidFen, String transactionId, Instant providerPaidAt, Instant now) {
    if (!provider.equals(fromProvider)) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.WRONG_PROVIDER, orderNo);
    }
    if (paidFen != amountFen) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.AMOUNT_MISMATCH, orderNo, CanteenAccounts.yuan(amountFen),
          CanteenAccounts.yuan(paidFen));
    }
    requirePending();
    if (isOverdue(now)) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.EXPIRED, orderNo);
    }
    if (transactionId == null || transactionId.isBlank() || providerPaidAt == null) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.INCOMPLETE_NOTIFICATION, orderNo);
    }
    state = State.PAID;
    providerTransactionId = transactionId;
    paidAt = providerPaidAt;
  }

  /** Records the journal that credited the paid order. */
  void credited(long journal) {
    if (state != State.PAID || journalId != null) {
      throw new IllegalStateException("only a freshly paid order is credited, once: " + orderNo);
    }
    journalId = journal;
  }

  /** Its lifetime has passed unpaid (the scheduled job, or a late confirmation that finds it so). */
  void expire(Instant now) {
    requirePending();
    if (!isOverdue(now)) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.NOT_YET_DUE, orderNo);
    }
    state = State.EXPIRED;
    endedAt = now;
  }

  /** The holder gives up on a PENDING order (a confirmation arriving later credits nothing). */
  void cancel(Instant now) {
    requirePending();
    state = State.CANCELLED;
    endedAt = now;
  }

  /** Whether a confirmation with this provider transaction id is the one already recorded (a replay). */
  boolean isPaidBy(String transactionId) {
    return state == State.PAID && providerTransactionId != null && providerTransactionId.equals(transactionId);
  }

  boolean isOverdue(Instant now) {
    return !now.isBefore(expiresAt);
  }

  private void requirePending() {
    if (state != State.PENDING) {
      throw new TopUpOrderRefused(TopUpOrderRefused.Reason.valueOf("ALREADY_" + state.name()), orderNo);
    }
  }

  State state() {
    return state;
  }

  String providerTransactionId() {
    return providerTransactionId;
  }

  Instant paidAt() {
    return paidAt;
  }

  Long journalId() {
    return journalId;
  }

  Instant endedAt() {
    return endedAt;
  }
}
