package cn.smartaffairs.telemetry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Where a person sees a vehicle's track over a period: the one place that builds the address, so the GPS audit's
 * evidence links follow the track page wherever it goes. Beijing local minutes, the start rounded down and the end up.
 */
public final class TrackLinks {

  private TrackLinks() {}

  public static String of(long vehicleId, Instant from, Instant to) {
    LocalDateTime start = LocalDateTime.ofInstant(from, Moments.BEIJING).truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime end = LocalDateTime.ofInstant(to, Moments.BEIJING).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    return "/vehicles/" + vehicleId + "/track?from=" + start + "&to=" + end;
  }
}
