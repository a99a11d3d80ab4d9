package cn.smartaffairs.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Where a person sees a vehicle's track over a period: the one place that builds the address, so the GPS audit's
 * evidence links follow the track page wherever it goes. Beijing local minutes, the start rounded down and the end up;
 * a flag's evidence position is marked on the map ({@code mark=lat,lon}).
 */
public final class TrackLinks {

  private TrackLinks() {}

  public static String of(long vehicleId, Instant from, Instant to) {
    LocalDateTime start = LocalDateTime.ofInstant(from, Moments.BEIJING).truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime end = LocalDateTime.ofInstant(to, Moments.BEIJING).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    return "/vehicles/" + vehicleId + "/track?from=" + start + "&to=" + end;
  }

  /** A terminal's alarm: the minutes around it with the alarm's position marked, and the way back to the alarms. */
  public static String ofAlarm(long vehicleId, Instant from, Instant to, BigDecimal lat, BigDecimal lon) {
    return of(vehicleId, from, to, lat, lon) + "&back=alarms";
  }

  /** The same period with the position that shows what was flagged marked on the map. */
  public static String of(long vehicleId, Instant from, Instant to, BigDecimal markLat, BigDecimal markLon) {
    return of(vehicleId, from, to) + "&mark=" + markLat.toPlainString() + "," + markLon.toPlainString();
  }
}
