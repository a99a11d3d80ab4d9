package cn.smartaffairs.workorder;

/**
 * A reported problem: what, where, how urgent, and for whom. A staff member reporting for themself leaves the
 * requester empty; a hotline agent names the caller (a staff id, or a name for callers outside the register).
 */
public record NewWorkOrder(String category, String priority, String channel, String description, String building,
    String floor, String room, Long requesterStaffId, String requesterName) {}
