package cn.smartaffairs.vehicle.planning;

import cn.smartaffairs.vehicle.planning.DispatchModel.DriverDay;
import cn.smartaffairs.vehicle.planning.DispatchModel.VehicleDay;
import cn.smartaffairs.vehicle.planning.DispatchPlan.Assignment;
import cn.smartaffairs.vehicle.planning.DispatchPlan.Unassigned;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores and checks plans the same way whichever planner made them: the totals in {@link DispatchPlan}, the score
 * string, and the list of broken rules the tests assert is empty.
 */
final class PlanEvaluator {

  private static final List<String> VEHICLE_REASONS = List.of(UnassignedReason.NO_VEHICLE_OF_CATEGORY,
      UnassignedReason.NO_VEHICLE_WITH_SEATS, UnassignedReason.NO_VEHICLE_IN_REGION,
      UnassignedReason.NO_ELIGIBLE_VEHICLE, UnassignedReason.NO_VEHICLE_AVAILABLE);
  private static final List<String> DRIVER_REASONS = List.of(UnassignedReason.NO_LICENSED_DRIVER,
      UnassignedReason.NO_DRIVER_IN_REGION, UnassignedReason.NO_DRIVER_ON_SHIFT, UnassignedReason.DRIVING_LIMIT);

  private PlanEvaluator() {}

  /** The plan's score and totals; {@code violations} lists every hard rule the plan breaks (empty when feasible). */
  record Evaluation(long hard, long unassigned, long soft, long emptyMetres, long loadedMetres, long costFen,
      long emptyCostFen, List<String> violations) {

    String score() {
      return (-hard) + "hard/" + (-unassigned) + "medium/" + (-soft) + "soft";
    }
  }

  /** Lexicographic: fewer broken rules, then more trips served, then less soft penalty. */
  static boolean isBetter(Evaluation candidate, Evaluation incumbent) {
    if (candidate.hard() != incumbent.hard()) {
      return candidate.hard() < incumbent.hard();
    }
    if (candidate.unassigned() != incumbent.unassigned()) {
      return candidate.unassigned() < incumbent.unassigned();
    }
    return candidate.soft() < incumbent.soft();
  }

  /** Builds the plan a planner hands back from its schedule: totals, score, and a reason for each trip left out. */
  static DispatchPlan toPlan(DispatchModel model, Schedule schedule) {
    List<Assignment> assignments = new ArrayList<>();
    List<Unassigned> unassigned = new ArrayList<>();
    for (int i = 0; i < model.tripCount; i++) {
      long requestId = model.trip(i).requestId();
      if (schedule.vehicleOf(i) >= 0 && schedule.driverOf(i) >= 0) {
        assignments.add(new Assignment(requestId, model.vehicle(schedule.vehicleOf(i)).vehicleId(),
            model.driver(schedule.driverOf(i)).driverId()));
      } else {
        unassigned.add(new Unassigned(requestId, reasonFor(model, schedule, i)));
      }
    }
    Evaluation evaluation = evaluate(model, schedule);
    return new DispatchPlan(assignments, unassigned, evaluation.emptyMetres() / 1000.0,
        (evaluation.emptyMetres() + evaluation.loadedMetres()) / 1000.0, evaluation.costFen(), evaluation.score());
  }

