package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/** 8421 BCD: two decimal digits a byte, the first in the high nibble (phone numbers, YYMMDDhhmmss times). */
public final class Bcd {

  private Bcd() {}

  /** The digits of {@code length} bytes; a nibble above 9 is malformed. */
  public static String digits(byte[] bytes, int offset, int length, Fault fault) throws MalformedFrameException {
    StringBuilder digits = new StringBuilder(length * 2);
    for (int i = offset; i < offset + length; i++) {
      int high = (bytes[i] >> 4) & 0x0F;
      int low = bytes[i] & 0x0F;
      if (high > 9 || low > 9) {
        throw new MalformedFrameException(fault, "not a BCD byte " + Integer.toHexString(bytes[i] & 0xFF));
      }
      digits.append((char) ('0' + high)).append((char) ('0' + low));
    }
    return digits.toString();
  }

  /** {@code digits} right-aligned in {@code length} bytes, zeros in front; refused when they do not fit. */
  public static byte[] encode(String digits, int length) {
    if (digits.length() > length * 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not " + length * 2 + " decimal digits: " + digits);
    }
    String padded = "0".repeat(length * 2 - digits.length()) + digits;
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (((padded.charAt(2 * i) - '0') << 4) | (padded.charAt(2 * i + 1) - '0'));
    }
    return bytes;
  }

  /** BCD[6] YYMMDDhhmmss in Beijing time (GMT+8), years 2000–2099 as the standard counts them. */
  public static LocalDateTime time(byte[] bytes, int offset) throws MalformedFrameException {
    String d = digits(bytes, offset, 6, Fault.BODY);
    try {
      return LocalDateTime.of(2000 + Integer.parseInt(d.substring(0, 2)), Integer.parseInt(d.substring(2, 4)),
          Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8)),
          Integer.parseInt(d.substring(8, 10)),
          Integer.parseInt(d.substring(10, 12)));
    } catch (DateTimeException e) {
      throw new MalformedFrameException(Fault.BODY, "no such time " + d);
    }
  }

  /** A phone number as the header carries it, without the zeros that pad it to 12 or 20 digits. */
  public static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
