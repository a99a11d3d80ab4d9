package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.Frame;
import cn.smartaffairs.telemetry.jt808.Header;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts a message split into sub-packages (header bit 13: total and index, from 1) together, one message per id at a
 * time on a connection; a package 1 starts it afresh. Nothing of a split message is answered before it is whole.
 */
final class SubPackages {

  /** At most this many packages in one message (a 0x0704 batch of a long blind area fits in far fewer). */
  static final int MOST_PACKAGES = 256;

  private final Map<Integer, Frame[]> pending = new HashMap<>();

  /** The whole message once its last missing package came; null while packages are missing. */
  Message add(Frame frame) {
    Header header = frame.header();
    int count = header.packageCount();
    if (count > MOST_PACKAGES) {
      return Message.of(frame); // its body alone will not read as a message: answered as an error
    }
    Frame[] parts = pending.get(header.messageId());
    if (parts == null || parts.length != count || header.packageIndex() == 1) {
      parts = new Frame[count];
      pending.put(header.messageId(), parts);
    }
    parts[header.packageIndex() - 1] = frame;
    for (Frame part : parts) {
      if (part == null) {
        return null;
      }
    }
    pending.remove(header.messageId());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] flows = new int[count];
    for (int i = 0; i < count; i++) {
      body.writeBytes(parts[i].body());
      flows[i] = parts[i].header().flowNumber();
    }
    return new Message(header, body.toByteArray(), flows);
  }
}
