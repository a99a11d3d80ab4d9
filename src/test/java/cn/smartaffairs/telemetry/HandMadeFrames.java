package cn.smartaffairs.telemetry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.HexFormat;

/**
 * JT/T 808 bytes composed in tests straight from the standard — header fields, escaping and the XOR check code written
 * out here again, never through the gateway's own encoder, so a test of the gateway cannot agree with itself.
 */
public final class HandMadeFrames {

  private static final Charset GBK = Charset.forName("GBK");

  private HandMadeFrames() {}

  /** Bytes from hex digits; spaces are ignored. */
  public static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits.replace(" ", ""));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A 2011/2013 frame: id, attributes (body length), BCD[6] phone, flow number, body, check code, flags. */
  public static byte[] frame2013(int messageId, String phone12, int flow, byte[] body) {
    Body header = new Body().u16(messageId).u16(body.length).bcd(phone12, 6).u16(flow);
    return wrap(header.then(body));
  }

  /** A 2019 frame: attribute bit 14 set, then the protocol version byte and a BCD[10] phone. */
  public static byte[] frame2019(int messageId, int protocolVersion, String phone20, int flow, byte[] body) {
    Body header = new Body().u16(messageId).u16(body.length | 0x4000).u8(protocolVersion).bcd(phone20, 10).u16(flow);
    return wrap(header.then(body));
  }

  /** One sub-package of a 2013 message: attribute bit 13 set, then the total and this package's index (from 1). */
  public static byte[] subPackage2013(int messageId, String phone12, int flow, int total, int index, byte[] body) {
    Body header = new Body().u16(messageId).u16(body.length | 0x2000).bcd(phone12, 6).u16(flow).u16(total).u16(index);
    return wrap(header.then(body));
  }

  /** 0x7E, then header and body and their XOR, with 0x7E → 0x7D 0x02 and 0x7D → 0x7D 0x01, then 0x7E. */
  public static byte[] wrap(byte[] headerAndBody) {
    byte xor = 0;
    for (byte b : headerAndBody) {
      xor ^= b;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x7E);
    for (int i = 0; i <= headerAndBody.length; i++) {
      byte b = i < headerAndBody.length ? headerAndBody[i] : xor;
      if (b == 0x7E) {
        out.write(0x7D);
        out.write(0x02);
      } else if (b == 0x7D) {
        out.write(0x7D);
        out.write(0x01);
      } else {
        out.write(b);
      }
    }
    out.write(0x7E);
    return out.toByteArray();
  }

  /** A 0x0200 body: alarm, status, latitude and longitude (1e-6°), altitude, speed (1/10 km/h), heading, BCD time. */
  public static Body position(long alarm, long status, long latitude, long longitude, int altitude, int speed,
      int heading, String yymmddhhmmss) {
    return new Body().u32(alarm).u32(status).u32(latitude).u32(longitude).u16(altitude).u16(speed).u16(heading)
        .bcd(yymmddhhmmss, 6);
  }

  /** Big-endian fields, as the standard's BYTE, WORD, DWORD, BCD[n] and STRING. */
  public static final class Body {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Body u8(int value) {
      out.write(value & 0xFF);
      return this;
    }

    public Body u16(int value) {
      return u8(value >> 8).u8(value);
    }

    public Body u32(long value) {
      return u16((int) (value >> 16)).u16((int) value);
    }

    public Body bytes(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    /** Decimal digits, two to a byte, zeros in front to fill {@code length} bytes. */
    public Body bcd(String digits, int length) {
      String padded = "0".repeat(length * 2 - digits.length()) + digits;
      for (int i = 0; i < length; i++) {
        u8(Integer.parseInt(padded.substring(2 * i, 2 * i + 2), 16));
      }
      return this;
    }

    /** GBK text filling {@code length} bytes, zero bytes after it. */
    public Body text(String text, int length) {
      byte[] bytes = text.getBytes(GBK);
      out.writeBytes(bytes);
      out.writeBytes(new byte[length - bytes.length]);
      return this;
    }

    /** GBK text to the end of the body. */
    public Body text(String text) {
      return bytes(text.getBytes(GBK));
    }

    /** An additional item of a position: id, length, value. */
    public Body item(int id, byte[] value) {
      return u8(id).u8(value.length).bytes(value);
    }

    public byte[] bytes() {
      return out.toByteArray();
    }

    byte[] then(byte[] then) {
      byte[] head = out.toByteArray();
      byte[] all = new byte[head.length + then.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(then, 0, all, head.length, then.length);
      return all;
    }

    public int length() {
      return out.size();
    }
  }
}
