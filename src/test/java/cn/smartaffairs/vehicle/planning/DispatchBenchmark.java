package cn.smartaffairs.vehicle.planning;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The dispatch benchmark of issue #4: a generated day (default 300 trips, 80 vehicles, 90 drivers, four regions),
 * planned by the Timefold optimiser within the time limit and by the first-fit baseline, with a lower bound on the
 * empty distance. Prints a Markdown table. Run with {@code bin/benchmark-dispatch [trips vehicles drivers seconds seed]}.
 */
public final class DispatchBenchmark {

  private DispatchBenchmark() {}

  public static void main(String[] args) {
    // without a Spring context logback logs everything at DEBUG, which would also slow the solver down
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    SolverLogging.quiet();
    int trips = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int vehicles = args.length > 1 ? Integer.parseInt(args[1]) : 80;
    int drivers = args.length > 2 ? Integer.parseInt(args[2]) : 90;
    Duration limit = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 30);
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 4;
    DispatchProblem problem = new DispatchDayGenerator(seed).day(trips, vehicles, drivers);
    double tripHours = problem.trips().stream()
        .mapToLong(t -> Duration.between(t.start(), t.end()).toMinutes()).sum() / 60.0;
    double vehicleHours = problem.vehicles().stream()
        .mapToLong(v -> Duration.between(v.availableFrom(), v.availableUntil()).toMinutes()).sum() / 60.0;
    System.out.printf(Locale.ROOT, "Trip hours %.0f, vehicle hours %.0f%n", tripHours, vehicleHours);

    long t0 = System.nanoTime();
    DispatchPlan greedy = new GreedyDispatchPlanner().plan(problem, limit);
    double greedySeconds = (System.nanoTime() - t0) / 1e9;
    TimefoldDispatchPlanner optimiser = new TimefoldDispatchPlanner();
    long t1 = System.nanoTime();
    DispatchPlan optimised = optimiser.plan(problem, limit);
    double optimisedSeconds = (System.nanoTime() - t1) / 1e9;
    long t2 = System.nanoTime();
    DeadheadLowerBound.Bound bound = DeadheadLowerBound.forServed(problem, served(optimised));
    DeadheadLowerBound.Bound greedyBound = DeadheadLowerBound.forServed(problem, served(greedy));
    double boundSeconds = (System.nanoTime() - t2) / 1e9;

    PlanEvaluator.Evaluation greedyCheck = PlanEvaluator.evaluate(problem, greedy);
    PlanEvaluator.Evaluation optimisedCheck = PlanEvaluator.evaluate(problem, optimised);
    System.out.printf(Locale.ROOT, "Generated day (seed %d): %d trips, %d vehicles, %d drivers, four regions; "
        + "time limit %d s; %d processors%n%n", seed, trips, vehicles, drivers, limit.toSeconds(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| planner | trips assigned | deadhead km | deadhead cost (yuan) | total km | running cost (yuan) | hard violations | solve time s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    row("Timefold optimiser", optimised, optimisedCheck, optimisedSeconds);
    row("greedy first-fit", greedy, greedyCheck, greedySeconds);
    System.out.printf(Locale.ROOT, "| lower bound for the trips Timefold serves | %d | %.1f | — | — | — | — | %.2f |%n",
        bound.trips(), bound.km(), boundSeconds);
    System.out.printf(Locale.ROOT, "| lower bound for the trips greedy serves | %d | %.1f | — | — | — | — | — |%n",
        greedyBound.trips(), greedyBound.km());
    System.out.println();
    System.out.printf(Locale.ROOT, "Deadhead ratio Timefold ÷ greedy = %.3f; Timefold ÷ lower bound = %.3f; "
        + "greedy ÷ its lower bound = %.3f%n", optimised.deadheadKm() / greedy.deadheadKm(),
        optimised.deadheadKm() / bound.km(), greedy.deadheadKm() / greedyBound.km());
    System.out.printf(Locale.ROOT, "Cost ratio Timefold ÷ greedy = %.3f%n",
        (double) optimised.costFen() / greedy.costFen());
    System.out.println("Unassigned by reason: Timefold " + reasons(optimised) + "; greedy " + reasons(greedy));
    Map<Long, String> categoryOf = problem.trips().stream()
        .collect(Collectors.toMap(DispatchProblem.Trip::requestId, DispatchProblem.Trip::category));
    System.out.println("Unassigned by category: Timefold " + optimised.unassigned().stream().collect(Collectors
        .groupingBy(u -> categoryOf.get(u.requestId()), TreeMap::new, Collectors.counting())) + "; greedy "
        + greedy.unassigned().stream().collect(Collectors
            .groupingBy(u -> categoryOf.get(u.requestId()), TreeMap::new, Collectors.counting())));
    System.out.println("Scores: Timefold " + optimised.score() + "; greedy " + greedy.score());
  }

  private static Map<String, Long> reasons(DispatchPlan plan) {
    return plan.unassigned().stream()
        .collect(Collectors.groupingBy(DispatchPlan.Unassigned::reason, TreeMap::new, Collectors.counting()));
  }

  private static Set<Long> served(DispatchPlan plan) {
    return plan.assignments().stream().map(DispatchPlan.Assignment::requestId).collect(Collectors.toSet());
  }

  private static void row(String name, DispatchPlan plan, PlanEvaluator.Evaluation check, double seconds) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.1f | %.2f | %d | %.2f |%n", name,
        plan.assignments().size(), plan.deadheadKm(), check.emptyCostFen() / 100.0, plan.totalKm(),
        plan.costFen() / 100.0, check.violations().size(), seconds);
  }
}