  /** Evaluates a plan against its problem, including whether it covers each trip once and keeps the pins. */
  static Evaluation evaluate(DispatchProblem problem, DispatchPlan plan) {
    DispatchModel model = new DispatchModel(problem);
    Schedule schedule = new Schedule(model);
    List<String> structural = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Assignment assignment : plan.assignments()) {
      if (!seen.add(assignment.requestId())) {
        structural.add("trip " + assignment.requestId() + " appears twice");
        continue;
      }
      schedule.assign(model.tripIndex(assignment.requestId()), model.vehicleIndex(assignment.vehicleId()),
          model.driverIndex(assignment.driverId()));
    }
    for (Unassigned left : plan.unassigned()) {
      if (!seen.add(left.requestId())) {
        structural.add("trip " + left.requestId() + " appears twice");
      }
    }
    for (int i = 0; i < model.tripCount; i++) {
      if (!seen.contains(model.trip(i).requestId())) {
        structural.add("trip " + model.trip(i).requestId() + " is missing from the plan");
      }
    }
    Evaluation evaluation = evaluate(model, schedule);
    List<String> violations = new ArrayList<>(structural);
    violations.addAll(evaluation.violations());
    return new Evaluation(evaluation.hard() + structural.size(), evaluation.unassigned(), evaluation.soft(),
        evaluation.emptyMetres(), evaluation.loadedMetres(), evaluation.costFen(), evaluation.emptyCostFen(),
        List.copyOf(violations));
  }

  static Evaluation evaluate(DispatchModel model, Schedule schedule) {
    List<String> violations = new ArrayList<>();
    long hard = 0;
    long soft = 0;
    long emptyMetres = 0;
    long loadedMetres = 0;
    long costFen = 0;
    long emptyCostFen = 0;
    long unassigned = 0;
    for (int i = 0; i < model.tripCount; i++) {
      boolean served = schedule.vehicleOf(i) >= 0 && schedule.driverOf(i) >= 0;
      if (!served) {
        unassigned++;
      }
      // a trip pinned to both is served as pinned; a half-pinned one keeps its pin whenever it is served
      boolean fullyPinned = model.pinnedVehicle[i] >= 0 && model.pinnedDriver[i] >= 0;
      if ((served || fullyPinned)
          && (model.pinnedVehicle[i] >= 0 && schedule.vehicleOf(i) != model.pinnedVehicle[i]
              || model.pinnedDriver[i] >= 0 && schedule.driverOf(i) != model.pinnedDriver[i])) {
        hard++;
        violations.add("trip " + model.trip(i).requestId() + " lost its pinned vehicle or driver");
      }
    }
    for (int v = 0; v < model.vehicleCount; v++) {
      VehicleDay day = model.vehicleDay(v, schedule.vehicleDay(v, true), violations);
      hard += day.hard();
      soft += day.soft();
      emptyMetres += day.emptyMetres();
      loadedMetres += day.loadedMetres();
      costFen += day.costFen();
      emptyCostFen += day.emptyCostFen();
    }
    for (int d = 0; d < model.driverCount; d++) {
      DriverDay day = model.driverDay(d, schedule.driverDay(d, true), violations);
      hard += day.hard();
      soft += day.soft();
    }
    return new Evaluation(hard, unassigned, soft, emptyMetres, loadedMetres, costFen, emptyCostFen,
        List.copyOf(violations));
  }

  /**
   * The reason a trip is left out: the deepest rule that no vehicle (then no driver) of the day meets, checked in
   * the order category, seats, region, eligibility on the day, availability; otherwise the resource that is busy in the final schedule.
   */
  static String reasonFor(DispatchModel model, Schedule schedule, int trip) {
    String vehicleReason = deepest(model.vehicleMisfit[trip], VEHICLE_REASONS);
    if (vehicleReason != null) {
      return vehicleReason;
    }
    String driverReason = deepest(model.driverMisfit[trip], DRIVER_REASONS);
    if (driverReason != null) {
      return driverReason;
    }
    for (int v = 0; v < model.vehicleCount; v++) {
      if (model.vehicleCanTake(v, schedule.vehicleTrips(v), trip)) {
        return UnassignedReason.ALL_DRIVERS_BUSY;
      }
    }
    return UnassignedReason.ALL_VEHICLES_BUSY;
  }

  /** Null when some resource fits; else the furthest reason reached by any resource. */
  private static String deepest(String[] misfits, List<String> order) {
    int deepest = -1;
    for (String misfit : misfits) {
      if (misfit == null) {
        return null;
      }
      deepest = Math.max(deepest, order.indexOf(misfit));
    }
    return deepest < 0 ? order.get(0) : order.get(deepest);
  }
}
