package cn.smartaffairs.workorder;

/**
 * Published after every step of an order (creation included, as action CREATE), inside its transaction, so other
 * modules (notifications, reports) react to the loop without reading its tables.
 */
public record WorkOrderMoved(long workOrderId, String orderNo, long regionId, String action, WorkOrderStatus fromStatus,
    WorkOrderStatus toStatus, Long assigneeUserId, Long requesterStaffId, String description) {}
