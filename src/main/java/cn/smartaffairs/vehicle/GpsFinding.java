package cn.smartaffairs.vehicle;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * GPS 核查: one thing the audit of a trip derived from positions found (ADR 0013), with its evidence — when and where
 * (Beijing time, degrees), what was measured and what the rule allows, in the kind's unit (km for NO_SHEET,
 * ROUTE_DEVIATION, SEALED_HOLIDAY_MOVE and ODOMETER_MISMATCH's GPS km with {@code basis} the odometer km and
 * {@code allowed} the percent; minutes for OUTSIDE_WINDOW; metres for NIGHT_AWAY; km/h for SPEEDING), the dispatch
 * sheet the trip was matched to, and the address of the trip's track.
 */
public record GpsFinding(Kind kind, long vehicleId, long tripId, LocalDateTime at, BigDecimal latitude,
    BigDecimal longitude, BigDecimal measured, BigDecimal allowed, BigDecimal basis, String sheetNo,
    String trackLink) {

  /** What the audit flags on a trip. */
  public enum Kind {
    /** The car moved with no dispatch sheet for the time. */
    NO_SHEET,
    /** It moved outside its sheet's approved window (beyond the tolerance). */
    OUTSIDE_WINDOW,
    /** It went farther from the route through the sheet's places than the rule allows. */
    ROUTE_DEVIATION,
    /** GPS kilometres and the odometer readings the driver recorded disagree by more than the rule allows. */
    ODOMETER_MISMATCH,
    /** It spent a night away from its designated parking place. */
    NIGHT_AWAY,
    /** A sealed car moved on a holiday. */
    SEALED_HOLIDAY_MOVE,
    /** Faster than the rule's limit, or the terminal raised its overspeed alarm. */
    SPEEDING
  }
}
