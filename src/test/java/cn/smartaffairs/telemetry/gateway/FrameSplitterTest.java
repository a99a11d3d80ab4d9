package cn.smartaffairs.telemetry.gateway;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.telemetry.HandMadeFrames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cutting the TCP stream into frames, however the packets split or merge them. */
class FrameSplitterTest {

  private static final byte[] HEARTBEAT = HandMadeFrames.frame2013(0x0002, "013912345678", 1, new byte[0]);
  private static final byte[] AUTH = HandMadeFrames.frame2013(0x0102, "013912345678", 2, "ABCD".getBytes());

  private GatewayMetrics metrics;
  private EmbeddedChannel channel;

  @BeforeEach
  void setUp() {
    metrics = new GatewayMetrics(new SimpleMeterRegistry());
    channel = new EmbeddedChannel(new FrameSplitter(metrics));
  }

  private List<byte[]> send(byte[]... packets) {
    for (byte[] packet : packets) {
      channel.writeInbound(Unpooled.wrappedBuffer(packet));
    }
    List<byte[]> frames = new ArrayList<>();
    byte[] frame;
    while ((frame = channel.readInbound()) != null) {
      frames.add(frame);
    }
    return frames;
  }

  private static byte[] inner(byte[] frame) {
    return Arrays.copyOfRange(frame, 1, frame.length - 1);
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  @Test
  void twoFramesInOnePacketAreTwoFrames() {
    assertThat(send(concat(HEARTBEAT, AUTH))).containsExactly(inner(HEARTBEAT), inner(AUTH));
    assertThat(metrics.malformedCount()).isZero();
  }

  @Test
  void aFrameOverTwoPacketsIsOneFrame() {
    byte[] first = Arrays.copyOfRange(AUTH, 0, 7);
    byte[] rest = Arrays.copyOfRange(AUTH, 7, AUTH.length);

    assertThat(send(first)).isEmpty();
    assertThat(send(rest)).containsExactly(inner(AUTH));
  }

  @Test
  void aFrameByteByByteIsOneFrame() {
    List<byte[]> frames = new ArrayList<>();
    for (byte b : AUTH) {
      frames.addAll(send(new byte[] {b}));
    }
    assertThat(frames).containsExactly(inner(AUTH));
  }

  @Test
  void aPacketEndingInTheMiddleOfTheSecondFrameGivesTheFirstNowAndTheSecondLater() {
    byte[] both = concat(HEARTBEAT, AUTH);
    int cut = HEARTBEAT.length + 3;

    assertThat(send(Arrays.copyOfRange(both, 0, cut))).containsExactly(inner(HEARTBEAT));
    assertThat(send(Arrays.copyOfRange(both, cut, both.length))).containsExactly(inner(AUTH));
  }

  @Test
  void twoFramesSharingOneFlagAreTwoFrames() {
    byte[] shared = concat(HEARTBEAT, Arrays.copyOfRange(AUTH, 1, AUTH.length));

    assertThat(send(shared)).containsExactly(inner(HEARTBEAT), inner(AUTH));
  }

  @Test
  void bytesBeforeTheFirstFlagAreCountedAndDropped() {
    assertThat(send(concat(hex("0102 03"), HEARTBEAT))).containsExactly(inner(HEARTBEAT));
    assertThat(metrics.malformedCount()).isEqualTo(1);
  }

  @Test
  void aFrameLongerThanTheStandardAllowsIsCountedAndTheNextOneStillComes() {
    byte[] endless = new byte[FrameSplitter.MOST_ESCAPED + 10];
    Arrays.fill(endless, (byte) 0x11);
    endless[0] = 0x7E;

    assertThat(send(endless)).isEmpty();
    assertThat(send(HEARTBEAT)).containsExactly(inner(HEARTBEAT));
    assertThat(metrics.malformedCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFrameWithoutItsOpeningFlagCostsOnlyItself() {
    byte[] headless = Arrays.copyOfRange(AUTH, 1, AUTH.length);

    List<byte[]> frames = send(concat(headless, HEARTBEAT));

    assertThat(frames).containsExactly(inner(HEARTBEAT));
  }
}
