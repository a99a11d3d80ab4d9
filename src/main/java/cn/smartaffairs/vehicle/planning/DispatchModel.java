package cn.smartaffairs.vehicle.planning;

import cn.smartaffairs.vehicle.planning.DispatchProblem.Driver;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Trip;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Vehicle;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dispatch problem turned into arrays: times in seconds from the day's midnight, road distances precomputed once,
 * and the rules every planner and the evaluator share. Trips, vehicles and drivers are addressed by their index in
 * the problem's lists. Both planners and the {@link PlanEvaluator} go through the chain checks below, so a plan
 * scores the same whoever made it.
 */
final class DispatchModel {

  /** Soft weights, all in one currency: 1 point = 1 metre of empty road = 1 fen of its running cost. */
  static final long MUTUAL_AID_PENALTY = 20_000;

  final DispatchProblem problem;
  final int tripCount;
  final int vehicleCount;
  final int driverCount;
  final long[] start;
  final long[] end;
  /** Loaded road metres of each trip (origin, stops, and back when it returns). */
  final long[] routeMetres;
  /** Driving seconds of each trip's own route at the average speed. */
  final long[] routeDriveSeconds;
  /** Empty road metres from trip i's finish to trip j's origin. */
  final long[][] tripToTrip;
  /** Empty road metres from vehicle v's depot to trip j's origin. */
  final long[][] depotToTrip;
  /** Empty road metres from trip i's finish back to vehicle v's depot. */
  final long[][] tripToDepot;
  final long[] availableFrom;
  final long[] availableUntil;
  final long[] shiftStart;
  final long[] shiftEnd;
  /** Static fit of each trip-vehicle and trip-driver pair: null when it fits, else the reason code. */
  final String[][] vehicleMisfit;
  final String[][] driverMisfit;
  final int[] pinnedVehicle;
  final int[] pinnedDriver;
  private final double metresPerSecond;
  private final Map<Long, Integer> tripIndexById = new HashMap<>();
  private final Map<Long, Integer> vehicleIndexById = new HashMap<>();
  private final Map<Long, Integer> driverIndexById = new HashMap<>();

  DispatchModel(DispatchProblem problem) {
    this.problem = problem;
    List<Trip> trips = problem.trips();
    List<Vehicle> vehicles = problem.vehicles();
    List<Driver> drivers = problem.drivers();
    tripCount = trips.size();
    vehicleCount = vehicles.size();
    driverCount = drivers.size();
    double roadFactor = problem.rules().roadFactor();
    metresPerSecond = problem.rules().averageSpeedKmh() * 1000.0 / 3600.0;
    LocalDateTime midnight = problem.day().atStartOfDay();
    start = new long[tripCount];
    end = new long[tripCount];
    routeMetres = new long[tripCount];
    routeDriveSeconds = new long[tripCount];
    for (int i = 0; i < tripCount; i++) {
      Trip trip = trips.get(i);
      index(tripIndexById, trip.requestId(), i, "trip");
      start[i] = seconds(midnight, trip.start());
      end[i] = seconds(midnight, trip.end());
      GeoPoint at = trip.origin();
      long metres = 0;
      for (GeoPoint stop : trip.stops()) {
        metres += roadMetres(at, stop, roadFactor);
        at = stop;
      }
      if (trip.returnsToOrigin()) {
        metres += roadMetres(at, trip.origin(), roadFactor);
      }
      routeMetres[i] = metres;
      routeDriveSeconds[i] = driveSeconds(metres);
    }
    tripToTrip = new long[tripCount][tripCount];
    for (int i = 0; i < tripCount; i++) {
      for (int j = 0; j < tripCount; j++) {
        tripToTrip[i][j] = roadMetres(trips.get(i).finish(), trips.get(j).origin(), roadFactor);
      }
    }
    depotToTrip = new long[vehicleCount][tripCount];
    tripToDepot = new long[tripCount][vehicleCount];
    availableFrom = new long[vehicleCount];
    availableUntil = new long[vehicleCount];
    for (int v = 0; v < vehicleCount; v++) {
      Vehicle vehicle = vehicles.get(v);
      index(vehicleIndexById, vehicle.vehicleId(), v, "vehicle");
      availableFrom[v] = seconds(midnight, vehicle.availableFrom());
      availableUntil[v] = seconds(midnight, vehicle.availableUntil());
      for (int j = 0; j < tripCount; j++) {
        depotToTrip[v][j] = roadMetres(vehicle.depot(), trips.get(j).origin(), roadFactor);
        tripToDepot[j][v] = roadMetres(trips.get(j).finish(), vehicle.depot(), roadFactor);
      }
    }
    shiftStart = new long[driverCount];
    shiftEnd = new long[driverCount];
    for (int d = 0; d < driverCount; d++) {
      index(driverIndexById, drivers.get(d).driverId(), d, "driver");
      shiftStart[d] = seconds(midnight, drivers.get(d).shiftStart());
      shiftEnd[d] = seconds(midnight, drivers.get(d).shiftEnd());
    }
    pinnedVehicle = new int[tripCount];
    pinnedDriver = new int[tripCount];
    vehicleMisfit = new String[tripCount][vehicleCount];
    driverMisfit = new String[tripCount][driverCount];
    for (int i = 0; i < tripCount; i++) {
      Trip trip = trips.get(i);
      pinnedVehicle[i] = trip.pinnedVehicleId() == null
          ? -1
          : indexOf(vehicleIndexById, trip.pinnedVehicleId(), "vehicle");
      pinnedDriver[i] = trip.pinnedDriverId() == null ? -1 : indexOf(driverIndexById, trip.pinnedDriverId(), "driver");
      for (int v = 0; v < vehicleCount; v++) {
        vehicleMisfit[i][v] = vehicleMisfit(i, v);
      }
      for (int d = 0; d < driverCount; d++) {
        driverMisfit[i][d] = driverMisfit(i, d);
      }
    }
  }

