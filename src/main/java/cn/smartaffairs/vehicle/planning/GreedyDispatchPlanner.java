package cn.smartaffairs.vehicle.planning;

import java.time.Duration;

/**
 * The first-fit baseline: trips pinned by hand keep their vehicle and driver, then every other trip in start order
 * takes the first vehicle and the first driver (own region before mutual aid) that can serve it without breaking a
 * rule. It never revisits a choice. Used to warm-start the optimiser and as the benchmark's yardstick; not a bean.
 */
public final class GreedyDispatchPlanner implements DispatchPlanner {

  @Override
  public DispatchPlan plan(DispatchProblem problem, Duration timeLimit) {
    DispatchModel model = new DispatchModel(problem);
    return PlanEvaluator.toPlan(model, firstFit(model));
  }

  static Schedule firstFit(DispatchModel model) {
    Schedule schedule = new Schedule(model);
    for (int i = 0; i < model.tripCount; i++) {
      if (model.pinnedVehicle[i] >= 0 && model.pinnedDriver[i] >= 0) {
        schedule.assign(i, model.pinnedVehicle[i], model.pinnedDriver[i]);
      }
    }
    schedule.fillFirstFit();
    return schedule;
  }
}
