package cn.smartaffairs.vehicle;

import java.time.LocalDateTime;

/** A trip already dispatched, holding its vehicle and driver for its window (start included, end not). */
record Booking(long vehicleId, long driverId, LocalDateTime start, LocalDateTime end) {

  boolean overlaps(TripRequest request) {
    return start.isBefore(request.end()) && request.start().isBefore(end);
  }
}
