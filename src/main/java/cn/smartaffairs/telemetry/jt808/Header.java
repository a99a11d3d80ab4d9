package cn.smartaffairs.telemetry.jt808;

/**
 * 消息头 of a frame. {@code phoneDigits} as sent (12 digits, or 20 in 2019) so that a reply carries the same number;
 * {@link #phone} is the number without its padding zeros. {@code packageCount} and {@code packageIndex} are 0 unless
 * the message is split into sub-packages (attribute bit 13).
 */
public record Header(int messageId, int bodyLength, int encryption, boolean subPackaged, ProtocolVersion version,
    int protocolVersionNumber, String phoneDigits, int flowNumber, int packageCount,
    int packageIndex) {

  public String phone() {
    return Bcd.withoutLeadingZeros(phoneDigits);
  }

  /** The header's length in bytes: 12 (2011/2013) or 17 (2019), 4 more with the sub-package fields. */
  public int length() {
    return (version == ProtocolVersion.V2019 ? 17 : 12) + (subPackaged ? 4 : 0);
  }
}
