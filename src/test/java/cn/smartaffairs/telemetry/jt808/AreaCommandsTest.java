package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.telemetry.jt808.AreaCommands.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The area commands' bodies against bytes written out here from JT/T 808 §8.x field by field: 25.040000° N is
 * 25040000 = 0x017E1480, 102.714000° E is 0x061F4A90, 300 m is 0x0000012C; attribute 0x0028 sets bits 3 and 5
 * (alarm to the platform on entering and on leaving); 停车场 in GBK is CD A3 B3 B5 B3 A1.
 */
class AreaCommandsTest {

  private static final int ALARMS = AreaCommands.ALARM_ON_ENTRY | AreaCommands.ALARM_ON_EXIT;

  @Test
  void theAlarmBitsAreThreeAndFive() {
    assertThat(ALARMS).isEqualTo(0x0028);
  }

  @Test
  void aCircleOf2013IsSettingCountIdAttributeCentreAndRadius() {
    byte[] body = AreaCommands.setCircle(AreaCommands.APPEND, 7, ALARMS, new Point(25_040_000, 102_714_000), 300,
        "停车场", ProtocolVersion.V2013);

    assertThat(body).isEqualTo(hex("01 01 00000007 0028 017E1480 061F4A90 0000012C"));
  }

  @Test
  void aCircleOf2019EndsWithItsNameAfterItsLength() {
    byte[] body = AreaCommands.setCircle(AreaCommands.MODIFY, 7, ALARMS, new Point(25_040_000, 102_714_000), 300,
        "停车场", ProtocolVersion.V2019);

    assertThat(body).isEqualTo(hex("02 01 00000007 0028 017E1480 061F4A90 0000012C 0006 CDA3B3B5B3A1"));
  }

  @Test
  void southAndWestAreAttributeBitsSixAndSevenWithTheDegreesUnsigned() {
    // 33.868820° S, 151.209290° E: bit 6; 33.868820° S, 151.209290° W: bits 6 and 7
    assertThat(AreaCommands.setCircle(AreaCommands.APPEND, 1, ALARMS, new Point(-33_868_820, 151_209_290), 50, null,
        ProtocolVersion.V2013)).isEqualTo(hex("01 01 00000001 0068 0204CC14 0903454A 00000032"));
    assertThat(AreaCommands.setCircle(AreaCommands.APPEND, 1, 0, new Point(-33_868_820, -151_209_290), 50, null,
        ProtocolVersion.V2013)).isEqualTo(hex("01 01 00000001 00C0 0204CC14 0903454A 00000032"));
  }

  @Test
  void aRectangleIsItsUpperLeftThenItsLowerRightCorner() {
    // north-west 25.045000, 102.708000; south-east 25.035000, 102.720000
    byte[] body = AreaCommands.setRectangle(AreaCommands.APPEND, 9, ALARMS, new Point(25_045_000, 102_708_000),
        new Point(25_035_000, 102_720_000), "大院", ProtocolVersion.V2013);

    assertThat(body).isEqualTo(hex("01 01 00000009 0028 017E2808 061F3320 017E00F8 061F6200"));
    assertThat(AreaCommands.setRectangle(AreaCommands.APPEND, 9, ALARMS, new Point(25_045_000, 102_708_000),
        new Point(25_035_000, 102_720_000), "大院", ProtocolVersion.V2019))
        .isEqualTo(hex("01 01 00000009 0028 017E2808 061F3320 017E00F8 061F6200 0004 B4F3D4BA"));
  }

  @Test
  void aPolygonHasNoSettingNorCountOfAreasButItsVerticesCount() {
    List<Point> vertices = List.of(new Point(25_041_000, 102_710_000), new Point(25_036_000, 102_712_000),
        new Point(25_039_000, 102_719_000));

    assertThat(AreaCommands.setPolygon(11, ALARMS, vertices, "大院", ProtocolVersion.V2013))
        .isEqualTo(hex("0000000B 0028 0003 017E1868 061F3AF0 017E04E0 061F42C0 017E1098 061F5E18"));
    assertThat(AreaCommands.setPolygon(11, ALARMS, vertices, "大院", ProtocolVersion.V2019))
        .isEqualTo(hex("0000000B 0028 0003 017E1868 061F3AF0 017E04E0 061F42C0 017E1098 061F5E18 0004 B4F3D4BA"));
  }

  @Test
  void aDeleteIsTheCountOfAreasThenTheirIds() {
    assertThat(AreaCommands.delete(List.of(7L))).isEqualTo(hex("01 00000007"));
    assertThat(AreaCommands.delete(List.of(7L, 0x01020304L))).isEqualTo(hex("02 00000007 01020304"));
  }

  @Test
  void aDeleteOfNoAreaWouldDeleteAllAndIsRefused() {
    assertThatThrownBy(() -> AreaCommands.delete(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAreaAcrossTheEquatorCannotBeSaidOnce() {
    assertThatThrownBy(() -> AreaCommands.setRectangle(AreaCommands.APPEND, 1, 0, new Point(1_000_000, 100_000_000),
        new Point(-1_000_000, 101_000_000), null, ProtocolVersion.V2013))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