  Trip trip(int i) {
    return problem.trips().get(i);
  }

  Vehicle vehicle(int v) {
    return problem.vehicles().get(v);
  }

  Driver driver(int d) {
    return problem.drivers().get(d);
  }

  int tripIndex(long requestId) {
    return indexOf(tripIndexById, requestId, "trip");
  }

  int vehicleIndex(long vehicleId) {
    return indexOf(vehicleIndexById, vehicleId, "vehicle");
  }

  int driverIndex(long driverId) {
    return indexOf(driverIndexById, driverId, "driver");
  }

  long driveSeconds(long metres) {
    return (long) Math.ceil(metres / metresPerSecond);
  }

  long minRestSeconds() {
    return problem.rules().minRestMinutes() * 60L;
  }

  long maxDrivingSeconds() {
    return problem.rules().maxDrivingMinutes() * 60L;
  }

  /** Orders a resource's trips as they happen; the index breaks ties so every caller sees the same order. */
  Comparator<Integer> byStart() {
    return Comparator.<Integer>comparingLong(i -> start[i]).thenComparingInt(i -> i);
  }

  boolean isMutualAid(int trip, int vehicle) {
    return vehicle(vehicle).regionId() != trip(trip).regionId();
  }

  boolean isDriverMutualAid(int trip, int driver) {
    return driver(driver).regionId() != trip(trip).regionId();
  }

  /**
   * Rules that a single trip-vehicle pair must meet whatever else the vehicle does: category, seats, region (or the
   * trip's consented mutual aid), eligibility on the day (insurance, inspection, sealing) and availability, counting
   * the empty drive out of the depot and back into it. A misfit keeps the vehicle out of the trip's value range.
   */
  private String vehicleMisfit(int i, int v) {
    Trip trip = trip(i);
    Vehicle vehicle = vehicle(v);
    if (!vehicle.category().equals(trip.category())) {
      return UnassignedReason.NO_VEHICLE_OF_CATEGORY;
    }
    if (vehicle.seats() < trip.passengers()) {
      return UnassignedReason.NO_VEHICLE_WITH_SEATS;
    }
    if (vehicle.regionId() != trip.regionId() && !trip.aidRegionIds().contains(vehicle.regionId())) {
      return UnassignedReason.NO_VEHICLE_IN_REGION;
    }
    if (vehicle.barred()) {
      return UnassignedReason.NO_ELIGIBLE_VEHICLE;
    }
    if (availableFrom[v] + driveSeconds(depotToTrip[v][i]) > start[i]
        || end[i] + driveSeconds(tripToDepot[i][v]) > availableUntil[v]) {
      return UnassignedReason.NO_VEHICLE_AVAILABLE;
    }
    return null;
  }

