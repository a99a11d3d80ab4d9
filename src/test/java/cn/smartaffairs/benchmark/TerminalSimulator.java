package cn.smartaffairs.benchmark;

import cn.smartaffairs.telemetry.HandMadeFrames;
import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many JT/T 808 terminals on one machine: each connects, registers (plate colour 0, so no plate is checked),
 * authenticates with the code it got, then reports positions, keeping {@code window} of them unanswered at a time —
 * a new one goes out as soon as one is acknowledged — or, paced ({@code intervalMillis} > 0), one every interval
 * whatever was answered, as real terminals do (then the offered rate is terminals ÷ interval, and latency is not bounded
 * by a window). Every fourth terminal speaks 2019, the others 2013. Frames are
 * composed with the tests' own {@link HandMadeFrames}, not the gateway's encoder. Positions of terminal i are one
 * second apart from {@code base}, so each (terminal, time) is one row; acknowledged ones are kept to be checked.
 */
final class TerminalSimulator {

  private static final Charset GBK = Charset.forName("GBK");
  private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

  /** What a run measured, from the end of the warm-up. */
  record Result(int connected, long acknowledged, long refused, long seconds, double[] latencyMillis,
      List<String> acknowledgedPositions, List<String> bySecond) {
    double percentile(double p) {
      if (latencyMillis.length == 0) {
        return Double.NaN;
      }
      return latencyMillis[Math.min(latencyMillis.length - 1, (int) Math.ceil(p * latencyMillis.length) - 1)];
    }
  }

  private final String host;
  private final int port;
  private final int terminals;
  private final long firstPhone;
  private final int window;
  private final long intervalMillis;
  private final LocalDateTime base;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> acknowledgedPositions = new ConcurrentLinkedQueue<>();
  private final CountDownLatch reporting;
  private volatile boolean measuring;
  private volatile boolean sending = true;

  TerminalSimulator(String host, int port, int terminals, long firstPhone, int window, long intervalMillis,
      LocalDateTime base) {
    this.intervalMillis = intervalMillis;
    this.host = host;
    this.port = port;
    this.terminals = terminals;
    this.firstPhone = firstPhone;
    this.window = window;
    this.base = base;
    this.reporting = new CountDownLatch(terminals);
  }

