package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * A terminal's side of a TCP connection, in a test: writes bytes as given and reads the platform's frames back,
 * undoing the escaping and checking the XOR check code here, by the standard, not with the gateway's decoder.
 */
final class TerminalConnection implements AutoCloseable {

  /** A platform message as read: id, attributes, the phone digits as BCD bytes, flow number and body. */
  record Reply(int messageId, int attributes, byte[] phone, int flow, byte[] body) {
    int word(int offset) {
      return ((body[offset] & 0xFF) << 8) | (body[offset + 1] & 0xFF);
    }

    /** 0x8001: the terminal's flow number and message id it answers, and the result. */
    int replyFlow() {
      return word(0);
    }

    int replyId() {
      return word(2);
    }

    int result() {
      return body[4] & 0xFF;
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  TerminalConnection(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next frame from the platform, its check code verified; {@code v2019} says how long its header is. */
  Reply read(boolean v2019) throws IOException {
    int b;
    while ((b = in.read()) != 0x7E) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    while ((b = in.read()) != 0x7E) {
      if (b < 0) {
        throw new IOException("connection closed inside a frame");
      }
      if (b == 0x7D) {
        int next = in.read();
        assertThat(next).as("escaped byte").isIn(0x01, 0x02);
        raw.write(next == 0x01 ? 0x7D : 0x7E);
      } else {
        raw.write(b);
      }
    }
    byte[] frame = raw.toByteArray();
    byte xor = 0;
    for (int i = 0; i < frame.length - 1; i++) {
      xor ^= frame[i];
    }
    assertThat(frame[frame.length - 1]).as("check code").isEqualTo(xor);
    ByteBuffer buffer = ByteBuffer.wrap(frame, 0, frame.length - 1);
    int id = buffer.getShort() & 0xFFFF;
    int attributes = buffer.getShort() & 0xFFFF;
    assertThat((attributes & 0x4000) != 0).as("2019 version bit").isEqualTo(v2019);
    if (v2019) {
      assertThat(buffer.get()).as("protocol version").isEqualTo((byte) 1);
    }
    byte[] phone = new byte[v2019 ? 10 : 6];
    buffer.get(phone);
    int flow = buffer.getShort() & 0xFFFF;
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    assertThat(body.length).as("body length in the attributes").isEqualTo(attributes & 0x03FF);
    return new Reply(id, attributes, phone, flow, body);
  }

  /** Whether the platform closed the connection (read end of stream) within the socket's timeout. */
  boolean closedByPlatform() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** Whether nothing arrives within a short while. */
  boolean silentFor(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return in.available() == 0 && in.read() < 0;
    } catch (SocketTimeoutException e) {
      return true;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