  /** A driver's licence, region (or mutual aid), shift, and the trip's own driving within the daily limit. */
  private String driverMisfit(int i, int d) {
    Trip trip = trip(i);
    Driver driver = driver(d);
    if (!driver.categories().isEmpty() && !driver.categories().contains(trip.category())) {
      return UnassignedReason.NO_LICENSED_DRIVER;
    }
    if (driver.regionId() != trip.regionId() && !trip.aidRegionIds().contains(driver.regionId())) {
      return UnassignedReason.NO_DRIVER_IN_REGION;
    }
    if (start[i] < shiftStart[d] || end[i] > shiftEnd[d]) {
      return UnassignedReason.NO_DRIVER_ON_SHIFT;
    }
    if (routeDriveSeconds[i] > maxDrivingSeconds()) {
      return UnassignedReason.DRIVING_LIMIT;
    }
    return null;
  }

  /**
   * Scores one vehicle's day: the trips in start order must each leave after the vehicle has driven empty from
   * where it was (the depot first), and the vehicle must be home by the end of its availability.
   *
   * @param violations collects readable violations when not null (the feasibility checker); the solver passes null
   */
  VehicleDay vehicleDay(int v, int[] tripsInOrder, List<String> violations) {
    long hard = 0;
    long emptyMetres = 0;
    long loadedMetres = 0;
    long aided = 0;
    long freeAt = availableFrom[v];
    long previous = -1;
    for (int i : tripsInOrder) {
      String misfit = vehicleMisfit[i][v];
      if (misfit != null && !UnassignedReason.NO_VEHICLE_AVAILABLE.equals(misfit)) {
        hard += 1;
        note(violations, "trip %d on vehicle %d: %s", trip(i).requestId(), vehicle(v).vehicleId(), misfit);
      }
      long leg = previous < 0 ? depotToTrip[v][i] : tripToTrip[(int) previous][i];
      long arrives = freeAt + driveSeconds(leg);
      if (arrives > start[i]) {
        hard += 1 + minutesUp(arrives - start[i]);
        note(violations, "vehicle %d cannot reach trip %d in time (%d s late)", vehicle(v).vehicleId(),
            trip(i).requestId(), arrives - start[i]);
      }
      emptyMetres += leg;
      loadedMetres += routeMetres[i];
      if (isMutualAid(i, v)) {
        aided++;
      }
      freeAt = end[i];
      previous = i;
    }
    if (previous >= 0) {
      long leg = tripToDepot[(int) previous][v];
      long home = freeAt + driveSeconds(leg);
      if (home > availableUntil[v]) {
        hard += 1 + minutesUp(home - availableUntil[v]);
        note(violations, "vehicle %d is back at its depot %d s after its availability ends", vehicle(v).vehicleId(),
            home - availableUntil[v]);
      }
      emptyMetres += leg;
    }
    long costFen = Math.round((emptyMetres + loadedMetres) * vehicle(v).costPerKmFen() / 1000.0);
    long emptyCostFen = Math.round(emptyMetres * vehicle(v).costPerKmFen() / 1000.0);
    // only the empty part is the planner's doing; charging loaded kilometres would make short trips look cheaper
    // to serve than long ones when not all trips fit
    long soft = emptyMetres + emptyCostFen + aided * MUTUAL_AID_PENALTY;
    return new VehicleDay(hard, soft, emptyMetres, loadedMetres, costFen, emptyCostFen);
  }

