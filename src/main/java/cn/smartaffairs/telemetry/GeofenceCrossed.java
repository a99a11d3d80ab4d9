package cn.smartaffairs.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published when a vehicle's stored positions show it entering or leaving a geofence of its region, in the transaction
 * that records the crossing, through the event publication registry (ADR 0012). {@code at}, {@code lat} and
 * {@code lon} are those of the first position on the new side (degrees, six decimals, as the terminal reported them).
 */
public record GeofenceCrossed(long crossingId, long geofenceId, String geofenceName, GeofenceKind kind, long regionId,
    long vehicleId, Direction direction, Instant at, BigDecimal lat, BigDecimal lon) {

  /** Into the fence, or out of it. */
  public enum Direction {
    ENTERED, LEFT
  }
}
