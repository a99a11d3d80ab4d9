package cn.smartaffairs.telemetry.jt808;

import java.util.ArrayList;
import java.util.List;

/**
 * 报警标志 (JT/T 808-2013 table 24, with the bits 2019 gave to 15–17): one bit of the alarm DWORD of a position report.
 * {@link #clearedByPlatform} marks the bits the terminal holds until the platform answers them (0x8203, manual alarm
 * confirmation); the others stay set as long as the condition lasts. Either way a bit that stays set from one position
 * to the next is one alarm going on, not a new one.
 */
public enum AlarmFlag {
  EMERGENCY(0, true), OVERSPEED(1, false), FATIGUE(2, false), DANGER_WARNING(3, true), GNSS_FAULT(4,
      false), GNSS_ANTENNA_CUT(5, false), GNSS_ANTENNA_SHORT(6, false), POWER_LOW(7, false), POWER_OFF(8,
          false), DISPLAY_FAULT(9, false), TTS_FAULT(10, false), CAMERA_FAULT(11, false), IC_CARD_FAULT(12,
              false), OVERSPEED_WARNING(13, false), FATIGUE_WARNING(14, false), ILLEGAL_DRIVING(15,
                  false), TYRE_PRESSURE_WARNING(16, false), RIGHT_TURN_BLIND_SPOT(17, false), DAY_DRIVING_TOO_LONG(18,
                      false), PARKED_TOO_LONG(19, false), AREA(20, true), ROUTE(21, true), ROUTE_TIME(22,
                          true), DEVIATION(23, false), VSS_FAULT(24, false), FUEL_ABNORMAL(25, false), THEFT(26,
                              false), ILLEGAL_IGNITION(27, true), ILLEGAL_MOVE(28,
                                  true), COLLISION(29, false), ROLLOVER(30, false), ILLEGAL_DOOR_OPEN(31, true);

  private static final AlarmFlag[] BY_BIT = values();

  private final int bit;
  private final boolean clearedByPlatform;

  AlarmFlag(int bit, boolean clearedByPlatform) {
    this.bit = bit;
    this.clearedByPlatform = clearedByPlatform;
  }

  public int bit() {
    return bit;
  }

  public long mask() {
    return 1L << bit;
  }

  public boolean clearedByPlatform() {
    return clearedByPlatform;
  }

  public boolean in(long flags) {
    return (flags & mask()) != 0;
  }

  public static AlarmFlag ofBit(int bit) {
    if (bit < 0 || bit >= BY_BIT.length) {
      throw new IllegalArgumentException("no alarm bit " + bit);
    }
    return BY_BIT[bit];
  }

  /** The flags set in an alarm DWORD, lowest bit first. */
  public static List<AlarmFlag> of(long flags) {
    List<AlarmFlag> set = new ArrayList<>();
    for (AlarmFlag flag : BY_BIT) {
      if (flag.in(flags)) {
        set.add(flag);
      }
    }
    return set;
  }

  /**
   * The alarms a report raises after the one before it: the bits set now that were clear then (all set bits when there
   * is no report before it).
   */
  public static List<AlarmFlag> raised(Long before, long now) {
    return of(before == null ? now : now & ~before);
  }

  /** The alarm DWORD with these bits set, as a Java int (bit 31 makes it negative) — the form a rule value takes. */
  public static int maskOf(List<AlarmFlag> flags) {
    int mask = 0;
    for (AlarmFlag flag : flags) {
      mask |= (int) flag.mask();
    }
    return mask;
  }
}
