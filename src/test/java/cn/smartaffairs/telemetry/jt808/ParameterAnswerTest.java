package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** 查询终端参数应答 (0x0104): reply flow number, parameter count, then id DWORD, length BYTE and value per parameter. */
class ParameterAnswerTest {

  private static final Charset GBK = Charset.forName("GBK");

  private static ParameterAnswer read(byte[] body) throws MalformedFrameException {
    return ParameterAnswer.decode(new BodyReader(body));
  }

  @Test
  void theParametersAreReadAsTheStandardWritesThem() throws Exception {
    byte[] address = "gps.yx.gov.cn".getBytes(GBK);
    byte[] plate = "云A·12345".getBytes(GBK);
    byte[] body = new Body().u16(0x0102).u8(8)
        .u32(0x0001).u8(4).u32(60) // heartbeat, seconds
        .u32(0x0013).u8(address.length).bytes(address) // main server address, STRING
        .u32(0x0018).u8(4).u32(6808) // TCP port
        .u32(0x0029).u8(4).u32(30) // default reporting interval, seconds
        .u32(0x0055).u8(4).u32(120) // maximum speed, km/h
        .u32(0x0080).u8(4).u32(123_456) // odometer, 1/10 km
        .u32(0x0083).u8(plate.length + 1).bytes(plate).u8(0) // plate, STRING ended by a zero byte
        .u32(0xF0A1).u8(3).bytes(hex("0a0b0c")) // a maker's own parameter
        .bytes();

    ParameterAnswer answer = read(body);

    assertThat(answer.replyFlow()).isEqualTo(0x0102);
    assertThat(answer.items()).extracting(ParameterAnswer.Item::id)
        .containsExactly(0x0001L, 0x0013L, 0x0018L, 0x0029L, 0x0055L, 0x0080L, 0x0083L, 0xF0A1L);
    assertThat(answer.items()).extracting(item -> TerminalParameter.text(item.id(), item.value()))
        .containsExactly("60", "gps.yx.gov.cn", "6808", "30", "120", "12345.6", "云A·12345", "0a0b0c");
    assertThat(TerminalParameter.of(0x0001)).isEqualTo(TerminalParameter.HEARTBEAT_INTERVAL);
    assertThat(TerminalParameter.of(0x0001).unit()).isEqualTo(TerminalParameter.Unit.SECONDS);
    assertThat(TerminalParameter.of(0x0080).unit()).isEqualTo(TerminalParameter.Unit.KM);
    assertThat(TerminalParameter.of(0xF0A1)).isNull();
    assertThat(TerminalParameter.hexId(0x0055)).isEqualTo("0x0055");
  }

  @Test
  void aValueOfTheWrongLengthForItsParameterIsShownAsBytes() {
    assertThat(TerminalParameter.text(0x0001, hex("003c"))).isEqualTo("003c");
    assertThat(TerminalParameter.text(0x0081, hex("0035"))).isEqualTo("53");
    assertThat(TerminalParameter.text(0x0084, hex("02"))).isEqualTo("2");
    assertThat(TerminalParameter.text(0x0050, hex("00000003"))).isEqualTo("0x00000003");
    assertThat(TerminalParameter.text(0x0001, hex("ffffffff"))).isEqualTo("4294967295");
  }

  @Test
  void anAnswerWithNoParametersIsAnAnswer() throws Exception {
    ParameterAnswer answer = read(hex("0007 00"));
    assertThat(answer.replyFlow()).isEqualTo(7);
    assertThat(answer.items()).isEmpty();
  }

  @Test
  void anAnswerThatEndsEarlyOrRunsOnIsMalformed() {
    // two parameters announced, one sent
    assertThatThrownBy(() -> read(hex("0001 02 00000001 04 0000003c"))).isInstanceOf(MalformedFrameException.class)
        .extracting(e -> ((MalformedFrameException) e).fault()).isEqualTo(Fault.BODY);
    // a value shorter than its length
    assertThatThrownBy(() -> read(hex("0001 01 00000001 04 003c"))).isInstanceOf(MalformedFrameException.class);
    // bytes after the last parameter
    assertThatThrownBy(() -> read(hex("0001 01 00000001 04 0000003c ff"))).isInstanceOf(MalformedFrameException.class);
  }
}
