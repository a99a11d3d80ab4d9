package cn.smartaffairs.approval;

/**
 * Published when a request is finally approved or rejected, inside the deciding transaction, through the event
 * publication registry: listeners hear it after that commit, in their own transaction (ADR 0012). Modules listen for
 * their own request types (e.g. the vehicle module dispatches a car once its {@code vehicle.trip} is approved).
 */
public record ApprovalDecided(long requestId, String requestType, Outcome outcome) {

  public enum Outcome {
    APPROVED, REJECTED
  }
}
