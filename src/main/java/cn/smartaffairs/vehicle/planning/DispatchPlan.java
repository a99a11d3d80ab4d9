package cn.smartaffairs.vehicle.planning;

import java.util.List;

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

  public record Assignment(long requestId, long vehicleId, long driverId) {}

  /** A trip left without vehicle or driver, with a reason code (e.g. NO_VEHICLE_WITH_SEATS) for the dispatcher. */
  public record Unassigned(long requestId, String reason) {}
}
