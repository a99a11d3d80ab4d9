package cn.smartaffairs.telemetry.store;

import cn.smartaffairs.telemetry.TelemetryProperties;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for positions (as ADR 0009 does for payments): connections queue the positions of a message with what
 * to do once they are stored; a few writer threads each take what is queued, wait a few milliseconds for more, and
 * store the lot in one transaction ({@link PositionStore}). Only after that commit is each message answered as stored
 * — so an acknowledged position survives a crash. Should a batch fail, its messages are stored one by one, so one bad
 * message cannot hold back the others; a message that still fails, or finds the queue full, is answered as not stored.
 */
@Component
public class PositionWriter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);

  private final PositionStore store;
  private final PositionPartitions partitions;
  private final TelemetryProperties properties;
  private final DistributionSummary batchSizes;
  private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger queuedPositions = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  PositionWriter(PositionStore store, PositionPartitions partitions, TelemetryProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.partitions = partitions;
    this.properties = properties;
    this.batchSizes = DistributionSummary.builder("telemetry.position.batch.size")
        .description("positions stored together in one transaction").register(meters);
  }

  /** The positions of one message, and what to do when they are stored ({@code true}) or not ({@code false}). */
  record Queued(List<PositionRecord> positions, Consumer<Boolean> done) {}

  /** Queues positions for the next batch; {@code done} runs on a writer thread after the batch's commit. */
  public void submit(List<PositionRecord> positions, Consumer<Boolean> done) {
    if (!running) {
      done.accept(false);
      return;
    }
    if (queuedPositions.addAndGet(positions.size()) > properties.queueLimit()) {
      queuedPositions.addAndGet(-positions.size());
      done.accept(false);
      return;
    }
    queue.add(new Queued(positions, done));
  }

  private void write() {
    List<Queued> batch = new ArrayList<>();
    long linger = properties.batchLinger().toNanos();
    int most = Math.max(1, properties.batchSize());
    while (running || !queue.isEmpty()) {
      Queued first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        first = null; // only stop() ends a writer, after it has drained the queue
      }
      if (first == null) {
        continue;
      }
      batch.clear();
      batch.add(first);
      int positions = first.positions().size();
      long deadline = System.nanoTime() + linger;
      while (positions < most) {
        Queued next = queue.poll();
        if (next == null) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !running) {
            break;
          }
          try {
            next = queue.poll(left, TimeUnit.NANOSECONDS);
          } catch (InterruptedException e) {
            next = null;
          }
          if (next == null) {
            break;
          }
        }
        batch.add(next);
        positions += next.positions().size();
      }
      queuedPositions.addAndGet(-positions);
      storeAndAnswer(batch, positions);
    }
  }

  void storeAndAnswer(List<Queued> batch, int positions) {
    batchSizes.record(positions);
    try {
      store.write(batch.stream().flatMap(q -> q.positions().stream()).toList());
    } catch (RuntimeException failed) {
      if (batch.size() == 1) {
        log.warn("{} positions could not be stored", positions, failed);
        answer(batch.get(0), false);
        return;
      }
      log.info("a batch of {} positions failed; storing its messages one by one", positions, failed);
      for (Queued queued : batch) {
        storeAndAnswer(List.of(queued), queued.positions().size());
      }
      return;
    }
    batch.forEach(queued -> answer(queued, true));
  }

  private static void answer(Queued queued, boolean stored) {
    try {
      queued.done().accept(stored);
    } catch (RuntimeException e) {
      log.warn("answering a stored position failed", e);
    }
  }

  @Override
  public synchronized void start() {
    partitions.prepare();
    running = true;
    for (int i = 0; i < Math.max(1, properties.writers()); i++) {
      Thread thread = new Thread(this::write, "telemetry-positions-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /** Stops after the gateway: what is queued is stored and answered first. */
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
    // starts before the gateway (and the web server), stops after them
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
