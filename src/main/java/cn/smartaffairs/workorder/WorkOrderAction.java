package cn.smartaffairs.workorder;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The moves of an order, each allowed only from some states and each the part of one person in the loop; anything else
 * is refused and changes nothing.
 */
public enum WorkOrderAction {
  DISPATCH(WorkOrderStatus.DISPATCHED, Part.DISPATCHER,
      EnumSet.of(WorkOrderStatus.RECEIVED, WorkOrderStatus.DISPATCHED, WorkOrderStatus.ACCEPTED)), ACCEPT(
          WorkOrderStatus.ACCEPTED, Part.HANDLER,
          EnumSet.of(WorkOrderStatus.DISPATCHED)), ARRIVE(WorkOrderStatus.ON_SITE, Part.HANDLER,
              EnumSet.of(WorkOrderStatus.ACCEPTED)), RESOLVE(WorkOrderStatus.RESOLVED, Part.HANDLER,
                  EnumSet.of(WorkOrderStatus.ACCEPTED, WorkOrderStatus.ON_SITE)), CONFIRM(WorkOrderStatus.CONFIRMED,
                      Part.REQUESTER, EnumSet.of(WorkOrderStatus.RESOLVED)), VISIT(WorkOrderStatus.VISITED,
                          Part.DISPATCHER, EnumSet.of(WorkOrderStatus.CONFIRMED)), REOPEN(WorkOrderStatus.DISPATCHED,
                              Part.REQUESTER,
                              EnumSet.of(WorkOrderStatus.RESOLVED, WorkOrderStatus.CONFIRMED,
                                  WorkOrderStatus.VISITED)), CLOSE(WorkOrderStatus.CLOSED, Part.DISPATCHER,
                                      EnumSet.of(WorkOrderStatus.VISITED));

  /** The people of the loop: the dispatcher (派单员), the handler the order went to, and who asked for it. */
  public enum Part {
    DISPATCHER, HANDLER, REQUESTER
  }

  private final WorkOrderStatus target;
  private final Part performer;
  private final Set<WorkOrderStatus> allowedFrom;

  WorkOrderAction(WorkOrderStatus target, Part performer, Set<WorkOrderStatus> allowedFrom) {
    this.target = target;
    this.performer = performer;
    this.allowedFrom = allowedFrom;
  }

  public WorkOrderStatus target() {
    return target;
  }

  /** Whose part of the loop the move is. */
  public Part performer() {
    return performer;
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
