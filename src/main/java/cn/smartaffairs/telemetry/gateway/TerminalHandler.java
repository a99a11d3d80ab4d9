package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.Authentication;
import cn.smartaffairs.telemetry.jt808.BatchUpload;
import cn.smartaffairs.telemetry.jt808.Frame;
import cn.smartaffairs.telemetry.jt808.Frames;
import cn.smartaffairs.telemetry.jt808.Header;
import cn.smartaffairs.telemetry.jt808.MalformedFrameException;
import cn.smartaffairs.telemetry.jt808.MessageIds;
import cn.smartaffairs.telemetry.jt808.ParameterAnswer;
import cn.smartaffairs.telemetry.jt808.PlatformMessages;
import cn.smartaffairs.telemetry.jt808.PositionReport;
import cn.smartaffairs.telemetry.jt808.Registration;
import cn.smartaffairs.telemetry.jt808.TerminalReply;
import cn.smartaffairs.telemetry.store.PositionRecord;
import cn.smartaffairs.telemetry.store.PositionWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal connection. Its state is touched only on the connection's event loop; registration and authentication,
 * which read the database, run on a worker pool while the connection's later frames wait in order, so a terminal that
 * sends its authentication and first position in one packet is answered as if they came one after the other.
 * Positions go to the {@link PositionWriter} and are acknowledged when their batch has committed. A malformed frame
 * is counted and logged, and the connection goes on.
 */
final class TerminalHandler extends SimpleChannelInboundHandler<byte[]> {

  private static final Logger log = LoggerFactory.getLogger(TerminalHandler.class);
  /** Frames waiting behind a registration or authentication; more are dropped unanswered (the terminal resends). */
  private static final int MOST_WAITING = 1024;
  /** Malformed frames logged per connection at INFO; the rest at DEBUG (the counters count them all). */
  private static final int MALFORMED_LOGGED = 3;

  private final TerminalRegistry registry;
  private final PositionWriter writer;
  private final GatewayMetrics metrics;
  private final ConnectedTerminals connected;
  private final Executor blocking;
  private final TerminalCommands commands;

  private Channel channel;
  private final Deque<Frame> waiting = new ArrayDeque<>();
  private final SubPackages subPackages = new SubPackages();
  private boolean busy;
  private int nextFlow;
  private int malformedSeen;
  /** Set by a successful authentication: the terminal's phone and its vehicle. */
  private String phone;
  private Long vehicleId;
  /** The header of the terminal's authentication: its edition and phone digits, for the platform's commands. */
  private Header authenticatedAs;

  TerminalHandler(TerminalRegistry registry, PositionWriter writer, GatewayMetrics metrics,
      ConnectedTerminals connected, Executor blocking, TerminalCommands commands) {
    this.registry = registry;
    this.writer = writer;
    this.metrics = metrics;
    this.connected = connected;
    this.blocking = blocking;
    this.commands = commands;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    channel = ctx.channel();
    metrics.opened();
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    metrics.closed();
    if (phone != null) {
      connected.detach(phone, channel);
    }
    commands.closed(this, phone);
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      log.debug("closing the silent connection of terminal {} from {}", phone, channel.remoteAddress());
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("connection of terminal {} from {} failed: {}", phone, channel.remoteAddress(), cause.getMessage());
      ctx.close();
    } else {
      log.warn("unexpected failure on the connection of terminal {} from {}", phone, channel.remoteAddress(), cause);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, byte[] content) {
    metrics.frame();
    Frame frame;
    try {
      frame = Frames.decode(content);
    } catch (MalformedFrameException e) {
      malformed(e, content);
      return;
    }
    if (busy) {
      if (waiting.size() >= MOST_WAITING) {
        metrics.dropped();
        return;
      }
      waiting.add(frame);
      return;
    }
    handle(frame);
  }

