package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** 8421 BCD: phone numbers and times. */
class BcdTest {

  @Test
  void twoDigitsToAByteHighNibbleFirst() throws Exception {
    assertThat(Bcd.digits(hex("013912345678"), 0, 6, Fault.HEADER)).isEqualTo("013912345678");
  }

  @Test
  void aNibbleAboveNineIsNotBcd() {
    assertThatThrownBy(() -> Bcd.digits(hex("0a"), 0, 1, Fault.BODY))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BODY));
  }

  @Test
  void encodingPadsWithZerosInFront() {
    assertThat(Bcd.encode("13912345678", 6)).isEqualTo(hex("013912345678"));
    assertThat(Bcd.encode("13912345678", 10)).isEqualTo(hex("00000000013912345678"));
  }

  @Test
  void moreDigitsThanBytesHoldAreRefused() {
    assertThatThrownBy(() -> Bcd.encode("1234567890123", 6)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPhoneLosesOnlyItsPaddingZeros() {
    assertThat(Bcd.withoutLeadingZeros("013912345678")).isEqualTo("13912345678");
    assertThat(Bcd.withoutLeadingZeros("000000000000")).isEqualTo("0");
    assertThat(Bcd.withoutLeadingZeros("100000000000")).isEqualTo("100000000000");
  }

  @Test
  void aTimeIsYearMonthDayHourMinuteSecondInThisCentury() throws Exception {
    assertThat(Bcd.time(hex("261201093005"), 0)).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 30, 5));
  }

  @Test
  void aTimeThatDoesNotExistIsMalformed() {
    assertThatThrownBy(() -> Bcd.time(hex("261301093005"), 0))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BODY));
    assertThatThrownBy(() -> Bcd.time(hex("000000000000"), 0)).isInstanceOf(MalformedFrameException.class);
  }
}
