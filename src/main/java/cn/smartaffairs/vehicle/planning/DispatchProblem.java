package cn.smartaffairs.vehicle.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * One day's dispatch to plan: approved trips, the vehicles and drivers that may take them, and the rule values in
 * force (from the vehicle module's rule tables). All times are local times in Asia/Shanghai.
 */
public record DispatchProblem(LocalDate day, List<Trip> trips, List<Vehicle> vehicles, List<Driver> drivers,
    Rules rules) {

  public DispatchProblem {
    trips = List.copyOf(trips);
    vehicles = List.copyOf(vehicles);
    drivers = List.copyOf(drivers);
  }

  /**
   * An approved request: leaves {@code origin} at {@code start}, visits {@code stops} (the destinations, in order)
   * and is back at the end of its route by {@code end}. {@code aidRegionIds} are the other regions whose vehicles
   * may serve it as mutual aid (both regions consented); a trip with a pinned vehicle/driver (assigned by hand) is
   * not moved by the planner.
   */
  public record Trip(long requestId, long regionId, String category, int passengers, LocalDateTime start,
      LocalDateTime end, GeoPoint origin, List<GeoPoint> stops, boolean returnsToOrigin,
      Set<Long> aidRegionIds, Long pinnedVehicleId, Long pinnedDriverId) {
    public Trip {
      stops = List.copyOf(stops);
      aidRegionIds = Set.copyOf(aidRegionIds);
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("trip " + requestId + " ends before it starts");
      }
    }

    /** Where the vehicle is when the trip is over. */
    public GeoPoint finish() {
      return returnsToOrigin || stops.isEmpty() ? origin : stops.get(stops.size() - 1);
    }
  }

  /**
   * A vehicle of the fleet on the day, parked at {@code depot}, free between {@code availableFrom} and
   * {@code availableUntil}. {@code barredBecause} names why it may not be sent out on the day at all (lapsed
   * insurance or inspection, sealed; codes of the vehicle module): such a vehicle is never planned, and is listed only
   * so that a trip it alone could serve is reported with {@link UnassignedReason#NO_ELIGIBLE_VEHICLE}.
   */
  public record Vehicle(long vehicleId, long regionId, String category, int seats, GeoPoint depot,
      LocalDateTime availableFrom, LocalDateTime availableUntil, long costPerKmFen,
      Set<String> barredBecause) {
    public Vehicle {
      barredBecause = Set.copyOf(barredBecause);
    }

    /** A vehicle that nothing bars on the day. */
    public Vehicle(long vehicleId, long regionId, String category, int seats, GeoPoint depot,
        LocalDateTime availableFrom, LocalDateTime availableUntil, long costPerKmFen) {
      this(vehicleId, regionId, category, seats, depot, availableFrom, availableUntil, costPerKmFen, Set.of());
    }

    public boolean barred() {
      return !barredBecause.isEmpty();
    }
  }

  /** A driver on shift on the day, whose licence allows the listed categories (empty = all). */
  public record Driver(long driverId, long regionId, LocalDateTime shiftStart, LocalDateTime shiftEnd,
      Set<String> categories) {
    public Driver {
      categories = Set.copyOf(categories);
    }
  }

  /**
   * Rule values: road distance = great-circle distance x {@code roadFactor}; travel time at {@code averageSpeedKmh};
   * a driver drives at most {@code maxDrivingMinutes} a day and rests {@code minRestMinutes} between trips.
   */
  public record Rules(double roadFactor, int averageSpeedKmh, int maxDrivingMinutes, int minRestMinutes) {}
}
