package cn.smartaffairs.telemetry.jt808;

import java.nio.ByteBuffer;

/** Bodies of the platform's messages to a terminal. */
public final class PlatformMessages {

  private PlatformMessages() {}

  /** 平台通用应答 (0x8001): the terminal's flow number and message id, and the result (0 ok, 1 failed, 2 wrong, 3 unsupported). */
  public static byte[] generalReply(int replyFlow, int replyId, int result) {
    return ByteBuffer.allocate(5).putShort((short) replyFlow).putShort((short) replyId).put((byte) result).array();
  }

  /** 终端注册应答 (0x8100): the registration's flow number, the result and, on success only, the auth code. */
  public static byte[] registrationReply(int replyFlow, int result, String authCode) {
    byte[] code = result == MessageIds.REGISTERED ? authCode.getBytes(BodyReader.GBK) : new byte[0];
    return ByteBuffer.allocate(3 + code.length).putShort((short) replyFlow).put((byte) result).put(code).array();
  }

  /** 查询终端参数 (0x8104): an empty body; the terminal answers every parameter it has with 0x0104. */
  public static byte[] queryParameters() {
    return new byte[0];
  }
}
