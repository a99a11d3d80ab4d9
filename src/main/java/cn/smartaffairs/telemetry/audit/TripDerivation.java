package cn.smartaffairs.telemetry.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 行程识别: a vehicle's positions cut into trips. A trip sets off at the first located position with the ignition on
 * and the car moving (from where it stood just before, if the ignition was already on there), and ends where the car
 * stopped once it has stood {@code stop} long, at the position that reports the ignition off, or before a silence of
 * the terminal longer than {@code stop}. A movement shorter than {@code minimumKm} (moving the car in the yard) is no
 * trip. Positions without a location fix are passed over. A trip still under way when the positions end is not
 * answered: {@link Result#resumeFrom()} says where to read again.
 */
final class TripDerivation {

  /**
   * The rule values derivation reads: TRIP_STOP_MINUTES, TRIP_MIN_DISTANCE_M, and MOVING_ABOVE_KMH, the same value
   * that tells 行驶 from 停驶 on the live map (at or below it a located car stands: a standing receiver reports a few
   * km/h of drift).
   */
  record Settings(Duration stop, double minimumKm, int movingAboveKmh) {}

  /** One derived trip: its positions in time order, great-circle kilometres over them, and its top speed. */
  record Trip(List<Fix> points, double gpsKm, double maxSpeedKmh) {
    Fix first() {
      return points.get(0);
    }

    Fix last() {
      return points.get(points.size() - 1);
    }
  }

  /**
   * The trips that ended, and the moment to read on from next time: the start of a trip still under way, else the last
   * position read (null when there was none).
   */
  record Result(List<Trip> trips, Instant resumeFrom) {}

  private TripDerivation() {}

  static Result derive(List<Fix> positions, Settings settings) {
    List<Trip> trips = new ArrayList<>();
    List<Fix> current = null;
    Fix stoppedAt = null;
    Fix previous = null;
    for (Fix fix : positions) {
      if (!fix.located()) {
        continue;
      }
      if (current != null && silentTooLong(previous, fix, settings)) {
        finish(current, stoppedAt, settings, trips);
        current = null;
        stoppedAt = null;
      }
      if (current == null) {
        if (fix.accOn() && moving(fix, settings)) {
          current = new ArrayList<>();
          if (previous != null && previous.accOn() && !silentTooLong(previous, fix, settings)) {
            current.add(previous);
          }
          current.add(fix);
        }
      } else {
        current.add(fix);
        if (!fix.accOn()) {
          finish(current, null, settings, trips);
          current = null;
          stoppedAt = null;
        } else if (moving(fix, settings)) {
          stoppedAt = null;
        } else if (stoppedAt == null) {
          stoppedAt = fix;
        } else if (Duration.between(stoppedAt.at(), fix.at()).compareTo(settings.stop()) >= 0) {
          finish(current, stoppedAt, settings, trips);
          current = null;
          stoppedAt = null;
        }
      }
      previous = fix;
    }
    Instant resumeFrom;
    if (current != null) {
      resumeFrom = current.get(0).at();
    } else {
      resumeFrom = positions.isEmpty() ? null : positions.get(positions.size() - 1).at();
    }
    return new Result(trips, resumeFrom);
  }

  private static boolean moving(Fix fix, Settings settings) {
    return fix.speedKmh() > settings.movingAboveKmh();
  }

  private static boolean silentTooLong(Fix previous, Fix fix, Settings settings) {
    return previous != null && Duration.between(previous.at(), fix.at()).compareTo(settings.stop()) > 0;
  }

  /** Closes a trip at {@code endAt} (or its last position) and keeps it if it went far enough. */
  private static void finish(List<Fix> points, Fix endAt, Settings settings, List<Trip> trips) {
    List<Fix> kept = endAt == null ? points : points.subList(0, points.indexOf(endAt) + 1);
    if (kept.size() < 2) {
      return;
    }
    double km = 0;
    double fastest = 0;
    for (int i = 0; i < kept.size(); i++) {
      if (i > 0) {
        km += kept.get(i - 1).kmTo(kept.get(i));
      }
      fastest = Math.max(fastest, kept.get(i).speedKmh());
    }
    if (km >= settings.minimumKm() && kept.get(kept.size() - 1).at().isAfter(kept.get(0).at())) {
      trips.add(new Trip(List.copyOf(kept), km, fastest));
    }
  }
}
