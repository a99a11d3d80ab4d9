package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a member of staff asks for: purpose, passengers, category, the origin and destinations as named places
 * ({@code originPlaceId}, {@code stopPlaceIds}) or as explicit points, and the time window (Beijing local time).
 * Its checks are those of 提交 (submission), each refusing with the first thing missing (400).
 */
public record NewTripRequest(String purpose, Integer passengers, VehicleCategory category, Long originPlaceId,
    TripRequest.Stop origin, List<Long> stopPlaceIds, List<TripRequest.Stop> stops,
    LocalDateTime start, LocalDateTime end, Boolean returnsToOrigin) {

  /** The purpose as stored, without surrounding blanks. */
  String trimmedPurpose() {
    return purpose == null ? "" : purpose.trim();
  }

  /** Whether the trip returns to where it started; it does unless the requester says otherwise. */
  boolean returns() {
    return returnsToOrigin == null || returnsToOrigin;
  }

  /** A purpose of at most 200 characters, 1 to 59 passengers and a category. */
  void checkParty() {
    String trimmed = trimmedPurpose();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      throw new BusinessRuleException("vehicle.purposeRequired");
    }
    if (passengers == null || passengers < 1 || passengers > 59) {
      throw new BusinessRuleException("vehicle.passengersInvalid");
    }
    if (category == null) {
      throw new BusinessRuleException("vehicle.categoryRequired");
    }
  }

  /**
   * A party larger than any vehicle of the category in the region ({@code mostPassengers}, empty when the region
   * has none) cannot be served by one dispatch: said now, naming the seats, rather than after approval. A region
   * without the category may still borrow one (mutual aid).
   */
  void checkFitsOneVehicle(OptionalInt mostPassengers) {
    if (mostPassengers.isPresent() && passengers > mostPassengers.getAsInt()) {
      throw new BusinessRuleException("vehicle.tooManyPassengers", passengers, Fleet.categoryLabel(category),
          mostPassengers.getAsInt());
    }
  }

  /** An origin and at least one stop, each named and on the globe. */
  static void checkRoute(TripRequest.Stop origin, List<TripRequest.Stop> stops) {
    if (origin == null || stops.isEmpty() || !valid(origin) || !stops.stream().allMatch(NewTripRequest::valid)) {
      throw new BusinessRuleException("vehicle.routeRequired");
    }
  }

  /** A window that ends after it starts and starts no earlier than {@code now}. */
  void checkWindow(Instant now) {
    if (start == null || end == null || !end.isAfter(start)) {
      throw new BusinessRuleException("vehicle.windowInvalid");
    }
    if (start.atZone(PlatformConfiguration.ZONE).toInstant().isBefore(now)) {
      throw new BusinessRuleException("vehicle.windowInThePast");
    }
  }

  private static boolean valid(TripRequest.Stop stop) {
    return stop.name() != null && !stop.name().isBlank() && Math.abs(stop.latitude()) <= 90
        && Math.abs(stop.longitude()) <= 180;
  }
}
