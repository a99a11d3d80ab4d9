package cn.smartaffairs.workorder;

/** 工单类别: what kind of problem an order is about, such as 给排水维修 or 投诉. */
public record WorkOrderCategory(String code, String name, String kind) {}
