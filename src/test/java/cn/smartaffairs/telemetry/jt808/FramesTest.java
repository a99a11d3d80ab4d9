package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.telemetry.HandMadeFrames;
import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** JT/T 808 framing: escaping, the XOR check code and the header of each edition. */
class FramesTest {

  /** What lies between the flags of a whole frame. */
  private static byte[] content(byte[] frame) {
    assertThat(frame[0]).isEqualTo((byte) 0x7E);
    assertThat(frame[frame.length - 1]).isEqualTo((byte) 0x7E);
    return Arrays.copyOfRange(frame, 1, frame.length - 1);
  }

  @Test
  void flagAndEscapeBytesAreSentAsTwoBytesEach() {
    assertThat(Frames.escape(hex("30 7e 08 7d 55"))).isEqualTo(hex("30 7d 02 08 7d 01 55"));
  }

  @Test
  void unescapingGivesBackFlagAndEscapeBytes() throws Exception {
    assertThat(Frames.unescape(hex("30 7d 02 08 7d 01 55"))).isEqualTo(hex("30 7e 08 7d 55"));
  }

  @Test
  void anEscapeByteFollowedByAnythingButOneOrTwoIsMalformed() {
    assertThatThrownBy(() -> Frames.unescape(hex("30 7d 03 55")))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.ESCAPE));
  }

  @Test
  void anEscapeByteAtTheEndIsMalformed() {
    assertThatThrownBy(() -> Frames.unescape(hex("30 55 7d")))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.ESCAPE));
  }

  @Test
  void aBareFlagInsideAFrameIsMalformed() {
    assertThatThrownBy(() -> Frames.unescape(hex("30 7e 55")))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.ESCAPE));
  }

  @Test
  void theCheckCodeIsTheXorOfHeaderAndBody() {
    byte[] heartbeatHeader = hex("0002 0000 013912345678 0001");
    assertThat(Frames.checksum(heartbeatHeader, 0, heartbeatHeader.length)).isEqualTo((byte) 0x33);
  }

  @Test
  void aHeartbeatOf2013IsReadFromItsBytes() throws Exception {
    Frame frame = Frames.decode(hex("0002 0000 013912345678 0001 33"));

    assertThat(frame.messageId()).isEqualTo(0x0002);
    assertThat(frame.header().version()).isEqualTo(ProtocolVersion.V2013);
    assertThat(frame.header().phoneDigits()).isEqualTo("013912345678");
    assertThat(frame.header().phone()).isEqualTo("13912345678");
    assertThat(frame.header().flowNumber()).isEqualTo(1);
    assertThat(frame.header().subPackaged()).isFalse();
    assertThat(frame.body()).isEmpty();
  }

  @Test
  void aWrongCheckCodeIsMalformed() {
    assertThatThrownBy(() -> Frames.decode(hex("0002 0000 013912345678 0001 34")))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.CHECKSUM));
  }

  @Test
  void aBodyLongerOrShorterThanTheHeaderSaysIsMalformed() {
    byte[] saysFour = HandMadeFrames.wrap(hex("0102 0004 013912345678 0002 414243"));
    assertThatThrownBy(() -> Frames.decode(content(saysFour)))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.LENGTH));
  }

  @Test
  void fewerBytesThanAHeaderAreMalformed() {
    assertThatThrownBy(() -> Frames.decode(hex("0002 0000 0139 00")))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.HEADER));
  }

  @Test
  void aPhoneThatIsNotBcdIsMalformed() {
    byte[] frame = HandMadeFrames.wrap(hex("0002 0000 0139123456ab 0001"));
    assertThatThrownBy(() -> Frames.decode(content(frame)))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.HEADER));
  }

  @Test
  void aBodyWithFlagAndEscapeBytesComesBackWhole() throws Exception {
    byte[] body = hex("7e 7d 00 7e");
    byte[] frame = HandMadeFrames.frame2013(0x0102, "013912345678", 9, body);
    assertThat(frame.length).isGreaterThan(1 + 12 + 4 + 1 + 1);

    Frame read = Frames.decode(content(frame));

    assertThat(read.body()).isEqualTo(body);
    assertThat(read.header().flowNumber()).isEqualTo(9);
  }

  @Test
  void aHeaderOf2019CarriesItsVersionByteAndTwentyPhoneDigits() throws Exception {
    byte[] frame = HandMadeFrames.frame2019(0x0002, 1, "00000000013912345678", 0x1234, new byte[0]);

    Frame read = Frames.decode(content(frame));

    assertThat(read.header().version()).isEqualTo(ProtocolVersion.V2019);
    assertThat(read.header().protocolVersionNumber()).isEqualTo(1);
    assertThat(read.header().phoneDigits()).isEqualTo("00000000013912345678");
    assertThat(read.header().phone()).isEqualTo("13912345678");
    assertThat(read.header().flowNumber()).isEqualTo(0x1234);
    assertThat(read.header().length()).isEqualTo(17);
  }

  @Test
  void aSubPackageCarriesItsTotalAndIndex() throws Exception {
    byte[] frame = HandMadeFrames.subPackage2013(0x0704, "013912345678", 5, 3, 2, hex("0102"));

    Frame read = Frames.decode(content(frame));

    assertThat(read.header().subPackaged()).isTrue();
    assertThat(read.header().packageCount()).isEqualTo(3);
    assertThat(read.header().packageIndex()).isEqualTo(2);
    assertThat(read.body()).isEqualTo(hex("0102"));
  }

  @Test
  void aSubPackageIndexBeyondItsTotalIsMalformed() {
    byte[] frame = HandMadeFrames.subPackage2013(0x0704, "013912345678", 5, 2, 3, hex("0102"));
    assertThatThrownBy(() -> Frames.decode(content(frame)))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.HEADER));
  }

  @Test
  void theEncryptionBitsAreRead() throws Exception {
    byte[] frame = HandMadeFrames.wrap(hex("0002 0400 013912345678 0001"));
    assertThat(Frames.decode(content(frame)).header().encryption()).isEqualTo(1);
  }

  @Test
  void aReplyTo2013CarriesTheTerminalsPhoneDigitsAndTheCheckCode() throws Exception {
    Header terminal = Frames.decode(hex("0002 0000 013912345678 0001 33")).header();

    byte[] reply = Frames.encode(0x8001, terminal, 7, PlatformMessages.generalReply(1, 0x0002, 0));

    assertThat(reply).isEqualTo(HandMadeFrames.frame2013(0x8001, "013912345678", 7, hex("0001 0002 00")));
  }

  @Test
  void aReplyTo2019HasA2019Header() throws Exception {
    byte[] heartbeat = HandMadeFrames.frame2019(0x0002, 1, "00000000013912345678", 3, new byte[0]);
    Header terminal = Frames.decode(content(heartbeat)).header();

    byte[] reply = Frames.encode(0x8001, terminal, 8, PlatformMessages.generalReply(3, 0x0002, 0));

    assertThat(reply).isEqualTo(HandMadeFrames.frame2019(0x8001, 1, "00000000013912345678", 8, hex("0003 0002 00")));
  }

  @Test
  void aReplyWhoseBytesNeedEscapingIsEscaped() throws Exception {
    Header terminal = Frames.decode(hex("0002 0000 013912345678 0001 33")).header();

    byte[] reply = Frames.encode(0x8001, terminal, 0x7e7d, PlatformMessages.generalReply(0x7d7e, 0x0200, 0));

    assertThat(reply).isEqualTo(HandMadeFrames.frame2013(0x8001, "013912345678", 0x7e7d, hex("7d7e 0200 00")));
    assertThat(Arrays.copyOfRange(reply, 1, reply.length - 1)).doesNotContain((byte) 0x7E);
  }
}
