package cn.smartaffairs.meeting;

import java.time.Instant;

/**
 * Published when a booking gives its room back before or while it runs, inside that transaction, through the event
 * publication registry (ADR 0012): cancelled (by the booker or a manager, with its series, or a large hall's
 * approval refused or withdrawn) or released as a no-show (未签到释放).
 */
public record BookingReleased(long bookingId, long roomId, long regionId, Instant start, Instant end, Reason reason) {

  public enum Reason {
    CANCELLED, NO_SHOW
  }
}
