package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.BodyReader;
import cn.smartaffairs.telemetry.jt808.Frame;
import cn.smartaffairs.telemetry.jt808.Header;

/** A whole message: one frame, or the sub-packages of one put together (each package's flow number is answered). */
record Message(Header header, byte[] body, int[] flows) {

  static Message of(Frame frame) {
    return new Message(frame.header(), frame.body(), new int[] {frame.header().flowNumber()});
  }

  BodyReader reader() {
    return new BodyReader(body);
  }
}