  Result run(int warmUpSeconds, int seconds) throws InterruptedException {
    EventLoopGroup group = new NioEventLoopGroup(1);
    try {
      Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < terminals; i++) {
        Terminal terminal = new Terminal(i);
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new Replies(), terminal);
          }
        }).connect(host, port);
        channels.add(connected.channel());
        if (i % 100 == 99) {
          connected.awaitUninterruptibly(); // a few hundred connections at a time, as after a network outage
        }
      }
      if (!reporting.await(300, TimeUnit.SECONDS)) {
        System.err.printf("only %d of %d terminals authenticated%n", terminals - reporting.getCount(), terminals);
      }
      System.err.println("all terminals reporting"); // bin/benchmark-telemetry waits for this line
      Thread.sleep(warmUpSeconds * 1000L);
      measuring = true;
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      measuring = false;
      long elapsed = System.nanoTime() - start;
      sending = false;
      Thread.sleep(2000); // answers still on their way count for the durability check, not for the rate
      channels.forEach(Channel::close);
      double[] millis = latencies.stream().mapToDouble(l -> l[0] / 1e6).sorted().toArray();
      return new Result((int) (terminals - reporting.getCount()), acknowledged.get(), refused.get(),
          Math.round(elapsed / 1e9), millis, List.copyOf(acknowledgedPositions), bySecond(start));
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /**
   * The latencies by the second of the run in which the position was sent (second, count, p50, p99, max): a tail spread
   * evenly over the run is waiting for a core, one in a few seconds is a pause or a job.
   */
  private List<String> bySecond(long start) {
    Map<Long, List<Double>> seconds = new java.util.TreeMap<>();
    for (long[] latency : latencies) {
      seconds.computeIfAbsent((latency[1] - start) / 1_000_000_000L, s -> new ArrayList<>()).add(latency[0] / 1e6);
    }
    List<String> lines = new ArrayList<>();
    seconds.forEach((second, millis) -> {
      double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      lines.add(String.format("%d %d %.1f %.1f %.1f", second, sorted.length, sorted[(sorted.length - 1) / 2],
          sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1)], sorted[sorted.length - 1]));
    });
    return lines;
  }

  /** One terminal: its phone, edition, flow numbers and the positions it waits to hear about. */
  private final class Terminal extends SimpleChannelInboundHandler<byte[]> {
    private final String phone;
    private final boolean v2019;
    private final String terminalId;
    private final Map<Integer, long[]> unanswered = new HashMap<>();
    private int flow;
    private int seq;

    Terminal(int index) {
      this.phone = String.valueOf(firstPhone + index);
      this.v2019 = index % 4 == 3;
      this.terminalId = String.format("B%06d", index);
    }

    private byte[] frame(int id, byte[] body) {
      int f = flow;
      flow = (flow + 1) & 0xFFFF;
      return v2019
          ? HandMadeFrames.frame2019(id, 1, "0".repeat(20 - phone.length()) + phone, f, body)
          : HandMadeFrames.frame2013(id, "0".repeat(12 - phone.length()) + phone, f, body);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      byte[] registration = v2019
          ? new Body().u16(53).u16(100).text("SIM2019", 11).text("simulator", 30).text(terminalId, 30).u8(0)
              .text("LSVAU033512345678").bytes()
          : new Body().u16(53).u16(100).text("SIM13", 5).text("simulator", 20).text(terminalId, 7).u8(0)
              .text("LSVAU033512345678").bytes();
      ctx.writeAndFlush(Unpooled.wrappedBuffer(frame(0x0100, registration)));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] reply) {
      int id = ((reply[0] & 0xFF) << 8) | (reply[1] & 0xFF);
      byte[] body = Arrays.copyOfRange(reply, v2019 ? 17 : 12, reply.length);
      if (id == 0x8100) {
        if (body[2] != 0) {
          System.err.printf("terminal %s: registration refused with %d%n", phone, body[2]);
          ctx.close();
          return;
        }
        String code = new String(body, 3, body.length - 3, GBK);
        byte[] authentication = v2019
            ? new Body().u8(code.length()).text(code).text("860000000000000", 15).text("sim", 20).bytes()
            : code.getBytes(GBK);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(frame(0x0102, authentication)));
        return;
      }
      int answered = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
      int answeredId = ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
      int result = body[4];
      if (answeredId == 0x0102) {
        if (result != 0) {
          System.err.printf("terminal %s: authentication refused with %d%n", phone, result);
          ctx.close();
          return;
        }
        reporting.countDown();
        if (intervalMillis > 0) {
          // spread over the interval, so that the terminals do not all report in the same millisecond
          ctx.executor().scheduleAtFixedRate(() -> {
            if (sending && ctx.channel().isActive()) {
              sendPosition(ctx);
              ctx.flush();
            }
          }, Math.floorMod(phone.hashCode(), (int) intervalMillis), intervalMillis, TimeUnit.MILLISECONDS);
          return;
        }
        for (int i = 0; i < window; i++) {
          sendPosition(ctx);
        }
        ctx.flush();
        return;
      }
      long[] sent = unanswered.remove(answered);
      if (sent == null) {
        return;
      }
      if (result == 0) {
        acknowledgedPositions.add(phone + "," + sent[1]);
        if (measuring) {
          acknowledged.incrementAndGet();
          latencies.add(new long[] {System.nanoTime() - sent[0], sent[0]});
        }
      } else if (measuring) {
        refused.incrementAndGet();
      }
      if (sending && intervalMillis == 0) {
        sendPosition(ctx);
        ctx.flush();
      }
    }

    private void sendPosition(ChannelHandlerContext ctx) {
      int s = seq++;
      long latitude = 25_000_000 + (s % 10_000) * 10L;
      byte[] body = HandMadeFrames.position(0, 0b11, latitude, 102_700_000 + Math.abs(phone.hashCode() % 100_000),
          1900, 400 + s % 200, s % 360, base.plusSeconds(s).format(BCD_TIME))
          .item(0x01, new Body().u32(100_000 + s).bytes()).bytes();
      int f = flow;
      unanswered.put(f, new long[] {System.nanoTime(), s});
      ctx.write(Unpooled.wrappedBuffer(frame(0x0200, body)));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Cuts the platform's stream at the flags and undoes the escaping (the check code is dropped unread). */
  private static final class Replies extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      while (true) {
        int start = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0x7E);
        if (start < 0) {
          in.readerIndex(in.writerIndex());
          return;
        }
        int end = in.indexOf(start + 1, in.writerIndex(), (byte) 0x7E);
        if (end < 0) {
          in.readerIndex(start);
          return;
        }
        if (end > start + 1) {
          ByteArrayOutputStream raw = new ByteArrayOutputStream(end - start);
          for (int i = start + 1; i < end; i++) {
            byte b = in.getByte(i);
            if (b == 0x7D) {
              raw.write(in.getByte(++i) == 0x01 ? 0x7D : 0x7E);
            } else {
              raw.write(b);
            }
          }
          byte[] withCheckCode = raw.toByteArray();
          byte[] bytes = Arrays.copyOf(withCheckCode, withCheckCode.length - 1);
          out.add(bytes);
        }
        in.readerIndex(end + 1);
      }
    }
  }
}
