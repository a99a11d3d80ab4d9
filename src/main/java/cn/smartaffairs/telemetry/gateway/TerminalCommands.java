package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.ParameterAnswer;
import cn.smartaffairs.telemetry.store.TerminalParameterStore;
import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Platform commands to a connected terminal, and the terminal's answers: a command goes out on the terminal's own
 * connection (its edition's header, the connection's next flow number) and its future completes with the answer that
 * names that flow number — the terminal general reply 0x0001 or the command's own answer (0x0104 for a parameter
 * query) — or fails with {@link NotConnected} when the terminal is not authenticated on this instance, or with a
 * {@link java.util.concurrent.TimeoutException} after the time given. Answers are also kept when no one waits for
 * them any more (a parameter answer is stored whenever it comes).
 *
 * <p>Only the instance that holds the terminal's connection can send to it: with several instances, or the gateway in
 * a process of its own, a command asked for elsewhere finds the terminal not connected (ADR 0014).
 */
@Component
public class TerminalCommands {

  /** A terminal's answer: its message id, the result of a 0x0001 (0 for an answer message), and the whole body. */
  public record Answer(int messageId, int result, byte[] body) {}

  /** The terminal has no authenticated connection on this instance (or lost it before it answered). */
  public static final class NotConnected extends RuntimeException {
    NotConnected(String phone) {
      super("terminal " + phone + " is not connected here", null, false, false);
    }
  }

  /** A command awaited on one connection (a terminal that connects again gets a new one). */
  private record Awaited(TerminalHandler connection, int flow) {}

  private final ConnectedTerminals connected;
  private final TerminalParameterStore parameters;
  private final ConcurrentMap<Awaited, CompletableFuture<Answer>> awaiting = new ConcurrentHashMap<>();

  TerminalCommands(ConnectedTerminals connected, TerminalParameterStore parameters) {
    this.connected = connected;
    this.parameters = parameters;
  }

  /** Sends a message to the terminal with this phone number; its answer comes within {@code timeout} or never. */
  public CompletableFuture<Answer> send(String phone, int messageId, byte[] body, Duration timeout) {
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    Channel channel = connected.channel(phone);
    TerminalHandler handler = channel == null ? null : channel.pipeline().get(TerminalHandler.class);
    if (handler == null) {
      answer.completeExceptionally(new NotConnected(phone));
      return answer;
    }
    channel.eventLoop().execute(() -> {
      // on the connection's event loop: the answer cannot be read before it is awaited
      int flow = handler.command(phone, messageId, body);
      if (flow < 0) {
        answer.completeExceptionally(new NotConnected(phone));
        return;
      }
      Awaited key = new Awaited(handler, flow);
      awaiting.put(key, answer);
      answer.whenComplete((done, failed) -> awaiting.remove(key, answer));
    });
    return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The terminal on this connection answered the platform message with this flow number. */
  void answered(TerminalHandler connection, int flow, Answer answer) {
    CompletableFuture<Answer> waiting = awaiting.remove(new Awaited(connection, flow));
    if (waiting != null) {
      waiting.complete(answer);
    }
  }

  /** A connection closed (or logged out): no answer will come on it. */
  void closed(TerminalHandler connection, String phone) {
    awaiting.forEach((key, waiting) -> {
      if (key.connection() == connection) {
        waiting.completeExceptionally(new NotConnected(phone));
      }
    });
  }

  /** Stores a parameter answer (off the event loop); false when the phone is no longer bound. */
  boolean store(String phone, ParameterAnswer answer) {
    return parameters.replace(phone, answer, Instant.now());
  }
}
