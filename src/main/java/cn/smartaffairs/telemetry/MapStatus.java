package cn.smartaffairs.telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A vehicle's state on the live map: 行驶 (a fresh position faster than the rule's speed), 停驶 (a fresh position at or
 * below it) or 离线 (no position within the rule's minutes, or none ever). Fresh is measured on the position's own time,
 * so a late blind-area upload does not make a vehicle look live.
 */
public enum MapStatus {
  MOVING, PARKED, OFFLINE;

  /** The thresholds of the region, from {@link TelemetryRules}. */
  record Thresholds(int movingAboveKmh, int offlineAfterMinutes) {}

  static MapStatus of(Instant at, BigDecimal speedKmh, Instant now, Thresholds thresholds) {
    if (at == null || Duration.between(at, now).compareTo(Duration.ofMinutes(thresholds.offlineAfterMinutes())) > 0) {
      return OFFLINE;
    }
    return speedKmh.compareTo(BigDecimal.valueOf(thresholds.movingAboveKmh())) > 0 ? MOVING : PARKED;
  }
}
