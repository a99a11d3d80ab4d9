package cn.smartaffairs.canteen;

import cn.smartaffairs.canteen.MealPayments.BatchOutcome;
import cn.smartaffairs.canteen.MealPayments.TerminalPayment;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for online terminal payments (ADR 0009). A request thread queues its payment and waits; a few writer
 * threads each take whatever is queued (up to a batch size) and pay it in one transaction
 * ({@link MealPayments#payTerminalBatch}). The payment is answered only after its batch has committed, so an
 * acknowledged payment is as durable as before; what is shared is the lock round trip, the write and the commit's WAL
 * flush. At a lunch peak batches grow by themselves; a lone payment is a batch of one.
 *
 * <p>Payments the batch leaves alone (a repeated key, an unknown credential) and every payment of a batch whose
 * transaction failed are paid one by one through {@link MealPayments#payAtTerminal}, which answers them exactly as
 * before batching. Before start and after stop, payments are paid alone on the caller's thread.
 */
@Component
class PaymentQueue implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PaymentQueue.class);

  private final MealPayments payments;
  private final int writers;
  private final int batchSize;
  private final DistributionSummary batchSizes;
  private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  PaymentQueue(MealPayments payments, MeterRegistry meters,
      @Value("${affairs.canteen.payment-writers:2}") int writers,
      @Value("${affairs.canteen.payment-batch-size:64}") int batchSize) {
    this.payments = payments;
    this.writers = Math.max(1, writers);
    this.batchSize = Math.max(1, batchSize);
    this.batchSizes = DistributionSummary.builder("canteen.payment.batch.size")
        .description("online terminal payments paid together in one transaction").register(meters);
  }

  /** Pays an online terminal payment; answers once it is committed, or throws its refusal. */
  Payment pay(TerminalPayment payment) {
    if (!running) {
      return payments.payAtTerminal(payment, false);
    }
    Queued queued = new Queued(payment, new CompletableFuture<>());
    queue.add(queued);
    if (!running && queue.remove(queued)) {
      // stopped while queueing and no writer took it
      return payments.payAtTerminal(payment, false);
    }
    try {
      return queued.answer().join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw failed;
    }
  }

  private void write() {
    List<Queued> batch = new ArrayList<>(batchSize);
    while (true) {
      Queued first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        // this writer thread is ours and only stop() ends it: it drains the queue before leaving, so waiting payments
        // are still answered (re-asserting the interrupt would spin the poll)
        first = null;
      }
      if (first == null) {
        if (!running) {
          return;
        }
        continue;
      }
      batch.clear();
      batch.add(first);
      queue.drainTo(batch, batchSize - 1);
      try {
        payBatch(batch);
      } catch (Throwable unexpected) {
        log.error("a canteen payment batch failed unexpectedly", unexpected);
        batch.forEach(queued -> queued.answer().completeExceptionally(unexpected));
      }
    }
  }

  /** Pays queued payments together and answers each of them. */
  void payBatch(List<Queued> batch) {
    batchSizes.record(batch.size());
    List<BatchOutcome> outcomes;
    try {
      outcomes = payments.payTerminalBatch(batch.stream().map(Queued::payment).toList());
    } catch (RuntimeException failed) {
      // nothing of the batch was written: pay each one on its own, as if there had been no batch
      log.debug("a canteen payment batch of {} was rolled back; paying its payments one by one", batch.size(), failed);
      batch.forEach(this::payAlone);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Queued queued = batch.get(i);
      BatchOutcome outcome = outcomes.get(i);
      if (outcome.alone()) {
        payAlone(queued);
      } else if (outcome.payment() != null) {
        queued.answer().complete(outcome.payment());
      } else {
        queued.answer().completeExceptionally(outcome.refusal());
      }
    }
  }

  private void payAlone(Queued queued) {
    try {
      queued.answer().complete(payments.payAtTerminal(queued.payment(), false));
    } catch (RuntimeException refused) {
      queued.answer().completeExceptionally(refused);
    }
  }

  /** A payment waiting for its batch, and where its answer goes. */
  record Queued(TerminalPayment payment, CompletableFuture<Payment> answer) {}

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::write, "canteen-payments-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /** Stops after the web server (lower phase): the writers pay what is queued, then end. */
  @Override
  public synchronized void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() { return running; }

  @Override
  public int getPhase() {
    // the web server's start/stop lifecycle runs at DEFAULT_PHASE - 2048: start before it, stop after it
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
