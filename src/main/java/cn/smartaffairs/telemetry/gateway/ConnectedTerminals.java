package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.Header;
import cn.smartaffairs.telemetry.jt808.ProtocolVersion;
import cn.smartaffairs.telemetry.jt808.TerminalReply;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Component;

/**
 * The authenticated connections of this instance, by terminal phone number: a terminal that connects again replaces
 * (and closes) its old, half-open connection, and unbinding a terminal ends its connection.
 */
@Component
public class ConnectedTerminals {

  private final ConcurrentMap<String, Channel> byPhone = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, TerminalReply>> replyListeners = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<String>> attachListeners = new CopyOnWriteArrayList<>();

  /** A platform command's address: the header of the terminal's authentication and the flow number it goes under. */
  public record Outgoing(Header header, int flow) {}

  void attach(String phone, Channel channel) {
    Channel previous = byPhone.put(phone, channel);
    if (previous != null && previous != channel) {
      previous.close();
    }
    attachListeners.forEach(listener -> listener.accept(phone));
  }

  /** Hears each authentication of a terminal here, on its connection's event loop: hand it on. */
  public void onAttach(java.util.function.Consumer<String> listener) {
    attachListeners.add(listener);
  }

  void detach(String phone, Channel channel) {
    byPhone.remove(phone, channel);
  }

  /** Closes the connection of the terminal with this phone number, if it is connected here. */
  public void disconnect(String phone) {
    Channel channel = byPhone.remove(phone);
    if (channel != null) {
      channel.close();
    }
  }

  /**
   * Sends a platform command to the terminal with this phone number if it is authenticated on a connection here: the
   * connection's next flow number is taken, the body built for the terminal's edition, and {@code record} told the
   * flow number before the frame goes out — so the terminal's answer (0x0001) always finds it recorded. False when the
   * terminal is not connected here or {@code record} declines; never call it on a connection's event loop.
   */
  public boolean send(String phone, int messageId, Function<ProtocolVersion, byte[]> body, IntPredicate record) {
    Channel channel = byPhone.get(phone);
    TerminalHandler handler = channel == null ? null : channel.pipeline().get(TerminalHandler.class);
    if (handler == null || channel.eventLoop().inEventLoop()) {
      return false;
    }
    Outgoing to;
    try {
      to = channel.eventLoop().submit(handler::reserveFlow).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (to == null) {
      return false;
    }
    byte[] bytes = body.apply(to.header().version());
    if (!record.test(to.flow())) {
      return false;
    }
    channel.eventLoop().execute(() -> handler.sendCommand(messageId, to, bytes));
    return true;
  }

  /** Whether the terminal with this phone number is authenticated on a connection of this instance. */
  public boolean isConnected(String phone) {
    return byPhone.containsKey(phone);
  }

  /** Hears the general replies (0x0001) of authenticated terminals, on their connection's event loop: hand them on. */
  public void onReply(BiConsumer<String, TerminalReply> listener) {
    replyListeners.add(listener);
  }

  void replied(String phone, TerminalReply reply) {
    replyListeners.forEach(listener -> listener.accept(phone, reply));
  }

  /** The connection of the terminal with this phone number on this instance; null when it has none here. */
  Channel channel(String phone) {
    return byPhone.get(phone);
  }

  public int count() {
    return byPhone.size();
  }

  void closeAll() {
    byPhone.values().forEach(Channel::close);
    byPhone.clear();
  }
}
