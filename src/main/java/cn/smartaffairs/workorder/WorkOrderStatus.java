package cn.smartaffairs.workorder;

import java.util.List;
import java.util.stream.Stream;

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
  CLOSED;

  /** The states still waiting to be resolved, as names for a query (reminders, 催办 and 督办 concern only these). */
  static final List<String> AWAITING_RESOLUTION = Stream.of(values()).filter(WorkOrderStatus::awaitsResolution)
      .map(Enum::name).toList();

  /** Not resolved yet: its resolve deadline still runs. */
  public boolean awaitsResolution() {
    return this == RECEIVED || this == DISPATCHED || this == ACCEPTED || this == ON_SITE;
  }
}
