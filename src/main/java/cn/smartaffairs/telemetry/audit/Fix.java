package cn.smartaffairs.telemetry.audit;

import java.time.Instant;

/**
 * One position as trip derivation and the audit read it, as the terminal sent it: millionths of a degree, speed in
 * 1/10 km/h, and the alarm and status words of JT/T 808.
 */
record Fix(Instant at, int latitude, int longitude, int speedDkmh, long alarmFlags, long statusFlags) {

  /** Status bit 0: ACC (the ignition) on. */
  private static final long ACC_ON = 1L;
  /** Status bit 1: the terminal has a location fix (without it latitude and longitude mean nothing). */
  private static final long LOCATED = 1L << 1;
  /** Alarm bit 1: the terminal's own overspeed alarm. */
  private static final long OVERSPEED = 1L << 1;

  boolean accOn() {
    return (statusFlags & ACC_ON) != 0;
  }

  boolean located() {
    return (statusFlags & LOCATED) != 0;
  }

  boolean overspeedAlarm() {
    return (alarmFlags & OVERSPEED) != 0;
  }

  double speedKmh() {
    return speedDkmh / 10.0;
  }

  double lat() {
    return latitude / 1e6;
  }

  double lon() {
    return longitude / 1e6;
  }

  double kmTo(Fix other) {
    return Geo.km(lat(), lon(), other.lat(), other.lon());
  }
}
