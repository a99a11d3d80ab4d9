package cn.smartaffairs.workorder;

import java.time.Instant;

/**
 * Published when a work order is closed (销号), the end of its loop, inside that transaction, through the event
 * publication registry (ADR 0012). {@code requesterStaffId} is null for a hotline caller without a staff record;
 * {@code satisfaction} is the return visit's verdict, if one was made.
 */
public record WorkOrderClosed(long workOrderId, String orderNo, long regionId, String category, Long requesterStaffId,
    Long handlerUserId, String satisfaction, Instant closedAt) {}
