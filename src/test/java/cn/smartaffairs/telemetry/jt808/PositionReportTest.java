package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.telemetry.HandMadeFrames;
import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** 位置信息汇报 (0x0200): the fixed fields and the additional items. */
class PositionReportTest {

  private static PositionReport read(byte[] body) throws MalformedFrameException {
    return PositionReport.decode(new BodyReader(body));
  }

  @Test
  void theFixedFieldsAreReadInTheirUnits() throws Exception {
    byte[] body = HandMadeFrames.position(0x0000_0001, 0x0000_0003, 25_039_812, 102_714_035, 1891, 456, 271,
        "261201093005").bytes();

    PositionReport report = read(body);

    assertThat(report.alarmFlags()).isEqualTo(1);
    assertThat(report.statusFlags()).isEqualTo(3);
    assertThat(report.accOn()).isTrue();
    assertThat(report.located()).isTrue();
    assertThat(report.latitude()).isEqualTo(25_039_812);
    assertThat(report.longitude()).isEqualTo(102_714_035);
    assertThat(report.altitudeM()).isEqualTo(1891);
    assertThat(report.speedDecikmh()).isEqualTo(456);
    assertThat(report.headingDeg()).isEqualTo(271);
    assertThat(report.beijingTime()).isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 30, 5));
    assertThat(report.at()).isEqualTo(Instant.parse("2026-12-01T01:30:05Z"));
    assertThat(report.mileageHectometres()).isNull();
    assertThat(report.fuelDecilitres()).isNull();
  }

  @Test
  void southAndWestFromTheStatusBitsAreNegative() throws Exception {
    PositionReport report = read(HandMadeFrames.position(0, 0b1100, 33_868_820, 151_209_290, 0, 0, 0,
        "260101000000").bytes());

    assertThat(report.latitude()).isEqualTo(-33_868_820);
    assertThat(report.longitude()).isEqualTo(-151_209_290);
    assertThat(report.accOn()).isFalse();
  }

  @Test
  void mileageFuelAndRecorderSpeedComeFromTheirAdditionalItems() throws Exception {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 600, 90, "261201093005")
        .item(0x01, hex("0001e240")).item(0x02, hex("01f4")).item(0x03, hex("0258")).bytes();

    PositionReport report = read(body);

    assertThat(report.mileageHectometres()).isEqualTo(123_456L);
    assertThat(report.fuelDecilitres()).isEqualTo(500);
    assertThat(report.recorderSpeedDecikmh()).isEqualTo(600);
  }

  @Test
  void itemsNotKeptAreSkippedWhereverTheyStand() throws Exception {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 600, 90, "261201093005")
        .item(0x30, hex("1f")).item(0x01, hex("00000064")).item(0x25, hex("00000000")).item(0x31, hex("0c")).bytes();

    assertThat(read(body).mileageHectometres()).isEqualTo(100L);
  }

  @Test
  void anItemOfTheWrongLengthIsLeftOut() throws Exception {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 600, 90, "261201093005")
        .item(0x01, hex("0064")).bytes();

    assertThat(read(body).mileageHectometres()).isNull();
  }

  @Test
  void anItemLongerThanTheBodyIsMalformed() {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 600, 90, "261201093005")
        .u8(0x01).u8(4).u16(0x0064).bytes();

    assertThatThrownBy(() -> read(body))
        .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.fault()).isEqualTo(Fault.BODY));
  }

  @Test
  void aBodyShorterThanTheFixedFieldsIsMalformed() {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 600, 90, "261201093005").bytes();

    assertThatThrownBy(() -> read(java.util.Arrays.copyOf(body, 27))).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void aLatitudeBeyondNinetyDegreesIsMalformed() {
    byte[] body = HandMadeFrames.position(0, 1, 90_000_001, 102_000_000, 0, 0, 0, "261201093005").bytes();

    assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void anAltitudeBelowTheSeaIsNegative() throws Exception {
    byte[] body = HandMadeFrames.position(0, 1, 42_950_000, 89_180_000, 0xFFFF - 153, 0, 0, "261201093005").bytes();

    assertThat(read(body).altitudeM()).isEqualTo(-154);
  }

  @Test
  void aTimeThatIsNoTimeIsMalformed() {
    byte[] body = HandMadeFrames.position(0, 1, 25_000_000, 102_000_000, 0, 0, 0, "000000000000").bytes();

    assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void aBatchCarriesItsTypeAndEachPositionWithItsLength() throws Exception {
    byte[] first = HandMadeFrames.position(0, 1, 25_000_001, 102_000_001, 0, 10, 1, "261201093000").bytes();
    byte[] second = HandMadeFrames.position(0, 1, 25_000_002, 102_000_002, 0, 20, 2, "261201093010")
        .item(0x01, hex("0000000a")).bytes();
    byte[] body = new HandMadeFrames.Body().u16(2).u8(1).u16(first.length).bytes(first).u16(second.length)
        .bytes(second).bytes();

    BatchUpload batch = BatchUpload.decode(new BodyReader(body));

    assertThat(batch.type()).isEqualTo(1);
    assertThat(batch.positions()).extracting(PositionReport::latitude).containsExactly(25_000_001, 25_000_002);
    assertThat(batch.positions().get(1).mileageHectometres()).isEqualTo(10L);
  }

  @Test
  void aBatchWithFewerPositionsThanItsCountIsMalformed() {
    byte[] first = HandMadeFrames.position(0, 1, 25_000_001, 102_000_001, 0, 10, 1, "261201093000").bytes();
    byte[] body = new HandMadeFrames.Body().u16(2).u8(0).u16(first.length).bytes(first).bytes();

    assertThatThrownBy(() -> BatchUpload.decode(new BodyReader(body))).isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void aBatchWithBytesAfterItsLastPositionIsMalformed() {
    byte[] first = HandMadeFrames.position(0, 1, 25_000_001, 102_000_001, 0, 10, 1, "261201093000").bytes();
    byte[] body = new HandMadeFrames.Body().u16(1).u8(0).u16(first.length).bytes(first).u8(0).bytes();

    assertThatThrownBy(() -> BatchUpload.decode(new BodyReader(body))).isInstanceOf(MalformedFrameException.class);
  }
}
