package cn.smartaffairs.vehicle.planning;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The dispatch optimiser on Timefold Solver. Each trip is a planning entity with two basic variables, vehicle and
 * driver, both allowed to stay empty, because trips have fixed times: what is searched is who serves them, not when.
 * The search starts from the first-fit plan (so it is never worse than the baseline) and improves it by local
 * search with change and swap moves, until the time limit or until the best score has not improved for half of
 * it. Trips that no vehicle or driver can serve at all are left out of the search and reported with their reason.
 */
@Component
public class TimefoldDispatchPlanner implements DispatchPlanner {

  private static final long RANDOM_SEED = 20_261_124L;

  private final SolverFactory<DispatchSolution> solverFactory = SolverFactory.create(solverConfig());

  @Override
  public DispatchPlan plan(DispatchProblem problem, Duration timeLimit) {
    long started = System.nanoTime();
    return plan(problem, () -> termination(timeLimit.minusNanos(System.nanoTime() - started)));
  }

  /** Plans with a termination chosen once the problem is prepared; a move-count limit makes runs repeatable. */
  DispatchPlan plan(DispatchProblem problem, Supplier<TerminationConfig> termination) {
    DispatchModel model = new DispatchModel(problem);
    Schedule start = GreedyDispatchPlanner.firstFit(model);
    DispatchSolution solution = warmStart(model, start);
    if (!solution.trips().isEmpty()) {
      Solver<DispatchSolution> solver = solverFactory.buildSolver(new SolverConfigOverride<DispatchSolution>()
          .withTerminationConfig(termination.get()));
      solution = solver.solve(solution);
    }
    Schedule best = new Schedule(model);
    for (int i = 0; i < model.tripCount; i++) {
      best.assign(i, start.vehicleOf(i), start.driverOf(i));
    }
    for (PlannedTrip trip : solution.trips()) {
      best.assign(trip.index(), trip.getVehicle() == null ? -1 : trip.getVehicle().index(),
          trip.getDriver() == null ? -1 : trip.getDriver().index());
    }
    // a trip the search left half-served or open gets a last first-fit chance on what remains free
    best.fillFirstFit();
    // the search starts from first fit and keeps its best, so this only guards against a stopped or odd run
    Schedule chosen = PlanEvaluator.isBetter(PlanEvaluator.evaluate(model, start), PlanEvaluator.evaluate(model, best))
        ? start
        : best;
    return PlanEvaluator.toPlan(model, chosen);
  }

  private static DispatchSolution warmStart(DispatchModel model, Schedule start) {
    List<PlannedVehicle> vehicles = new ArrayList<>();
    for (int v = 0; v < model.vehicleCount; v++) {
      vehicles.add(new PlannedVehicle(model, v));
    }
    List<PlannedDriver> drivers = new ArrayList<>();
    for (int d = 0; d < model.driverCount; d++) {
      drivers.add(new PlannedDriver(model, d));
    }
    List<PlannedTrip> trips = new ArrayList<>();
    for (int i = 0; i < model.tripCount; i++) {
      List<PlannedVehicle> candidateVehicles = new ArrayList<>();
      for (int v = 0; v < model.vehicleCount; v++) {
        if (model.pinnedVehicle[i] >= 0 ? model.pinnedVehicle[i] == v : model.vehicleMisfit[i][v] == null) {
          candidateVehicles.add(vehicles.get(v));
        }
      }
      List<PlannedDriver> candidateDrivers = new ArrayList<>();
      for (int d = 0; d < model.driverCount; d++) {
        if (model.pinnedDriver[i] >= 0 ? model.pinnedDriver[i] == d : model.driverMisfit[i][d] == null) {
          candidateDrivers.add(drivers.get(d));
        }
      }
      boolean pinned = model.pinnedVehicle[i] >= 0 && model.pinnedDriver[i] >= 0;
      if (!pinned && (candidateVehicles.isEmpty() || candidateDrivers.isEmpty())) {
        continue;
      }
      PlannedTrip trip = new PlannedTrip(i, pinned, candidateVehicles, candidateDrivers);
      if (start.vehicleOf(i) >= 0 && start.driverOf(i) >= 0) {
        trip.setVehicle(vehicles.get(start.vehicleOf(i)));
        trip.setDriver(drivers.get(start.driverOf(i)));
      }
      trips.add(trip);
    }
    return new DispatchSolution(vehicles, drivers, trips);
  }

  private static TerminationConfig termination(Duration timeLimit) {
    // Timefold takes whole milliseconds only; the margin covers starting the solver and building the answer, so
    // the caller gets the plan within its limit even when other work shares the processors
    long margin = Math.min(2000, Math.max(200, timeLimit.toMillis() / 10));
    long limitMillis = Math.max(50, timeLimit.toMillis() - margin);
    // late acceptance improves in bursts, and on a busy machine they come slowly: give up only after half the time
    long unimprovedMillis = limitMillis >= 3000 ? limitMillis / 2 : limitMillis;
    return new TerminationConfig().withMillisecondsSpentLimit(limitMillis)
        .withUnimprovedMillisecondsSpentLimit(unimprovedMillis);
  }

  private static SolverConfig solverConfig() {
    return new SolverConfig()
        .withSolutionClass(DispatchSolution.class)
        .withEntityClasses(PlannedTrip.class)
        .withConstraintProviderClass(DispatchConstraints.class)
        // same seed, same moves: runs differ only in how far they get before the time limit
        .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
        .withRandomSeed(RANDOM_SEED)
        // no construction heuristic: the first-fit warm start has placed every trip it can, and a construction
        // heuristic would force the rest onto vehicles at the price of broken rules
        .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
            // swapping vehicles is what shortens empty drives (two vehicles trade their next trips), so it
            // is offered twice as often; swapping vehicle and driver together served fewer trips in trials
            change("vehicle"), change("driver"), changeBoth(),
            new SwapMoveSelectorConfig().withVariableNameIncludes("vehicle"),
            new SwapMoveSelectorConfig().withVariableNameIncludes("vehicle"),
            new SwapMoveSelectorConfig().withVariableNameIncludes("driver"))));
  }

  /**
   * Gives one trip a new vehicle and a new driver in one move: a trip only counts as served with both, so
   * changing one at a time cannot bring an open trip in (nor move a trip to a region where its driver may not go).
   */
  private static CartesianProductMoveSelectorConfig changeBoth() {
    return new CartesianProductMoveSelectorConfig().withMoveSelectors(
        new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig().withId("sameTrip"))
            .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("vehicle")),
        new ChangeMoveSelectorConfig()
            .withEntitySelectorConfig(new EntitySelectorConfig().withMimicSelectorRef("sameTrip"))
            .withValueSelectorConfig(new ValueSelectorConfig().withVariableName("driver")));
  }

  private static ChangeMoveSelectorConfig change(String variable) {
    return new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig().withVariableName(variable));
  }
}
