package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Payments from canteen terminals: online ones through the {@link PaymentQueue} (paid together with whatever other
 * terminals pay at the same moment), and the batches a terminal uploads after working offline.
 * An offline batch is replayed item by item, each in its own transaction, so one bad item spoils nothing else; keys
 * already recorded answer DUPLICATE and charge nothing.
 */
@Service
class TerminalPayments {

  static final int MAX_BATCH = 1000;

  /** A terminal's payment; {@code amountFen} may be left out for a fixed-price meal (price rules). */
  record PaymentRequest(String terminalId, String credential, Long amountFen, String idempotencyKey) {}

  /** A payment a terminal took while offline, with the time it took it. */
  record OfflinePayment(String terminalId, String credential, Long amountFen, String idempotencyKey,
      OffsetDateTime paidAt) {}

  /** What became of one offline item; FLAGGED is recorded, but a manager must look. */
  enum OfflineItemStatus {
    RECORDED, FLAGGED, DUPLICATE, REJECTED
  }

  /** What became of one offline item, and why when it was flagged or rejected. */
  record OfflineItemResult(String idempotencyKey, OfflineItemStatus status, String reason, Payment payment) {}

  record OfflineBatchResult(int recorded, int flagged, int duplicates, int rejected, List<OfflineItemResult> items) {}

  private final MealPayments payments;
  private final CanteenTerminals terminals;
  private final PaymentQueue queue;
  private final Clock clock;

  TerminalPayments(MealPayments payments, CanteenTerminals terminals, PaymentQueue queue, Clock clock) {
    this.payments = payments;
    this.terminals = terminals;
    this.queue = queue;
    this.clock = clock;
  }

  Payment pay(PaymentRequest request, CurrentUser caller) {
    if (request == null) {
      throw new BusinessRuleException("error.unreadableRequest");
    }
    var terminal = terminals.usableBy(request.terminalId(), caller);
    return queue.pay(payments.terminalPayment(terminal, request.credential(), request.amountFen(),
        request.idempotencyKey(), clock.instant(), caller.getUsername()));
  }

  OfflineBatchResult offlineBatch(List<OfflinePayment> items, CurrentUser caller) {
    if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
      throw new BusinessRuleException("canteen.batchSize", MAX_BATCH);
    }
    Instant now = clock.instant();
    List<OfflineItemResult> results = new ArrayList<>(items.size());
    int recorded = 0;
    int flagged = 0;
    int duplicates = 0;
    int rejected = 0;
    for (OfflinePayment item : items) {
      if (item == null) {
        results.add(new OfflineItemResult(null, OfflineItemStatus.REJECTED, "error.unreadableRequest", null));
        rejected++;
        continue;
      }
      try {
        var terminal = terminals.usableBy(item.terminalId(), caller);
        Instant paidAt = item.paidAt() == null || item.paidAt().toInstant().isAfter(now)
            ? now
            : item.paidAt().toInstant();
        Payment payment = payments.payAtTerminal(terminal, item.credential(), item.amountFen(), item.idempotencyKey(),
            paidAt, true, caller.getUsername());
        OfflineItemStatus status = payment.replayed()
            ? OfflineItemStatus.DUPLICATE
            : payment.flag() != null ? OfflineItemStatus.FLAGGED : OfflineItemStatus.RECORDED;
        switch (status) {
          case DUPLICATE -> duplicates++;
          case FLAGGED -> flagged++;
          default -> recorded++;
        }
        results.add(new OfflineItemResult(payment.idempotencyKey(), status, payment.flag(), payment));
      } catch (PaymentRefused refused) {
        results.add(
            new OfflineItemResult(item.idempotencyKey(), OfflineItemStatus.REJECTED, refused.reason().name(), null));
        rejected++;
      } catch (BusinessRuleException broken) {
        results
            .add(new OfflineItemResult(item.idempotencyKey(), OfflineItemStatus.REJECTED, broken.messageKey(), null));
        rejected++;
      }
    }
    return new OfflineBatchResult(recorded, flagged, duplicates, rejected, results);
  }
}