  private void handle(Frame frame) {
    Header header = frame.header();
    if (header.encryption() != 0) {
      // RSA-encrypted bodies need the terminal's key exchange (0x0A00/0x8A00), not supported yet
      reply(Message.of(frame), MessageIds.NOT_SUPPORTED);
      return;
    }
    Message message = header.subPackaged() ? subPackages.add(frame) : Message.of(frame);
    if (message == null) {
      return; // more sub-packages to come; all are answered once the whole message is handled
    }
    try {
      switch (header.messageId()) {
        case MessageIds.HEARTBEAT -> reply(message, MessageIds.OK);
        case MessageIds.TERMINAL_REPLY -> {
          TerminalReply reply = TerminalReply.decode(message.reader());
          log.debug("terminal {} answered {} of message {}", header.phone(), reply.result(), reply.replyFlow());
          if (header.phone().equals(phone)) {
            connected.replied(phone, reply);
          }
          commands.answered(this, reply.replyFlow(),
              new TerminalCommands.Answer(MessageIds.TERMINAL_REPLY, reply.result(), message.body()));
        }
        case MessageIds.REGISTRATION -> register(message);
        case MessageIds.AUTHENTICATION -> authenticate(message);
        case MessageIds.LOGOUT -> logout(message);
        case MessageIds.POSITION -> store(message, List.of(PositionReport.decode(message.reader())));
        case MessageIds.BATCH_POSITIONS -> store(message, BatchUpload.decode(message.reader()).positions());
        case MessageIds.PARAMETERS_ANSWER -> parameters(message, ParameterAnswer.decode(message.reader()));
        default -> reply(message, MessageIds.NOT_SUPPORTED);
      }
    } catch (MalformedFrameException e) {
      malformed(e, null);
      reply(message, MessageIds.MESSAGE_ERROR);
    }
  }

  private void register(Message message) throws MalformedFrameException {
    Registration registration = Registration.decode(message.reader(), message.header());
    String terminalPhone = message.header().phone();
    blocking(message, () -> registry.register(terminalPhone, registration), outcome -> {
      log.info("terminal {} ({}, {}) registered with result {}", terminalPhone, registration.terminalId(),
          registration.plate(), outcome.result());
      send(MessageIds.REGISTRATION_REPLY, message.header(),
          PlatformMessages.registrationReply(message.header().flowNumber(), outcome.result(), outcome.authCode()));
    });
  }

  private void authenticate(Message message) throws MalformedFrameException {
    Authentication authentication = Authentication.decode(message.reader(), message.header());
    String terminalPhone = message.header().phone();
    blocking(message, () -> registry.authenticate(terminalPhone, authentication.authCode()), authenticated -> {
      if (authenticated.isPresent()) {
        if (phone != null && !phone.equals(terminalPhone)) {
          connected.detach(phone, channel);
        }
        phone = terminalPhone;
        vehicleId = authenticated.get().vehicleId();
        authenticatedAs = message.header();
        connected.attach(phone, channel);
        reply(message, MessageIds.OK);
      } else {
        log.info("terminal {} from {} failed to authenticate", terminalPhone, channel.remoteAddress());
        reply(message, MessageIds.FAILED);
      }
    });
  }

  private void logout(Message message) {
    reply(message, MessageIds.OK);
    if (phone != null) {
      connected.detach(phone, channel);
    }
    commands.closed(this, phone);
    phone = null;
    vehicleId = null;
    authenticatedAs = null;
  }

  /** Stores a parameter answer (0x0104), then acknowledges it and hands it to whoever awaits it. */
  private void parameters(Message message, ParameterAnswer answer) {
    if (phone == null || !message.header().phone().equals(phone)) {
      reply(message, MessageIds.FAILED);
      return;
    }
    String terminalPhone = phone;
    blocking(message, () -> commands.store(terminalPhone, answer), stored -> {
      reply(message, stored ? MessageIds.OK : MessageIds.FAILED);
      commands.answered(this, answer.replyFlow(),
          new TerminalCommands.Answer(MessageIds.PARAMETERS_ANSWER, 0, message.body()));
    });
  }

