package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.BusinessRuleException;

/** 紧急程度 of an order: urgent repairs are not left overnight (不过夜), the others wait for office hours. */
public enum WorkOrderPriority {
  URGENT, NORMAL;

  /** Reads "URGENT" or "NORMAL" as written; anything else is refused. */
  static WorkOrderPriority parse(String text) {
    for (WorkOrderPriority priority : values()) {
      if (priority.name().equals(text)) {
        return priority;
      }
    }
    throw new BusinessRuleException("workOrder.priorityUnknown", text);
  }

  /** An urgent order must be answered around the clock; the others within office hours. */
  boolean answeredAroundTheClock() {
    return this == URGENT;
  }
}
