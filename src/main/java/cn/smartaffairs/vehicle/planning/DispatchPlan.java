package cn.smartaffairs.vehicle.planning;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planner's answer: who takes which trip, which trips could not be served (with the reason), and the plan's
 * totals so plans can be compared. Distances are road kilometres (great-circle x road factor).
 */
public record DispatchPlan(List<Assignment> assignments, List<Unassigned> unassigned, double deadheadKm,
    double totalKm, long costFen, String score) {

  public DispatchPlan {
    assignments = List.copyOf(assignments);
    unassigned = List.copyOf(unassigned);
  }

  private static final Pattern HARD_PART = Pattern.compile("(-?\\d+)hard");

  /**
   * How many hard rules the plan breaks, read from the hard part of the score ("-2hard/0medium/-1071soft", the form
   * of both the evaluator and the solver), so a page can say it in words; 0 when the score has no hard part.
   */
  public long hardRulesBroken() {
    Matcher hard = HARD_PART.matcher(score == null ? "" : score);
    return hard.find() ? Math.abs(Long.parseLong(hard.group(1))) : 0;
  }

  public record Assignment(long requestId, long vehicleId, long driverId) {}

  /** A trip left without vehicle or driver, with a reason code (e.g. NO_VEHICLE_WITH_SEATS) for the dispatcher. */
  public record Unassigned(long requestId, String reason) {}
}
