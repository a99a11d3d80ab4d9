package cn.smartaffairs.vehicle.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Who takes which trip, by index, with each vehicle's and driver's trips at hand; planners build plans on it. */
final class Schedule {

  private final DispatchModel model;
  private final int[] vehicleOf;
  private final int[] driverOf;
  private final List<List<Integer>> vehicleTrips = new ArrayList<>();
  private final List<List<Integer>> driverTrips = new ArrayList<>();

  Schedule(DispatchModel model) {
    this.model = model;
    vehicleOf = new int[model.tripCount];
    driverOf = new int[model.tripCount];
    Arrays.fill(vehicleOf, -1);
    Arrays.fill(driverOf, -1);
    for (int v = 0; v < model.vehicleCount; v++) {
      vehicleTrips.add(new ArrayList<>());
    }
    for (int d = 0; d < model.driverCount; d++) {
      driverTrips.add(new ArrayList<>());
    }
  }

  /** Gives the trip to a vehicle and a driver; -1 leaves that side open. */
  void assign(int trip, int vehicle, int driver) {
    if (vehicleOf[trip] >= 0) {
      vehicleTrips.get(vehicleOf[trip]).remove(Integer.valueOf(trip));
    }
    if (driverOf[trip] >= 0) {
      driverTrips.get(driverOf[trip]).remove(Integer.valueOf(trip));
    }
    vehicleOf[trip] = vehicle;
    driverOf[trip] = driver;
    if (vehicle >= 0) {
      vehicleTrips.get(vehicle).add(trip);
    }
    if (driver >= 0) {
      driverTrips.get(driver).add(trip);
    }
  }

  int vehicleOf(int trip) {
    return vehicleOf[trip];
  }

  int driverOf(int trip) {
    return driverOf[trip];
  }

  List<Integer> vehicleTrips(int vehicle) {
    return vehicleTrips.get(vehicle);
  }

  List<Integer> driverTrips(int driver) {
    return driverTrips.get(driver);
  }

  /** A vehicle's trips in start order; only fully served trips count when {@code servedOnly}. */
  int[] vehicleDay(int vehicle, boolean servedOnly) {
    return inOrder(vehicleTrips.get(vehicle), servedOnly);
  }

  int[] driverDay(int driver, boolean servedOnly) {
    return inOrder(driverTrips.get(driver), servedOnly);
  }

  private int[] inOrder(List<Integer> trips, boolean servedOnly) {
    return trips.stream()
        .filter(i -> !servedOnly || vehicleOf[i] >= 0 && driverOf[i] >= 0)
        .sorted(model.byStart())
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * First fit for every trip still open, in start order: the first vehicle, then the first driver, that can take it
   * without breaking a rule, own region before mutual aid. Half-served trips are cleared first.
   */
  void fillFirstFit() {
    Integer[] order = new Integer[model.tripCount];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, model.byStart());
    for (int trip : order) {
      if (vehicleOf[trip] >= 0 && driverOf[trip] >= 0) {
        continue;
      }
      assign(trip, -1, -1);
      int vehicle = model.pinnedVehicle[trip] >= 0
          ? (model.vehicleCanTake(model.pinnedVehicle[trip], vehicleTrips(model.pinnedVehicle[trip]), trip)
              ? model.pinnedVehicle[trip]
              : -1)
          : firstVehicle(trip);
      int driver = model.pinnedDriver[trip] >= 0
          ? (model.driverCanTake(model.pinnedDriver[trip], driverTrips(model.pinnedDriver[trip]), trip)
              ? model.pinnedDriver[trip]
              : -1)
          : firstDriver(trip);
      if (vehicle >= 0 && driver >= 0) {
        assign(trip, vehicle, driver);
      }
    }
  }

  private int firstVehicle(int trip) {
    for (boolean ownRegion : new boolean[] {true, false}) {
      for (int v = 0; v < model.vehicleCount; v++) {
        if (model.isMutualAid(trip, v) != ownRegion && model.vehicleCanTake(v, vehicleTrips(v), trip)) {
          return v;
        }
      }
    }
    return -1;
  }

  private int firstDriver(int trip) {
    for (boolean ownRegion : new boolean[] {true, false}) {
      for (int d = 0; d < model.driverCount; d++) {
        if (model.isDriverMutualAid(trip, d) != ownRegion && model.driverCanTake(d, driverTrips(d), trip)) {
          return d;
        }
      }
    }
    return -1;
  }
}
