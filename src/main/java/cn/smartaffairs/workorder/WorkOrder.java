package cn.smartaffairs.workorder;

import java.time.Instant;
import java.util.List;

/** 工单 as read: where it is, who has it, its deadlines and every step so far. */
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

  public WorkOrder withHistory(List<Step> steps) {
    return new WorkOrder(id, orderNo, regionId, categoryCode, categoryName, priority, channel, description, building,
        floor, room, requesterStaffId, requesterName, status, assigneeUserId, receivedAt, respondDueAt, resolveDueAt,
        closedAt, satisfaction, reopenCount, version, steps);
  }
}
