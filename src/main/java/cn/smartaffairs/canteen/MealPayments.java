package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.AccountTransactions.Locked;
import cn.smartaffairs.canteen.AccountTransactions.LockedBatch;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 消费与退款: meals charged to canteen accounts — from terminals (one by one, offline uploads, or in batches) and for
 * pre-orders — and their refunds. Each is one short transaction: lock the account, let it decide
 * ({@link LockedAccount#pay}, {@link LockedAccount#refund}), write the journal and the row.
 */
@Service
public class MealPayments {

  private final AccountTransactions transactions;
  private final Ledger ledger;
  private final CanteenRules rules;
  private final CanteenAccounts reads;
  private final OverdraftFlags flags;
  private final PaymentCodes paymentCodes;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  MealPayments(AccountTransactions transactions, Ledger ledger, CanteenRules rules, CanteenAccounts reads,
      OverdraftFlags flags, PaymentCodes paymentCodes, AuditTrail audit, JdbcClient jdbc) {
    this.transactions = transactions;
    this.ledger = ledger;
    this.rules = rules;
    this.reads = reads;
    this.flags = flags;
    this.paymentCodes = paymentCodes;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /**
   * Charges a meal to an account, e.g. for a pre-order: the holder themself or a canteen manager of its region may.
   * Same rules as a terminal payment: the subsidy wallet pays first (up to the category's per-meal cap), the account
   * is never overdrawn, the daily limit holds, a frozen or closed account refuses ({@link PaymentRefused}). The same
   * idempotency key again answers the original payment and charges nothing.
   */
  public Payment charge(long accountId, long amountFen, String idempotencyKey, String description, CurrentUser by) {
    CanteenInput.requireAmount(amountFen);
    IdempotencyKey key = IdempotencyKey.ofAccount(accountId, idempotencyKey);
    return transactions.idempotently(key, () -> {
      Locked locked = transactions.lock(accountId, key);
      LockedAccount account = locked.account();
      if (!CanteenAccounts.owns(by, account) && !CanteenAccounts.manages(by, account.regionId())) {
        throw new NotFoundException("canteenAccount", accountId);
      }
      if (locked.repeated()) {
        return transactions.replay(locked.existing(), account.id(), JournalKind.MEAL_PAYMENT, amountFen, null);
      }
      return pay(account, MealCharge.preOrder(amountFen, key, CanteenInput.description(description),
          transactions.now(), by.getUsername()), ledger);
    });
  }

  // ---------------------------------------------------------------- at terminals

  /** A terminal's payment, checked for form (amount, key, credential) before it touches the database. */
  record TerminalPayment(CanteenTerminals.Terminal terminal, String credential, Long amountFen, IdempotencyKey key,
      Instant occurredAt, String actor, boolean byPaymentCode) {}

  TerminalPayment terminalPayment(CanteenTerminals.Terminal terminal, String credential, Long amountFen,
      String idempotencyKey, Instant occurredAt, String actor) {
    if (amountFen != null) {
      CanteenInput.requireAmount(amountFen);
    }
    IdempotencyKey key = IdempotencyKey.ofTerminal(terminal.terminalCode(),
        IdempotencyKey.requireClientKey(idempotencyKey));
    if (credential == null || credential.isBlank()) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL);
    }
    String presented = credential.trim();
    // a rotating payment code counts at the moment the terminal scanned it (offline: when it took the payment)
    boolean byCode = PaymentCode.looksLikeCode(presented);
    String resolved = byCode ? paymentCodes.resolve(presented, occurredAt) : presented;
    return new TerminalPayment(terminal, resolved, amountFen, key, occurredAt.truncatedTo(ChronoUnit.MICROS), actor,
        byCode);
  }

  /**
   * A payment at a terminal by card number or QR token (already checked to be the caller's terminal). Online, a
   * payment that breaks a rule is refused; offline ({@code offline}) it happened already, so it is recorded anyway —
   * possibly overdrawing the account — and flagged for a manager.
   */
  Payment payAtTerminal(CanteenTerminals.Terminal terminal, String credential, Long amountFen, String idempotencyKey,
      Instant occurredAt, boolean offline, String actor) {
    return payAtTerminal(terminalPayment(terminal, credential, amountFen, idempotencyKey, occurredAt, actor), offline);
  }

  /** The same, for a payment already checked for form; on its own, in its own transaction. */
  Payment payAtTerminal(TerminalPayment payment, boolean offline) {
    CanteenTerminals.Terminal terminal = payment.terminal();
    return transactions.idempotently(payment.key(), () -> {
      Locked locked = transactions.lockByCredential(payment.credential(), payment.key());
      if (locked != null && presentsQrSecret(locked, payment)) {
        locked = null;
      }
      if (locked == null) {
        // only this terminal's own earlier payment is answered again; a key names no one else's journal
        return reads.paymentByKey(payment.key()).filter(p -> terminal.terminalCode().equals(p.terminalId()))
            .map(p -> transactions.replay(p.id(), p.accountId(), JournalKind.MEAL_PAYMENT, payment.amountFen(), null))
            .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL));
      }
      if (locked.repeated() && locked.account().regionId() == terminal.regionId()) {
        return transactions.replay(locked.existing(), locked.account().id(), JournalKind.MEAL_PAYMENT,
            payment.amountFen(), null);
      }
      return payNew(payment, locked, offline, ledger);
    });
  }

  /** A QR secret is never accepted by itself: only through a current rotating code ({@link PaymentCodes}). */
  private static boolean presentsQrSecret(Locked locked, TerminalPayment payment) {
    return locked.credentialKind() == CredentialKind.QR && !payment.byPaymentCode();
  }

  /**
   * What became of one online terminal payment in a batch: paid, refused, or left to be paid on its own after the
   * batch (its key was used before, its credential is unknown, or its key came twice in the batch).
   */
  record BatchOutcome(Payment payment, RuntimeException refusal) {
    static final BatchOutcome ALONE = new BatchOutcome(null, null);

    boolean alone() {
      return payment == null && refusal == null;
    }
  }

  /**
   * Pays online terminal payments in one transaction (group commit, ADR 0009): one statement locks every account the
   * batch reaches, in id order; each payment then runs the same rules as {@link #payAtTerminal} in arrival order on
   * the locked accounts in memory, so two payments on one card see each other; one statement writes every journal,
   * posting and account row; one commit makes them durable together. A refusal writes nothing for its payment and
   * does not disturb the others. Answers one outcome per item, in order, once the batch has committed; if the
   * transaction fails, the exception propagates and nothing of the batch is written.
   */
  List<BatchOutcome> payTerminalBatch(List<TerminalPayment> payments) {
    return transactions.inTransaction(() -> {
      LockedBatch locked = transactions.lockBatch(
          payments.stream().map(TerminalPayment::credential).distinct().toList(),
          payments.stream().map(TerminalPayment::key).distinct().toList(), payments.size());
      PaymentBatch batch = new PaymentBatch(ledger);
      batch.addJournalIds(locked.journalIds());
      List<BatchOutcome> outcomes = new ArrayList<>(payments.size());
      Set<IdempotencyKey> keysInBatch = new HashSet<>();
      for (TerminalPayment payment : payments) {
        Locked account = locked.byCredential().get(payment.credential());
        if (account == null || presentsQrSecret(account, payment) || locked.usedKeys().contains(payment.key())
            || !keysInBatch.add(payment.key())) {
          outcomes.add(BatchOutcome.ALONE);
          continue;
        }
        try {
          outcomes.add(new BatchOutcome(payNew(payment, account, false, batch), null));
        } catch (BusinessRuleException refused) {
          // refused before its own journal was posted (a subsidy expiry that fell due stands: it is true either way);
          // the others of the batch go on, and the key stays free as after any refusal
          keysInBatch.remove(payment.key());
          outcomes.add(new BatchOutcome(null, refused));
        }
      }
      batch.write(jdbc);
      return outcomes;
    });
  }

  /** Charges a payment whose key is new to the locked account its credential reached. */
  private Payment payNew(TerminalPayment payment, Locked locked, boolean offline, JournalWriter writer) {
    LockedAccount account = locked.account();
    if (account.regionId() != payment.terminal().regionId()) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL);
    }
    long amount = payment.amountFen() != null ? payment.amountFen() : mealPrice(account, payment.occurredAt());
    return pay(account, MealCharge.atTerminal(payment, amount, offline, locked.credentialStatus()), writer);
  }

  private long mealPrice(LockedAccount account, Instant at) {
    var local = at.atZone(PlatformConfiguration.ZONE);
    return rules.price(account.regionId(), account.category(), local.toLocalDate(), local.toLocalTime())
        .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.NO_MEAL_PERIOD)).priceFen();
  }

  /** Lets the account charge the meal under its category's rule of the day; an offline refusal is flagged. */
  private Payment pay(LockedAccount account, MealCharge charge, JournalWriter writer) {
    Payment payment = account.pay(charge, rules.categoryRule(account.regionId(), account.category(), charge.day()),
        transactions.now(), writer);
    if (payment.flag() != null) {
      flags.flag(payment, account.regionId());
    }
    return payment;
  }

  // ---------------------------------------------------------------- refunds

  /**
   * Refunds a meal payment in full, into the wallets it came from (subsidy whose period has passed is not paid back
   * as cash: it stays expired). A canteen manager of the region may refund any payment; the holder may refund their
   * own pre-order charges (a cancelled pre-order). A payment is refunded at most once. Audited.
   */
  public Payment refund(long paymentId, String idempotencyKey, String reason, CurrentUser by) {
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    String why = CanteenInput.requireReason(reason);
    Payment original = reads.paymentById(paymentId)
        .orElseThrow(() -> new NotFoundException("canteenPayment", paymentId));
    return transactions.idempotently(key, () -> {
      Locked locked = transactions.lock(original.accountId(), key);
      LockedAccount account = locked.account();
      boolean manager = CanteenAccounts.manages(by, account.regionId());
      boolean preOrder = JournalChannel.valueOf(original.channel()) == JournalChannel.PRE_ORDER;
      if (!manager && !(CanteenAccounts.owns(by, account) && preOrder)) {
        throw new NotFoundException("canteenPayment", paymentId);
      }
      if (locked.repeated()) {
        return transactions.replay(locked.existing(), account.id(), JournalKind.REFUND, original.amountFen(),
            paymentId);
      }
      Payment refund = account.refund(original, reads.refunded(paymentId),
          manager ? JournalChannel.MANAGER : JournalChannel.PRE_ORDER, key, why, by.getUsername(), transactions.now(),
          ledger);
      audit.record(new AuditEntry("REFUND", "canteen_journal", refund.id(), account.regionId(),
          Map.of("payment", paymentId), Map.of("amountFen", original.amountFen(), "reason", why)));
      return refund;
    });
  }
}
