package cn.smartaffairs.telemetry.jt808;

/**
 * 终端鉴权 (0x0102): the auth code the registration reply gave. 2013 sends the code alone as the whole body; 2019 its
 * length first, then the code, the IMEI (15 bytes) and the software version (20 bytes).
 */
public record Authentication(String authCode, String imei, String softwareVersion) {

  public static Authentication decode(BodyReader body, Header header) throws MalformedFrameException {
    if (header.version() != ProtocolVersion.V2019) {
      return new Authentication(body.rest(), null, null);
    }
    int length = body.u8();
    String code = body.text(length);
    String imei = body.remaining() >= 15 ? body.text(15) : null;
    String software = body.remaining() >= 20 ? body.text(20) : null;
    return new Authentication(code, imei, software);
  }
}
