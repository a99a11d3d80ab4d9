package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.telemetry.gateway.ConnectedTerminals;
import cn.smartaffairs.telemetry.jt808.MessageIds;
import cn.smartaffairs.telemetry.jt808.TerminalReply;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the waiting area commands to the terminals connected to this instance, and stores their answers. Each
 * instance sends to its own connections only, so this is no scheduled job of the cluster (no ShedLock): a thread of
 * its own looks every {@code affairs.telemetry.area-command-poll} (2 s) and at once when a push of this instance
 * committed; a terminal that authenticates later gets its commands at the next look. A command's flow number is
 * recorded before the frame leaves, and claimed there (PENDING → SENT) so that two instances never both send it.
 * Answers (0x0001 of a message 0x8600–0x8605) come on the connections' event loops and are stored on a thread of
 * their own, never blocking a connection.
 */
@Component
class AreaCommandSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AreaCommandSender.class);
  /** Answers waiting to be stored; more are dropped (the command then stays SENT, as if unanswered). */
  private static final int MOST_WAITING_ANSWERS = 10_000;

  private final AreaCommandPushes pushes;
  private final AreaCommandSignal signal;
  private final ConnectedTerminals connected;
  private final Duration poll;
  private volatile boolean running;
  private Thread thread;
  private ExecutorService answers;

  AreaCommandSender(AreaCommandPushes pushes, AreaCommandSignal signal, ConnectedTerminals connected,
      @Value("${affairs.telemetry.area-command-poll:PT2S}") Duration poll) {
    this.pushes = pushes;
    this.signal = signal;
    this.connected = connected;
    this.poll = poll;
    connected.onReply(this::replied);
    connected.onAttach(this::authenticated);
  }

  /**
   * A terminal authenticated on a new connection: what was sent to it before and never answered went with the old
   * connection (whose flow numbers the new one repeats), so it is sent again.
   */
  private void authenticated(String phone) {
    java.time.Instant at = pushes.now();
    ExecutorService store = answers;
    if (store == null) {
      return;
    }
    try {
      store.execute(() -> {
        try {
          if (pushes.unanswered(phone, at) > 0) {
            signal.wakeUp();
          }
        } catch (RuntimeException e) {
          log.warn("the unanswered area commands of terminal {} were not made to wait again", phone, e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException full) {
      log.info("the unanswered area commands of terminal {} stay as they are: too much waiting", phone);
    }
  }

  private void replied(String phone, TerminalReply reply) {
    if (reply.replyId() < MessageIds.SET_CIRCLE || reply.replyId() > MessageIds.DELETE_POLYGON) {
      return;
    }
    ExecutorService store = answers;
    if (store == null) {
      return;
    }
    try {
      store.execute(() -> {
        try {
          pushes.answered(phone, reply);
        } catch (RuntimeException e) {
          log.warn("the answer of terminal {} to area command flow {} was not stored", phone, reply.replyFlow(), e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException full) {
      log.info("answer of terminal {} to area command flow {} dropped: too many waiting", phone, reply.replyFlow());
    }
  }

  /** Sends every waiting command whose terminal is connected here; answers how many went out. */
  int sendWaiting() {
    if (connected.count() == 0) {
      return 0;
    }
    int sent = 0;
    for (String phone : pushes.pendingPhones()) {
      if (!connected.isConnected(phone)) {
        continue;
      }
      for (AreaCommandPushes.Pending pending : pushes.pendingFor(phone)) {
        boolean gone = connected.send(phone, pending.messageId(),
            version -> pending.fence().command(pending.messageId(), pending.holdsArea(), version),
            flow -> pushes.sent(pending.id(), flow));
        if (gone) {
          sent++;
          log.debug("area command {} of fence {} sent to terminal {}", Integer.toHexString(pending.messageId()),
              pending.fence().id(), phone);
        }
      }
    }
    return sent;
  }

  private void loop() {
    while (running) {
      try {
        signal.await(poll);
        if (running) {
          sendWaiting();
        }
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (RuntimeException e) {
        log.warn("sending the waiting area commands failed; trying again in {}", poll, e);
      }
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    answers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(MOST_WAITING_ANSWERS), r -> {
          Thread t = new Thread(r, "telemetry-area-answers");
          t.setDaemon(true);
          return t;
        });
    thread = new Thread(this::loop, "telemetry-area-commands");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
    if (answers != null) {
      answers.shutdown();
      answers = null;
    }
  }

  @Override
  public boolean isRunning() { return running; }
}
