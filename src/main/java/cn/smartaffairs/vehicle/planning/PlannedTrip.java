package cn.smartaffairs.vehicle.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * A trip as the solver plans it: which vehicle and which driver, each may stay empty (the trip is then unserved
 * and costs a medium point). The candidate lists hold only vehicles and drivers that meet the trip's static rules
 * (category, seats, licence, region or mutual aid, availability, shift), which keeps the search among sensible
 * choices; a pin narrows a list to the pinned one, and a trip pinned to both is not moved at all.
 * <p>Public with a public constructor only because Timefold creates it by reflection.
 */
@PlanningEntity
public final class PlannedTrip {

  @PlanningId private Integer index;
  @PlanningPin private boolean pinned;
  @ValueRangeProvider(id = "candidateVehicles") private List<PlannedVehicle> candidateVehicles;
  @ValueRangeProvider(id = "candidateDrivers") private List<PlannedDriver> candidateDrivers;
  @PlanningVariable(valueRangeProviderRefs = "candidateVehicles", allowsUnassigned = true) private PlannedVehicle vehicle;
  @PlanningVariable(valueRangeProviderRefs = "candidateDrivers", allowsUnassigned = true) private PlannedDriver driver;

  /** For the solver's cloning. */
  public PlannedTrip() {}

  PlannedTrip(int index, boolean pinned, List<PlannedVehicle> candidateVehicles,
      List<PlannedDriver> candidateDrivers) {
    this.index = index;
    this.pinned = pinned;
    this.candidateVehicles = List.copyOf(candidateVehicles);
    this.candidateDrivers = List.copyOf(candidateDrivers);
  }

  int index() {
    return index;
  }

  PlannedVehicle getVehicle() { return vehicle; }

  void setVehicle(PlannedVehicle vehicle) { this.vehicle = vehicle; }

  PlannedDriver getDriver() { return driver; }

  void setDriver(PlannedDriver driver) { this.driver = driver; }

  static int[] inOrder(DispatchModel model, List<PlannedTrip> trips) {
    int[] indexes = new int[trips.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = trips.get(i).index;
    }
    // insertion sort: a day holds a handful of trips, and this runs for every move the solver tries
    for (int i = 1; i < indexes.length; i++) {
      int trip = indexes[i];
      int j = i - 1;
      while (j >= 0 && (model.start[indexes[j]] > model.start[trip]
          || model.start[indexes[j]] == model.start[trip] && indexes[j] > trip)) {
        indexes[j + 1] = indexes[j];
        j--;
      }
      indexes[j + 1] = trip;
    }
    return indexes;
  }

  @Override
  public String toString() {
    return "trip#" + index + " " + vehicle + " " + driver;
  }
}
