package cn.smartaffairs.telemetry.jt808;

/**
 * 终端注册 (0x0100). The editions differ in field widths: 2011 has an 8-byte model, 2013 a 20-byte one (told apart by
 * the body's length, as the header is the same), 2019 an 11-byte manufacturer, 30-byte model and 30-byte terminal id.
 * {@code plateColour} 0 means the vehicle has no plate yet and {@code plate} carries its VIN.
 */
public record Registration(int province, int city, String manufacturer, String model, String terminalId,
    int plateColour, String plate, ProtocolVersion version) {

  /** The shortest 2013 body: 37 fixed bytes and no plate; a 2011 body with a plate of up to 11 bytes stays below. */
  static final int SHORTEST_2013 = 37;

  public static Registration decode(BodyReader body, Header header) throws MalformedFrameException {
    ProtocolVersion version = header.version() == ProtocolVersion.V2019
        ? ProtocolVersion.V2019
        : body.remaining() >= SHORTEST_2013 ? ProtocolVersion.V2013 : ProtocolVersion.V2011;
    int province = body.u16();
    int city = body.u16();
    String manufacturer = body.text(version == ProtocolVersion.V2019 ? 11 : 5);
    String model = body.text(switch (version) {
      case V2011 -> 8;
      case V2013 -> 20;
      case V2019 -> 30;
    });
    String terminalId = body.text(version == ProtocolVersion.V2019 ? 30 : 7);
    int colour = body.u8();
    String plate = body.rest();
    return new Registration(province, city, manufacturer, model, terminalId, colour, plate, version);
  }
}
