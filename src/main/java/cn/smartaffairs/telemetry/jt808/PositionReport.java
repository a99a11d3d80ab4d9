package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * 位置信息汇报 (0x0200, and each item of 0x0704): alarm and status flags, latitude and longitude in millionths of a
 * degree (south and west negative, from status bits 2 and 3), altitude in metres, speed in tenths of km/h, heading in
 * degrees, the time in Beijing time; of the additional items, mileage (0x01, tenths of a km), fuel (0x02, tenths of a
 * litre) and the recorder's speed (0x03, tenths of km/h) — null when the terminal did not send them.
 */
public record PositionReport(long alarmFlags, long statusFlags, int latitude, int longitude, int altitudeM,
    int speedDecikmh, int headingDeg, LocalDateTime beijingTime, Long mileageHectometres,
    Integer fuelDecilitres, Integer recorderSpeedDecikmh) {

  static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
  static final long ACC_ON = 1;
  static final long LOCATED = 1 << 1;
  static final long SOUTH = 1 << 2;
  static final long WEST = 1 << 3;

  public boolean accOn() {
    return (statusFlags & ACC_ON) != 0;
  }

  public boolean located() {
    return (statusFlags & LOCATED) != 0;
  }

  /** The alarm bits set in this report (table 24). */
  public java.util.List<AlarmFlag> alarms() {
    return AlarmFlag.of(alarmFlags);
  }

  public Instant at() {
    return beijingTime.toInstant(BEIJING);
  }

  /** Reads the 28 fixed bytes and the additional items to the end of the reader. */
  public static PositionReport decode(BodyReader body) throws MalformedFrameException {
    long alarm = body.u32();
    long status = body.u32();
    long latitude = body.u32();
    long longitude = body.u32();
    int altitude = (short) body.u16();
    int speed = body.u16();
    int heading = body.u16();
    LocalDateTime time = Bcd.time(body.bytes(6), 0);
    if (latitude > 90_000_000L || longitude > 180_000_000L) {
      throw new MalformedFrameException(Fault.BODY, "latitude " + latitude + ", longitude " + longitude);
    }
    Long mileage = null;
    Integer fuel = null;
    Integer recorderSpeed = null;
    while (body.remaining() >= 2) {
      int id = body.u8();
      int length = body.u8();
      BodyReader item = body.slice(length);
      switch (id) {
        case 0x01 -> mileage = length == 4 ? item.u32() : null;
        case 0x02 -> fuel = length == 2 ? item.u16() : null;
        case 0x03 -> recorderSpeed = length == 2 ? item.u16() : null;
        default -> {
        } // other items (alarm ids, signal strength, extended signals ...) are not kept yet
      }
    }
    int signedLatitude = (int) ((status & SOUTH) != 0 ? -latitude : latitude);
    int signedLongitude = (int) ((status & WEST) != 0 ? -longitude : longitude);
    return new PositionReport(alarm, status, signedLatitude, signedLongitude, altitude, speed, heading, time, mileage,
        fuel, recorderSpeed);
  }
}
