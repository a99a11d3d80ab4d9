package cn.smartaffairs.vehicle.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/** The day the solver works on: trips to place, and the vehicles and drivers they may take. * <p>Public with a public constructor only because Timefold creates it by reflection.
 */
@PlanningSolution
public final class DispatchSolution {

  @ProblemFactCollectionProperty private List<PlannedVehicle> vehicles;
  @ProblemFactCollectionProperty private List<PlannedDriver> drivers;
  @PlanningEntityCollectionProperty private List<PlannedTrip> trips;
  @PlanningScore private HardMediumSoftLongScore score;

  /** For the solver's cloning. */
  public DispatchSolution() {}

  DispatchSolution(List<PlannedVehicle> vehicles, List<PlannedDriver> drivers, List<PlannedTrip> trips) {
    this.vehicles = vehicles;
    this.drivers = drivers;
    this.trips = trips;
  }

  List<PlannedTrip> trips() {
    return trips;
  }

  HardMediumSoftLongScore score() {
    return score;
  }
}
