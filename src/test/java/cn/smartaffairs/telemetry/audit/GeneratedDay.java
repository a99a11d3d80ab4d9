package cn.smartaffairs.telemetry.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle's positions as a terminal reports them over a generated day: every 30 seconds, standing (ignition on or
 * off) or driving in a straight line at a steady speed. Places of the demo city of 云溪.
 */
final class GeneratedDay {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final double[] PARKING = {25.0398, 102.7140};
  static final double[] CENTRE = {25.0406, 102.7123};
  static final double[] ARCHIVE = {25.0452, 102.7215};
  /** About 5 km north-west of the centre, off any route between it and the archive. */
  static final double[] HOSPITAL_FAR = {25.0800, 102.6900};
  /** A hotel by the airport, some 22 km from the parking place. */
  static final double[] AIRPORT_HOTEL = {25.1010, 102.9290};

  private static final Duration STEP = Duration.ofSeconds(30);
  private static final long ACC_ON = 1;
  private static final long LOCATED = 2;
  private static final long OVERSPEED = 2;

  private final List<Fix> fixes = new ArrayList<>();
  private Instant now;
  private double lat;
  private double lon;
  private long alarm;

  private GeneratedDay(LocalDateTime start, double[] at) {
    this.now = start.atZone(BEIJING).toInstant();
    this.lat = at[0];
    this.lon = at[1];
  }

  /** Standing at a place from a Beijing time. */
  static GeneratedDay from(LocalDateTime start, double[] at) {
    return new GeneratedDay(start, at);
  }

  /** Standing with the ignition off for a while (positions every 30 s, as many terminals keep sending). */
  GeneratedDay parkedOff(Duration duration) {
    return stand(duration, false);
  }

  /** Standing with the ignition on (waiting, engine running). */
  GeneratedDay standing(Duration duration) {
    return stand(duration, true);
  }

  /** Until a Beijing time, standing with the ignition off. */
  GeneratedDay parkedOffUntil(LocalDateTime until) {
    return parkedOff(Duration.between(now, until.atZone(BEIJING).toInstant()));
  }

  /** The terminal sends nothing for a while (switched off, no coverage). */
  GeneratedDay silent(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  /** From now on, positions carry the terminal's overspeed alarm (until {@link #alarmOff()}). */
  GeneratedDay alarmOn() {
    alarm = OVERSPEED;
    return this;
  }

  GeneratedDay alarmOff() {
    alarm = 0;
    return this;
  }

  /** Drives in a straight line to the place at a steady speed, ignition on. */
  GeneratedDay driveTo(double[] to, double kmh) {
    double km = Geo.km(lat, lon, to[0], to[1]);
    long steps = Math.max(1, (long) Math.ceil(km / kmh * 3600 / STEP.toSeconds()));
    double fromLat = lat;
    double fromLon = lon;
    for (long i = 1; i <= steps; i++) {
      now = now.plus(STEP);
      lat = fromLat + (to[0] - fromLat) * i / steps;
      lon = fromLon + (to[1] - fromLon) * i / steps;
      add(kmh, true);
    }
    return this;
  }

  /** One position reporting the ignition switched off where the car is. */
  GeneratedDay switchOff() {
    now = now.plus(STEP);
    add(0, false);
    return this;
  }

  List<Fix> fixes() {
    return List.copyOf(fixes);
  }

  private GeneratedDay stand(Duration duration, boolean accOn) {
    long steps = duration.toSeconds() / STEP.toSeconds();
    for (long i = 0; i < steps; i++) {
      now = now.plus(STEP);
      add(0, accOn);
    }
    return this;
  }

  private void add(double kmh, boolean accOn) {
    fixes.add(new Fix(now, (int) Math.round(lat * 1e6), (int) Math.round(lon * 1e6), (int) Math.round(kmh * 10),
        alarm, LOCATED | (accOn ? ACC_ON : 0)));
  }
}
