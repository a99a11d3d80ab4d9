package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ConflictException;
import java.time.OffsetDateTime;

/** One service ordered for a meeting: a task for the region's 会务 team until it is delivered. */
public record ServiceOrder(long id, long bookingId, ServiceKind kind, OffsetDateTime neededAt, String note,
    ServiceOrderStatus status, String bookingSubject, String roomName,
    OffsetDateTime meetingStart, OffsetDateTime deliveredAt) {

  /** Still to be delivered. */
  public boolean open() {
    return status == ServiceOrderStatus.ORDERED;
  }

  public boolean delivered() {
    return status == ServiceOrderStatus.DELIVERED;
  }

  /** Marked delivered, once, while it is still ordered (not cancelled with its booking). */
  ServiceOrder deliver(OffsetDateTime at) {
    if (!open()) {
      throw new ConflictException("meeting.serviceClosed");
    }
    return new ServiceOrder(id, bookingId, kind, neededAt, note, ServiceOrderStatus.DELIVERED, bookingSubject, roomName,
        meetingStart, at);
  }
}
