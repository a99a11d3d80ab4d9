package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.telemetry.HandMadeFrames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 报警标志 (JT/T 808-2013 table 24): the alarm DWORD of a position report, bit by bit. */
class AlarmFlagTest {

  @Test
  void theAlarmDwordOfAPositionReadsAsTheStandardsBits() throws Exception {
    // bits 0 (emergency), 1 (overspeed), 20 (in/out of an area) and 23 (route deviation): 0x00900003
    byte[] body = HandMadeFrames.position(0, 0b11, 25_039_812, 102_714_035, 1891, 456, 271, "261201093005").bytes();
    System.arraycopy(hex("00900003"), 0, body, 0, 4);

    PositionReport report = PositionReport.decode(new BodyReader(body));

    assertThat(report.alarmFlags()).isEqualTo(0x0090_0003L);
    assertThat(report.alarms()).containsExactly(AlarmFlag.EMERGENCY, AlarmFlag.OVERSPEED, AlarmFlag.AREA,
        AlarmFlag.DEVIATION);
  }

  @Test
  void eachBitHasItsPlaceInTheTable() {
    assertThat(AlarmFlag.values()).hasSize(32);
    for (AlarmFlag flag : AlarmFlag.values()) {
      assertThat(AlarmFlag.ofBit(flag.bit())).isSameAs(flag);
      assertThat(AlarmFlag.of(1L << flag.bit())).containsExactly(flag);
    }
    assertThat(AlarmFlag.FATIGUE.bit()).isEqualTo(2);
    assertThat(AlarmFlag.ROUTE.bit()).isEqualTo(21);
    assertThat(AlarmFlag.ROUTE_TIME.bit()).isEqualTo(22);
    assertThat(AlarmFlag.ILLEGAL_IGNITION.bit()).isEqualTo(27);
    assertThat(AlarmFlag.ILLEGAL_DOOR_OPEN.bit()).isEqualTo(31);
    // the terminal keeps these until the platform confirms them (0x8203); the others last as long as their cause
    assertThat(List.of(AlarmFlag.values()).stream().filter(AlarmFlag::clearedByPlatform)).containsExactly(
        AlarmFlag.EMERGENCY, AlarmFlag.DANGER_WARNING, AlarmFlag.AREA, AlarmFlag.ROUTE, AlarmFlag.ROUTE_TIME,
        AlarmFlag.ILLEGAL_IGNITION, AlarmFlag.ILLEGAL_MOVE, AlarmFlag.ILLEGAL_DOOR_OPEN);
  }

  @Test
  void onlyABitThatWasClearBeforeIsRaised() {
    long emergencyAndGnss = 0b1_0001;
    assertThat(AlarmFlag.raised(null, emergencyAndGnss)).containsExactly(AlarmFlag.EMERGENCY, AlarmFlag.GNSS_FAULT);
    assertThat(AlarmFlag.raised(0L, emergencyAndGnss)).containsExactly(AlarmFlag.EMERGENCY, AlarmFlag.GNSS_FAULT);
    // the same bits still set: the same alarms going on
    assertThat(AlarmFlag.raised(emergencyAndGnss, emergencyAndGnss)).isEmpty();
    // one cleared, another set: only the new one
    assertThat(AlarmFlag.raised(0b1_0000L, 0b11L)).containsExactly(AlarmFlag.EMERGENCY, AlarmFlag.OVERSPEED);
    assertThat(AlarmFlag.raised(0b11L, 0L)).isEmpty();
  }

  @Test
  void aRuleValueIsTheDwordWithBit31AsItsSign() {
    int defaults = AlarmFlag.maskOf(List.of(AlarmFlag.EMERGENCY, AlarmFlag.OVERSPEED, AlarmFlag.AREA,
        AlarmFlag.ROUTE, AlarmFlag.DEVIATION));
    assertThat(defaults).as("the national default of V145").isEqualTo(11_534_339);
    int doorOpen = AlarmFlag.maskOf(List.of(AlarmFlag.ILLEGAL_DOOR_OPEN));
    assertThat(doorOpen).isNegative();
    assertThat(AlarmFlag.of(doorOpen & 0xFFFF_FFFFL)).containsExactly(AlarmFlag.ILLEGAL_DOOR_OPEN);
  }
}
