package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.io.ByteArrayOutputStream;

/**
 * JT/T 808 framing: a message is {@code 0x7E header body checkCode 0x7E}; between the flags 0x7E is sent as
 * 0x7D 0x02 and 0x7D as 0x7D 0x01; the check code is the XOR of every byte of header and body.
 */
public final class Frames {

  public static final byte FLAG = 0x7E;
  public static final byte ESCAPE = 0x7D;
  /** Attribute bits of the header (消息体属性). */
  static final int BODY_LENGTH_MASK = 0x03FF;
  static final int ENCRYPTION_SHIFT = 10;
  static final int SUB_PACKAGE_BIT = 1 << 13;
  static final int VERSION_BIT = 1 << 14;

  private Frames() {}

  /** What lies between two flags, escaped as on the wire, read into header and body. */
  public static Frame decode(byte[] escaped) throws MalformedFrameException {
    byte[] raw = unescape(escaped);
    if (raw.length < 13) {
      throw new MalformedFrameException(Fault.HEADER, "only " + raw.length + " bytes between the flags");
    }
    int last = raw.length - 1;
    byte expected = checksum(raw, 0, last);
    if (raw[last] != expected) {
      throw new MalformedFrameException(Fault.CHECKSUM, String.format("check code %02x, computed %02x",
          raw[last] & 0xFF, expected & 0xFF));
    }
    Header header = header(raw, last);
    if (header.length() + header.bodyLength() != last) {
      throw new MalformedFrameException(Fault.LENGTH, "body length " + header.bodyLength() + " in the header, "
          + (last - header.length()) + " in the frame");
    }
    byte[] body = new byte[header.bodyLength()];
    System.arraycopy(raw, header.length(), body, 0, body.length);
    return new Frame(header, body);
  }

  private static Header header(byte[] raw, int end) throws MalformedFrameException {
    int messageId = word(raw, 0);
    int attributes = word(raw, 2);
    boolean subPackaged = (attributes & SUB_PACKAGE_BIT) != 0;
    boolean v2019 = (attributes & VERSION_BIT) != 0;
    int offset = 4;
    int versionNumber = 0;
    int phoneLength = 6;
    if (v2019) {
      versionNumber = raw[offset++] & 0xFF;
      phoneLength = 10;
    }
    int needed = offset + phoneLength + 2 + (subPackaged ? 4 : 0);
    if (end < needed) {
      throw new MalformedFrameException(Fault.HEADER, "a header of " + needed + " bytes in " + end);
    }
    String phone = Bcd.digits(raw, offset, phoneLength, Fault.HEADER);
    offset += phoneLength;
    int flow = word(raw, offset);
    offset += 2;
    int count = 0;
    int index = 0;
    if (subPackaged) {
      count = word(raw, offset);
      index = word(raw, offset + 2);
      if (count == 0 || index == 0 || index > count) {
        throw new MalformedFrameException(Fault.HEADER, "package " + index + " of " + count);
      }
    }
    ProtocolVersion version = v2019 ? ProtocolVersion.V2019 : ProtocolVersion.V2013;
    return new Header(messageId, attributes & BODY_LENGTH_MASK, (attributes >> ENCRYPTION_SHIFT) & 0x07, subPackaged,
        version, versionNumber, phone, flow, count, index);
  }

  /** Undoes the escaping; a 0x7D followed by anything but 0x01 or 0x02, or a bare 0x7E, is malformed. */
  public static byte[] unescape(byte[] escaped) throws MalformedFrameException {
    byte[] raw = new byte[escaped.length];
    int n = 0;
    for (int i = 0; i < escaped.length; i++) {
      byte b = escaped[i];
      if (b == ESCAPE) {
        if (i + 1 == escaped.length) {
          throw new MalformedFrameException(Fault.ESCAPE, "0x7d at the end");
        }
        byte next = escaped[++i];
        if (next == 0x01) {
          raw[n++] = ESCAPE;
        } else if (next == 0x02) {
          raw[n++] = FLAG;
        } else {
          throw new MalformedFrameException(Fault.ESCAPE, String.format("0x7d %02x", next & 0xFF));
        }
      } else if (b == FLAG) {
        throw new MalformedFrameException(Fault.ESCAPE, "0x7e inside a frame");
      } else {
        raw[n++] = b;
      }
    }
    return java.util.Arrays.copyOf(raw, n);
  }

  /** Escapes header, body and check code for the wire (without the flags). */
  public static byte[] escape(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 8);
    for (byte b : raw) {
      if (b == FLAG) {
        out.write(ESCAPE);
        out.write(0x02);
      } else if (b == ESCAPE) {
        out.write(ESCAPE);
        out.write(0x01);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** XOR of {@code raw[from]} to {@code raw[to - 1]}. */
  public static byte checksum(byte[] raw, int from, int to) {
    byte code = 0;
    for (int i = from; i < to; i++) {
      code ^= raw[i];
    }
    return code;
  }

  /**
   * A platform message to a terminal, flags included: its header in the terminal's edition (2019: version byte and
   * BCD[10] phone) with the terminal's own phone digits, never split into sub-packages (replies are short).
   */
  public static byte[] encode(int messageId, Header to, int flowNumber, byte[] body) {
    if (body.length > BODY_LENGTH_MASK) {
      throw new IllegalArgumentException("a body of " + body.length + " bytes needs sub-packages");
    }
    boolean v2019 = to.version() == ProtocolVersion.V2019;
    ByteArrayOutputStream raw = new ByteArrayOutputStream(body.length + 20);
    writeWord(raw, messageId);
    writeWord(raw, body.length | (v2019 ? VERSION_BIT : 0));
    if (v2019) {
      raw.write(to.protocolVersionNumber());
    }
    raw.writeBytes(Bcd.encode(to.phoneDigits(), v2019 ? 10 : 6));
    writeWord(raw, flowNumber & 0xFFFF);
    raw.writeBytes(body);
    raw.write(checksum(raw.toByteArray(), 0, raw.size()));
    byte[] escaped = escape(raw.toByteArray());
    byte[] frame = new byte[escaped.length + 2];
    frame[0] = FLAG;
    System.arraycopy(escaped, 0, frame, 1, escaped.length);
    frame[frame.length - 1] = FLAG;
    return frame;
  }

  static int word(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }

  private static void writeWord(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xFF);
    out.write(value & 0xFF);
  }
}
