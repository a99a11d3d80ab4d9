package cn.smartaffairs.telemetry.jt808;

import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The terminal parameters (终端参数, JT/T 808-2013 table 12) the platform reads as words: their id, how the value is
 * written (DWORD, WORD, BYTE or STRING) and its unit. Any other parameter, or a value of the wrong length, is shown as
 * its bytes in hex.
 */
public enum TerminalParameter {
  HEARTBEAT_INTERVAL(0x0001, Type.DWORD, Unit.SECONDS), TCP_REPLY_TIMEOUT(0x0002, Type.DWORD,
      Unit.SECONDS), TCP_RETRANSMISSIONS(0x0003, Type.DWORD, Unit.TIMES), MAIN_SERVER_APN(0x0010, Type.STRING,
          Unit.NONE), MAIN_SERVER_ADDRESS(0x0013, Type.STRING, Unit.NONE), BACKUP_SERVER_ADDRESS(0x0017, Type.STRING,
              Unit.NONE), SERVER_TCP_PORT(0x0018, Type.DWORD, Unit.NONE), SERVER_UDP_PORT(0x0019, Type.DWORD,
                  Unit.NONE), REPORT_STRATEGY(0x0020, Type.DWORD, Unit.NONE), REPORT_SCHEME(0x0021, Type.DWORD,
                      Unit.NONE), SLEEP_REPORT_INTERVAL(0x0027, Type.DWORD, Unit.SECONDS), EMERGENCY_REPORT_INTERVAL(
                          0x0028, Type.DWORD, Unit.SECONDS), DEFAULT_REPORT_INTERVAL(0x0029, Type.DWORD,
                              Unit.SECONDS), DEFAULT_REPORT_DISTANCE(0x002C, Type.DWORD, Unit.METRES), TURN_ANGLE(
                                  0x0030, Type.DWORD,
                                  Unit.DEGREES), MONITORING_PHONE(0x0040, Type.STRING, Unit.NONE), ALARM_MASK(0x0050,
                                      Type.BITS,
                                      Unit.NONE), MAX_SPEED(0x0055, Type.DWORD, Unit.KMH), OVERSPEED_DURATION(0x0056,
                                          Type.DWORD, Unit.SECONDS), CONTINUOUS_DRIVING_LIMIT(0x0057, Type.DWORD,
                                              Unit.SECONDS), DAY_DRIVING_LIMIT(0x0058, Type.DWORD,
                                                  Unit.SECONDS), MIN_REST(0x0059, Type.DWORD,
                                                      Unit.SECONDS), MAX_PARKING(0x005A, Type.DWORD,
                                                          Unit.SECONDS), ODOMETER(0x0080, Type.TENTHS,
                                                              Unit.KM), PROVINCE(0x0081, Type.WORD, Unit.NONE), CITY(
                                                                  0x0082, Type.WORD, Unit.NONE), PLATE(0x0083,
                                                                      Type.STRING, Unit.NONE), PLATE_COLOUR(0x0084,
                                                                          Type.BYTE, Unit.NONE);

  /** How a value is written: a number of 4, 2 or 1 bytes, a DWORD in tenths, a DWORD of flags, or GBK text. */
  public enum Type {
    DWORD, WORD, BYTE, TENTHS, BITS, STRING
  }

  public enum Unit {
    NONE, SECONDS, TIMES, METRES, DEGREES, KMH, KM
  }

  private static final Map<Long, TerminalParameter> BY_ID = Stream.of(values())
      .collect(Collectors.toUnmodifiableMap(TerminalParameter::id, Function.identity()));

  private final long id;
  private final Type type;
  private final Unit unit;

  TerminalParameter(long id, Type type, Unit unit) {
    this.id = id;
    this.type = type;
    this.unit = unit;
  }

  public long id() {
    return id;
  }

  public Type type() {
    return type;
  }

  public Unit unit() {
    return unit;
  }

  /** The known parameter with this id; null for any other. */
  public static TerminalParameter of(long id) {
    return BY_ID.get(id);
  }

  /** The id as the standard writes it: 0x0001. */
  public static String hexId(long id) {
    return String.format("0x%04X", id);
  }

  /**
   * A value as text: a known parameter's number or words; the bytes in hex for any other, or when the length does not
   * fit the parameter's type.
   */
  public static String text(long id, byte[] value) {
    TerminalParameter known = of(id);
    if (known == null) {
      return HexFormat.of().formatHex(value);
    }
    return switch (known.type) {
      case DWORD -> value.length == 4 ? String.valueOf(unsigned(value)) : HexFormat.of().formatHex(value);
      case WORD -> value.length == 2 ? String.valueOf(unsigned(value)) : HexFormat.of().formatHex(value);
      case BYTE -> value.length == 1 ? String.valueOf(unsigned(value)) : HexFormat.of().formatHex(value);
      case TENTHS -> value.length == 4
          ? java.math.BigDecimal.valueOf(unsigned(value), 1).toPlainString()
          : HexFormat.of().formatHex(value);
      case BITS -> value.length == 4 ? String.format("0x%08X", unsigned(value)) : HexFormat.of().formatHex(value);
      case STRING -> string(value);
    };
  }

  private static long unsigned(byte[] value) {
    long number = 0;
    for (byte b : value) {
      number = (number << 8) | (b & 0xFF);
    }
    return number;
  }

  /** GBK text without the zero bytes that end or pad it; control characters become spaces. */
  private static String string(byte[] value) {
    int end = value.length;
    while (end > 0 && value[end - 1] == 0) {
      end--;
    }
    String text = new String(value, 0, end, BodyReader.GBK);
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return clean.toString().strip();
  }
}