  /**
   * Scores one driver's day: every trip inside the shift, between two trips the empty drive to the next origin
   * plus the minimum rest, and the day's driving (own routes plus those empty drives) within the limit. The soft
   * part is the squared driving minutes, so spreading work evenly scores better than piling it on one driver.
   */
  DriverDay driverDay(int d, int[] tripsInOrder, List<String> violations) {
    long hard = 0;
    long drivingSeconds = 0;
    long aided = 0;
    int previous = -1;
    for (int i : tripsInOrder) {
      String misfit = driverMisfit[i][d];
      if (misfit != null && !UnassignedReason.DRIVING_LIMIT.equals(misfit)) {
        hard += 1;
        note(violations, "trip %d with driver %d: %s", trip(i).requestId(), driver(d).driverId(), misfit);
      }
      drivingSeconds += routeDriveSeconds[i];
      if (previous >= 0) {
        long transfer = driveSeconds(tripToTrip[previous][i]);
        drivingSeconds += transfer;
        long ready = end[previous] + transfer + minRestSeconds();
        if (ready > start[i]) {
          hard += 1 + minutesUp(ready - start[i]);
          note(violations, "driver %d has no time to rest between trips %d and %d (%d s short)",
              driver(d).driverId(), trip(previous).requestId(), trip(i).requestId(), ready - start[i]);
        }
      }
      if (isDriverMutualAid(i, d)) {
        aided++;
      }
      previous = i;
    }
    if (drivingSeconds > maxDrivingSeconds()) {
      hard += 1 + minutesUp(drivingSeconds - maxDrivingSeconds());
      note(violations, "driver %d drives %d min, over the limit of %d", driver(d).driverId(), drivingSeconds / 60,
          problem.rules().maxDrivingMinutes());
    }
    long minutes = drivingSeconds / 60;
    return new DriverDay(hard, minutes * minutes + aided * MUTUAL_AID_PENALTY, drivingSeconds);
  }

  /** Whether the trip can join the vehicle's day as it is, without breaking any of the vehicle's rules. */
  boolean vehicleCanTake(int v, List<Integer> dayInOrder, int trip) {
    if (vehicleMisfit[trip][v] != null) {
      return false;
    }
    return vehicleDay(v, withTrip(dayInOrder, trip), null).hard() == 0;
  }

  boolean driverCanTake(int d, List<Integer> dayInOrder, int trip) {
    if (driverMisfit[trip][d] != null) {
      return false;
    }
    return driverDay(d, withTrip(dayInOrder, trip), null).hard() == 0;
  }

  int[] withTrip(List<Integer> dayInOrder, int trip) {
    List<Integer> day = new ArrayList<>(dayInOrder);
    day.add(trip);
    return day.stream().sorted(byStart()).mapToInt(Integer::intValue).toArray();
  }

  private static long minutesUp(long seconds) {
    return (seconds + 59) / 60;
  }

  private static void note(List<String> violations, String format, Object... args) {
    if (violations != null) {
      violations.add(String.format(format, args));
    }
  }

  private static long seconds(LocalDateTime midnight, LocalDateTime time) {
    return Duration.between(midnight, time).getSeconds();
  }

  private static long roadMetres(GeoPoint from, GeoPoint to, double roadFactor) {
    return Math.round(from.greatCircleKm(to) * roadFactor * 1000);
  }

  private static void index(Map<Long, Integer> indexById, long id, int index, String what) {
    if (indexById.putIfAbsent(id, index) != null) {
      throw new IllegalArgumentException("duplicate " + what + " " + id);
    }
  }

  private static int indexOf(Map<Long, Integer> indexById, long id, String what) {
    Integer index = indexById.get(id);
    if (index == null) {
      throw new IllegalArgumentException("unknown " + what + " " + id);
    }
    return index;
  }

  /** One vehicle's day as scored: hard penalty, soft penalty, and the distances and cost behind it. */
  record VehicleDay(long hard, long soft, long emptyMetres, long loadedMetres, long costFen, long emptyCostFen) {}

  record DriverDay(long hard, long soft, long drivingSeconds) {}
}
