package cn.smartaffairs.meeting;

import java.util.List;
import java.util.stream.Stream;

/**
 * Where a booking stands, exactly the values the CHECK on {@code meeting_booking.status} allows (V12). PENDING holds
 * the room while a large hall's approval runs and ACTIVE is confirmed; CANCELLED and RELEASED (a no-show, 未签到释放)
 * have given it back.
 */
public enum BookingStatus {
  PENDING, ACTIVE, CANCELLED, RELEASED;

  /**
   * The states that keep the room from others, as names for a query; the exclusion constraint
   * {@code meeting_booking_no_overlap} counts the same ones.
   */
  static final List<String> HOLDING_ROOM = Stream.of(values()).filter(BookingStatus::holdsRoom).map(Enum::name)
      .toList();

  public boolean holdsRoom() {
    return this == PENDING || this == ACTIVE;
  }

  /** What a new booking starts as: a large hall waits for its approval, any other room is confirmed at once. */
  static BookingStatus onBooking(boolean needsApproval) {
    return needsApproval ? PENDING : ACTIVE;
  }
}
