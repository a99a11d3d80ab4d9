package cn.smartaffairs.telemetry.jt808;

/** 终端通用应答 (0x0001): the terminal's answer to a platform message, by that message's flow number and id. */
public record TerminalReply(int replyFlow, int replyId, int result) {

  public static TerminalReply decode(BodyReader body) throws MalformedFrameException {
    return new TerminalReply(body.u16(), body.u16(), body.u8());
  }
}
