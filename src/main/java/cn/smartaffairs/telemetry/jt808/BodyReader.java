package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.nio.charset.Charset;

/** Reads a message body front to back, big-endian as JT/T 808 sends it; a body that ends too soon is malformed. */
public final class BodyReader {

  /** STRING fields are GBK (GB 18030's two-byte subset): plates, auth codes, manufacturer names. */
  static final Charset GBK = Charset.forName("GBK");

  private final byte[] bytes;
  private int position;
  private final int end;

  public BodyReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  BodyReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  public int remaining() {
    return end - position;
  }

  public int u8() throws MalformedFrameException {
    need(1);
    return bytes[position++] & 0xFF;
  }

  public int u16() throws MalformedFrameException {
    need(2);
    int value = Frames.word(bytes, position);
    position += 2;
    return value;
  }

  public long u32() throws MalformedFrameException {
    need(4);
    long value = ((long) (bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
        | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
    position += 4;
    return value;
  }

  public byte[] bytes(int length) throws MalformedFrameException {
    need(length);
    byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return copy;
  }

  /** A reader over the next {@code length} bytes, which this one skips. */
  public BodyReader slice(int length) throws MalformedFrameException {
    need(length);
    BodyReader slice = new BodyReader(bytes, position, length);
    position += length;
    return slice;
  }

  public void skip(int length) throws MalformedFrameException {
    need(length);
    position += length;
  }

  /** A fixed-length text field, without the zero bytes or spaces that pad it. */
  public String text(int length) throws MalformedFrameException {
    return trim(new String(bytes(length), GBK));
  }

  /** The rest of the body as text (a STRING that ends the message). */
  public String rest() throws MalformedFrameException {
    return text(remaining());
  }

  byte[] array() {
    return bytes;
  }

  int position() {
    return position;
  }

  private void need(int length) throws MalformedFrameException {
    if (length < 0 || position + length > end) {
      throw new MalformedFrameException(Fault.BODY, "the body ends " + (position + length - end) + " bytes early");
    }
  }

  private static String trim(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && (text.charAt(from) == '\0' || text.charAt(from) == ' ')) {
      from++;
    }
    while (to > from && (text.charAt(to - 1) == '\0' || text.charAt(to - 1) == ' ')) {
      to--;
    }
    return text.substring(from, to);
  }
}
