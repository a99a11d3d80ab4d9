package cn.smartaffairs.telemetry.jt808;

/** One message as it came: the header and the body (unescaped, without the check code). */
public record Frame(Header header, byte[] body) {

  public int messageId() {
    return header.messageId();
  }

  public BodyReader reader() {
    return new BodyReader(body);
  }
}
