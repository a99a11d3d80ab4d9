package cn.smartaffairs.vehicle.planning;

import static cn.smartaffairs.vehicle.planning.DispatchPlannerRulesTest.at;
import static cn.smartaffairs.vehicle.planning.DispatchPlannerRulesTest.driver;
import static cn.smartaffairs.vehicle.planning.DispatchPlannerRulesTest.problem;
import static cn.smartaffairs.vehicle.planning.DispatchPlannerRulesTest.trip;
import static cn.smartaffairs.vehicle.planning.DispatchPlannerRulesTest.vehicle;
import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import cn.smartaffairs.vehicle.planning.DispatchPlan.Assignment;
import cn.smartaffairs.vehicle.planning.DispatchPlan.Unassigned;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optimiser against the first-fit baseline and the lower bound on a generated mid-size day. */
class DispatchPlanQualityTest {

  @BeforeAll
  static void quietSolver() {
    SolverLogging.quiet();
  }

  @Test
  void optimiserPlanIsFeasibleAndNoWorseThanFirstFitAndBothRespectTheLowerBound() {
    DispatchProblem day = new DispatchDayGenerator(7).day(90, 24, 27);
    DispatchPlan greedy = new GreedyDispatchPlanner().plan(day, Duration.ofSeconds(5));
    DispatchPlan optimised = new TimefoldDispatchPlanner().plan(day, Duration.ofSeconds(5));

    PlanEvaluator.Evaluation greedyEvaluation = PlanEvaluator.evaluate(day, greedy);
    PlanEvaluator.Evaluation optimisedEvaluation = PlanEvaluator.evaluate(day, optimised);
    assertThat(greedyEvaluation.violations()).isEmpty();
    assertThat(optimisedEvaluation.violations()).isEmpty();
    assertThat(optimised.assignments().size()).isGreaterThanOrEqualTo(greedy.assignments().size());
    if (optimised.assignments().size() == greedy.assignments().size()) {
      assertThat(optimisedEvaluation.soft()).isLessThanOrEqualTo(greedyEvaluation.soft());
    }
    assertThat(optimised.assignments().size() + optimised.unassigned().size()).isEqualTo(90);

    assertThat(DeadheadLowerBound.forServed(day, served(optimised)).km()).isPositive()
        .isLessThanOrEqualTo(optimised.deadheadKm() + 1e-9);
    assertThat(DeadheadLowerBound.forServed(day, served(greedy)).km())
        .isLessThanOrEqualTo(greedy.deadheadKm() + 1e-9);
  }

  @Test
  void sameProblemAndSameNumberOfMovesGiveTheSamePlan() {
    DispatchProblem day = new DispatchDayGenerator(11).day(60, 16, 18);
    TimefoldDispatchPlanner optimiser = new TimefoldDispatchPlanner();
    DispatchPlan first = optimiser.plan(day, () -> new TerminationConfig().withMoveCountLimit(20_000L));
    DispatchPlan second = optimiser.plan(day, () -> new TerminationConfig().withMoveCountLimit(20_000L));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void evaluatorFindsEveryBrokenRuleInAHandMadePlan() {
    // one vehicle and one driver on two overlapping trips, plus a trip that is missing from the plan
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00"), trip(2, 1, "09:30", "10:30"),
        trip(3, 1, "15:00", "16:00")), List.of(vehicle(10, 5)), List.of(driver(20)));
    DispatchPlan bad = new DispatchPlan(List.of(new Assignment(1, 10, 20), new Assignment(2, 10, 20)), List.of(),
        0, 0, 0, "");
    List<String> violations = PlanEvaluator.evaluate(problem, bad).violations();
    assertThat(violations).anyMatch(v -> v.contains("vehicle 10 cannot reach trip 2"))
        .anyMatch(v -> v.contains("driver 20 has no time to rest"))
        .anyMatch(v -> v.contains("trip 3 is missing"));
  }

  @Test
  void evaluatorCountsAPinnedTripServedByAnotherVehicle() {
    DispatchProblem.Trip pinned = new DispatchProblem.Trip(1, DispatchPlannerRulesTest.CITY,
        DispatchPlannerRulesTest.PATROL, 1, at("09:00"), at("10:00"), DispatchPlannerRulesTest.OFFICE, List.of(),
        true, Set.of(), 11L, 20L);
    DispatchProblem problem = problem(List.of(pinned), List.of(vehicle(10, 5), vehicle(11, 5)), List.of(driver(20)));
    DispatchPlan moved = new DispatchPlan(List.of(new Assignment(1, 10, 20)), List.of(), 0, 0, 0, "");
    assertThat(PlanEvaluator.evaluate(problem, moved).violations()).anyMatch(v -> v.contains("pinned"));
    DispatchPlan dropped = new DispatchPlan(List.of(), List.of(new Unassigned(1, "X")), 0, 0, 0, "");
    assertThat(PlanEvaluator.evaluate(problem, dropped).violations()).anyMatch(v -> v.contains("pinned"));
  }

  @Test
  void lowerBoundEqualsTheBestPlanWhenOnlyOneChainIsPossible() {
    // one vehicle, two trips from its depot: out and back are zero, the bound is the optimum of zero
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00"), trip(2, 1, "11:00", "12:00")),
        List.of(vehicle(10, 5)), List.of(driver(20)));
    assertThat(DeadheadLowerBound.of(problem).km()).isZero();
    assertThat(DeadheadLowerBound.of(problem).trips()).isEqualTo(2);
  }

  @Test
  void hungarianMethodFindsTheCheapestPerfectMatching() {
    long[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    // 1 (row 0 -> col 1) + 2 (row 1 -> col 0) + 2 (row 2 -> col 2)
    assertThat(DeadheadLowerBound.minimumPerfectMatching(cost)).isEqualTo(5);
  }

  private static Set<Long> served(DispatchPlan plan) {
    return plan.assignments().stream().map(Assignment::requestId).collect(Collectors.toSet());
  }
}