  /**
   * Sends a platform command to this connection's terminal (on its event loop); answers the flow number it went out
   * with, or -1 when the connection is not (or no longer) the terminal's with this phone number.
   */
  int command(String terminalPhone, int messageId, byte[] body) {
    if (authenticatedAs == null || !terminalPhone.equals(phone) || !channel.isActive()) {
      return -1;
    }
    return send(messageId, authenticatedAs, body);
  }

  /** Stores the positions of a message; it is answered once they are committed, or refused. */
  private void store(Message message, List<PositionReport> reports) {
    if (vehicleId == null || !message.header().phone().equals(phone)) {
      metrics.refusedUnauthenticated(reports.size());
      reply(message, MessageIds.FAILED);
      return;
    }
    long arrived = System.nanoTime();
    Instant received = Instant.now();
    long vehicle = vehicleId;
    List<PositionRecord> positions = reports.stream().map(r -> new PositionRecord(vehicle, r, received)).toList();
    writer.submit(positions, stored -> channel.eventLoop().execute(() -> {
      if (stored) {
        metrics.acknowledged(positions.size(), arrived);
      } else {
        metrics.refusedUnstored(positions.size());
      }
      reply(message, stored ? MessageIds.OK : MessageIds.FAILED);
    }));
  }

  /** Runs a database step off the event loop; the connection's next frames wait until its answer is sent. */
  private <T> void blocking(Message message, Supplier<T> step, Consumer<T> answer) {
    busy = true;
    blocking.execute(() -> {
      T result = null;
      RuntimeException failure = null;
      try {
        result = step.get();
      } catch (RuntimeException e) {
        failure = e;
      }
      T outcome = result;
      RuntimeException failed = failure;
      channel.eventLoop().execute(() -> {
        if (failed != null) {
          log.warn("message {} of terminal {} failed", Integer.toHexString(message.header().messageId()),
              message.header().phone(), failed);
          reply(message, MessageIds.FAILED);
        } else {
          answer.accept(outcome);
        }
        busy = false;
        while (!busy && !waiting.isEmpty()) {
          handle(waiting.poll());
        }
      });
    });
  }

  /** 0x8001 to every package of the message. */
  private void reply(Message message, int result) {
    for (int flow : message.flows()) {
      send(MessageIds.PLATFORM_REPLY, message.header(),
          PlatformMessages.generalReply(flow, message.header().messageId(), result));
    }
  }

  private int send(int messageId, Header to, byte[] body) {
    int flow = nextFlow;
    nextFlow = (nextFlow + 1) & 0xFFFF;
    channel.writeAndFlush(Unpooled.wrappedBuffer(Frames.encode(messageId, to, flow, body)));
    return flow;
  }

  private void malformed(MalformedFrameException e, byte[] content) {
    metrics.malformed(e.fault());
    if (++malformedSeen <= MALFORMED_LOGGED) {
      log.info("malformed JT/T 808 frame from {} (terminal {}): {}", channel.remoteAddress(), phone, e.getMessage());
    } else if (log.isDebugEnabled()) {
      log.debug("malformed JT/T 808 frame from {}: {} {}", channel.remoteAddress(), e.getMessage(),
          content == null ? "" : io.netty.buffer.ByteBufUtil.hexDump(content));
    }
  }

  /**
   * The connection's next flow number for a platform command, and the header to address it with (on the event loop);
   * null unless the terminal is authenticated.
   */
  ConnectedTerminals.Outgoing reserveFlow() {
    if (authenticatedAs == null) {
      return null;
    }
    int flow = nextFlow;
    nextFlow = (nextFlow + 1) & 0xFFFF;
    return new ConnectedTerminals.Outgoing(authenticatedAs, flow);
  }

  /** Sends a platform command under the flow number reserved for it (on the event loop). */
  void sendCommand(int messageId, ConnectedTerminals.Outgoing to, byte[] body) {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.wrappedBuffer(Frames.encode(messageId, to.header(), to.flow(), body)));
    }
  }

  /** Whether this connection's terminal is authenticated (tests). */
  Optional<Long> vehicle() {
    return Optional.ofNullable(vehicleId);
  }
}
