package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * 工单: where it is, who has it, its deadlines and every step so far. The order decides its moves — which state allows
 * which, who may take them, what a move needs, and when an unsatisfied return visit opens the loop again; {@link
 * WorkOrders} loads it, asks it, saves the move it answers and publishes.
 */
public record WorkOrder(
    long id,
    String orderNo,
    long regionId,
    String categoryCode,
    String categoryName,
    String priority,
    String channel,
    String description,
    String building,
    String floor,
    String room,
    Long requesterStaffId,
    String requesterName,
    WorkOrderStatus status,
    Long assigneeUserId,
    Instant receivedAt,
    Instant respondDueAt,
    Instant resolveDueAt,
    Instant closedAt,
    Satisfaction satisfaction,
    int reopenCount,
    int version,
    List<Step> history) {

  /** One timed step of the order. */
  public record Step(String action, WorkOrderStatus fromStatus, WorkOrderStatus toStatus, String actor, Instant at,
      String note) {}

  /** Where the problem is, as one line: building, floor and room, whichever were given. */
  public String location() {
    return java.util.stream.Stream.of(building, floor, room)
        .filter(part -> part != null && !part.isBlank())
        .collect(java.util.stream.Collectors.joining(" "));
  }

  /** Past its resolve deadline and not yet closed. */
  public boolean overdueAt(Instant now) {
    return status != WorkOrderStatus.CLOSED && resolveDueAt.isBefore(now);
  }

  /**
   * A move the order allows: the action, the states before and after, who has the order afterwards, and whether the
   * loop opens again straight away (回访不满意且属承办人责任).
   */
  record Move(WorkOrderAction action, WorkOrderStatus from, WorkOrderStatus to, Long assignee,
      boolean reopensTheLoop) {}

  /** The move that follows a return visit whose unsatisfied verdict is the handler's fault. */
  static final Transition REOPEN_AFTER_UNSATISFIED_VISIT = new Transition("reopen", null, null, null, "回访不满意，重新办理",
      null);

  /** Whether the actor plays the given part in this order's loop, as the order page offers its moves. */
  boolean played(WorkOrderAction.Part part, WorkOrderActor actor) {
    return switch (part) {
      case DISPATCHER -> actor.dispatcher();
      case HANDLER -> assigneeUserId != null && assigneeUserId == actor.userId();
      // a hotline caller has no staff record: whoever took the call confirms on their behalf
      case REQUESTER -> requesterStaffId != null ? requesterStaffId.equals(actor.staffId()) : actor.dispatcher();
    };
  }

  /**
   * The moves that are the actor's part of the loop now: dispatch, visit and close for a dispatcher; accept, arrive
   * and resolve for the handler; confirm and reopen for the requester.
   */
  List<WorkOrderAction> actionsFor(WorkOrderActor actor) {
    return Arrays.stream(WorkOrderAction.values())
        .filter(action -> action.allowedFrom(status) && played(action.performer(), actor))
        .toList();
  }

  /** Whoever plays the move's part may take it, and a dispatcher on anyone's behalf (the API allows it). */
  boolean mayTake(WorkOrderAction action, WorkOrderActor actor) {
    return actor.dispatcher() || played(action.performer(), actor);
  }

  /**
   * Decides a move asked for: an unknown action is refused (400), someone without a part in it too (403); a page
   * shown before the order moved on, or an action its state does not allow, conflicts (409); a dispatch needs a
   * worker and a return visit a satisfaction grade (400). Whether the worker may take orders is the accounts'
   * question, asked by {@link WorkOrders}.
   */
  Move decide(Transition transition, WorkOrderActor actor) {
    WorkOrderAction action = WorkOrderAction.parse(transition.action());
    if (action == null) {
      throw new BusinessRuleException("workOrder.actionUnknown", transition.action());
    }
    if (!mayTake(action, actor)) {
      throw new ForbiddenException();
    }
    // a stale page is told that the order moved on, rather than which action its new state refuses
    if (transition.expectedVersion() != null && transition.expectedVersion() != version) {
      throw new ConflictException("workOrder.changedMeanwhile", orderNo);
    }
    requireAllowed(action);
    if (action == WorkOrderAction.DISPATCH && transition.assigneeUserId() == null) {
      throw new BusinessRuleException("workOrder.assigneeRequired");
    }
    if (action == WorkOrderAction.VISIT && transition.satisfaction() == null) {
      throw new BusinessRuleException("workOrder.satisfactionRequired");
    }
    Long assignee = action == WorkOrderAction.DISPATCH ? transition.assigneeUserId() : assigneeUserId;
    boolean reopens = action == WorkOrderAction.VISIT && transition.satisfaction() == Satisfaction.UNSATISFIED
        && Boolean.TRUE.equals(transition.handlerAtFault());
    return new Move(action, status, action.target(), assignee, reopens);
  }

  /** 自动派单 by the dispatch rule or the duty rota, to a worker already known to take orders. */
  Move dispatchAutomaticallyTo(long worker) {
    requireAllowed(WorkOrderAction.DISPATCH);
    return new Move(WorkOrderAction.DISPATCH, status, WorkOrderAction.DISPATCH.target(), worker, false);
  }

  private void requireAllowed(WorkOrderAction action) {
    if (!action.allowedFrom(status)) {
      throw new ConflictException("workOrder.actionNotAllowed",
          new DefaultMessageSourceResolvable("workOrder.action." + action.name()),
          new DefaultMessageSourceResolvable("workOrder.status." + status.name()));
    }
  }

  public WorkOrder withHistory(List<Step> steps) {
    return new WorkOrder(id, orderNo, regionId, categoryCode, categoryName, priority, channel, description, building,
        floor, room, requesterStaffId, requesterName, status, assigneeUserId, receivedAt, respondDueAt, resolveDueAt,
        closedAt, satisfaction, reopenCount, version, steps);
  }
}
