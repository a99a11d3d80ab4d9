package cn.smartaffairs.workorder;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The moves of an order, each allowed only from some states; anything else is refused and changes nothing. */
public enum WorkOrderAction {
  DISPATCH(WorkOrderStatus.DISPATCHED, EnumSet.of(WorkOrderStatus.RECEIVED, WorkOrderStatus.DISPATCHED, WorkOrderStatus.ACCEPTED)),
  ACCEPT(WorkOrderStatus.ACCEPTED, EnumSet.of(WorkOrderStatus.DISPATCHED)),
  ARRIVE(WorkOrderStatus.ON_SITE, EnumSet.of(WorkOrderStatus.ACCEPTED)),
  RESOLVE(WorkOrderStatus.RESOLVED, EnumSet.of(WorkOrderStatus.ACCEPTED, WorkOrderStatus.ON_SITE)),
  CONFIRM(WorkOrderStatus.CONFIRMED, EnumSet.of(WorkOrderStatus.RESOLVED)),
  VISIT(WorkOrderStatus.VISITED, EnumSet.of(WorkOrderStatus.CONFIRMED)),
  REOPEN(WorkOrderStatus.DISPATCHED, EnumSet.of(WorkOrderStatus.RESOLVED, WorkOrderStatus.CONFIRMED, WorkOrderStatus.VISITED)),
  CLOSE(WorkOrderStatus.CLOSED, EnumSet.of(WorkOrderStatus.VISITED));

  private final WorkOrderStatus target;
  private final Set<WorkOrderStatus> allowedFrom;

  WorkOrderAction(WorkOrderStatus target, Set<WorkOrderStatus> allowedFrom) {
    this.target = target;
    this.allowedFrom = allowedFrom;
  }

  public WorkOrderStatus target() {
    return target;
  }

  public boolean allowedFrom(WorkOrderStatus status) {
    return allowedFrom.contains(status);
  }

  /** Reads "dispatch", "DISPATCH"...; null for anything else. */
  public static WorkOrderAction parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
