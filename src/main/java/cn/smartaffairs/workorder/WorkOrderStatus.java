package cn.smartaffairs.workorder;

/** Where an order stands in the closed loop 受理 → 派单 → 接单 → 到场 → 办结 → 确认 → 回访 → 销号. */
public enum WorkOrderStatus {
  /** 已受理 */
  RECEIVED,
  /** 已派单 */
  DISPATCHED,
  /** 已接单 */
  ACCEPTED,
  /** 已到场 */
  ON_SITE,
  /** 已办结, waiting for the requester */
  RESOLVED,
  /** 已确认 by the requester, waiting for the return visit */
  CONFIRMED,
  /** 已回访 */
  VISITED,
  /** 已销号 */
  CLOSED
}
