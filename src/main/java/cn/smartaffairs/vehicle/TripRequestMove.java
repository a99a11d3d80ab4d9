package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.TripRequestStatus.APPROVED;
import static cn.smartaffairs.vehicle.TripRequestStatus.COMPLETED;
import static cn.smartaffairs.vehicle.TripRequestStatus.DISPATCHED;
import static cn.smartaffairs.vehicle.TripRequestStatus.PENDING;
import static cn.smartaffairs.vehicle.TripRequestStatus.REJECTED;
import static cn.smartaffairs.vehicle.TripRequestStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

/**
 * The moves of a 用车申请, each allowed only from some states; {@code refusalKey} is the message of a move refused.
 * A request is submitted {@link TripRequestStatus#PENDING}; the approval's outcome, the dispatcher and the driver's
 * trip move it on from there.
 */
public enum TripRequestMove {
  /** The approval passed; also after a rejection or withdrawal, when the resubmitted approval passes. */
  APPROVE(APPROVED, "vehicle.requestNotUnderApproval", EnumSet.of(PENDING, REJECTED, WITHDRAWN)),
  /** The approval was refused; a resubmission runs it again. */
  REJECT(REJECTED, "vehicle.requestNotUnderApproval", EnumSet.of(PENDING, REJECTED, WITHDRAWN)),
  /** The requester took the approval back before it ended. */
  WITHDRAW(WITHDRAWN, "vehicle.requestNotUnderApproval", EnumSet.of(PENDING)),
  /** 派车: a vehicle and a driver were assigned. */
  DISPATCH(DISPATCHED, "vehicle.requestNotWaiting", EnumSet.of(APPROVED)),
  /** The dispatch was cancelled before the trip started: the request waits on the board again. */
  RETURN_TO_BOARD(APPROVED, "vehicle.requestNotDispatched", EnumSet.of(DISPATCHED)),
  /** The driver ended the trip. */
  COMPLETE(COMPLETED, "vehicle.requestNotDispatched", EnumSet.of(DISPATCHED));

  private final TripRequestStatus target;
  private final String refusalKey;
  private final Set<TripRequestStatus> allowedFrom;

  TripRequestMove(TripRequestStatus target, String refusalKey, Set<TripRequestStatus> allowedFrom) {
    this.target = target;
    this.refusalKey = refusalKey;
    this.allowedFrom = allowedFrom;
  }

  public TripRequestStatus target() {
    return target;
  }

  public boolean allowedFrom(TripRequestStatus status) {
    return allowedFrom.contains(status);
  }

  /** The message key of the refusal, with the request's id as {0}. */
  public String refusalKey() {
    return refusalKey;
  }
}
