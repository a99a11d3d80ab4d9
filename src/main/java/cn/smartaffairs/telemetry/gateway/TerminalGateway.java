package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.TelemetryProperties;
import cn.smartaffairs.telemetry.store.PositionWriter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * 车载终端接入网关: the JT/T 808 TCP server (Netty) on {@code affairs.telemetry.port} (6808), unless
 * {@code affairs.telemetry.enabled} is false. Starts after the position writer and stops before it, so every position
 * taken is stored and answered while connections are open.
 */
@Component
public class TerminalGateway implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TerminalGateway.class);
  /** Registrations and authentications read the database: a few threads, whatever the connections. */
  private static final int DATABASE_WORKERS = 4;

  private final TelemetryProperties properties;
  private final TerminalRegistry registry;
  private final PositionWriter writer;
  private final GatewayMetrics metrics;
  private final ConnectedTerminals connected;
  private final TerminalCommands commands;
  private EventLoopGroup acceptors;
  private EventLoopGroup workers;
  private ExecutorService blocking;
  private Channel server;

  TerminalGateway(TelemetryProperties properties, TerminalRegistry registry, PositionWriter writer,
      GatewayMetrics metrics, ConnectedTerminals connected, TerminalCommands commands) {
    this.properties = properties;
    this.registry = registry;
    this.writer = writer;
    this.metrics = metrics;
    this.connected = connected;
    this.commands = commands;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled() || server != null) {
      return;
    }
    acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("telemetry-accept", true));
    workers = new NioEventLoopGroup(properties.ioThreads(), new DefaultThreadFactory("telemetry-io", true));
    blocking = new ThreadPoolExecutor(DATABASE_WORKERS, DATABASE_WORKERS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new DefaultThreadFactory("telemetry-terminals", true));
    long idleSeconds = Math.max(1, properties.idleTimeout().toSeconds());
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptors, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.SO_KEEPALIVE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(
                new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS),
                new FrameSplitter(metrics),
                new TerminalHandler(registry, writer, metrics, connected, blocking, commands));
          }
        });
    try {
      server = bootstrap.bind(properties.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutDownGroups();
      throw new IllegalStateException("the JT/T 808 gateway cannot listen on port " + properties.port()
          + " (affairs.telemetry.port; affairs.telemetry.enabled=false switches it off)", e);
    }
    log.info("JT/T 808 gateway listening on port {}", port());
  }

  /** The port the gateway listens on (the one chosen when configured as 0); -1 when it is not running. */
  public synchronized int port() {
    return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.close().syncUninterruptibly();
    connected.closeAll();
    shutDownGroups();
    server = null;
  }

  private void shutDownGroups() {
    acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    blocking.shutdown();
  }

  @Override
  public synchronized boolean isRunning() { return server != null; }

  @Override
  public int getPhase() {
    // after the position writer (DEFAULT_PHASE - 4096), so it stops first
    return SmartLifecycle.DEFAULT_PHASE - 3072;
  }
}
