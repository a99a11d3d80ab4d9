package cn.smartaffairs.vehicle;

/**
 * Where a 用车申请 stands: through the approval engine, then on the dispatcher's board, then driven. The values are
 * those of the CHECK constraint on {@code vehicle_request.status}; {@link TripRequestMove} says how one leads to another.
 */
public enum TripRequestStatus {
  /** 审批中: submitted, the approval is running. */
  PENDING,
  /** 待派车: approved, waiting on the board for a vehicle and a driver. */
  APPROVED,
  /** 未批准 */
  REJECTED,
  /** 已撤回: the requester took the approval back; a resubmission may still be approved. */
  WITHDRAWN,
  /** 已派车: one active dispatch serves it. */
  DISPATCHED,
  /** 已完成: the driver ended the trip. */
  COMPLETED
}
