package cn.smartaffairs.vehicle;

/** Whether a 派车记录 still holds its vehicle and driver; the values of the CHECK on {@code vehicle_dispatch.status}. */
public enum DispatchStatus {
  /** 有效: holds the vehicle and the driver for its window. */
  ACTIVE,
  /** 已取消 before its trip started; the request went back to the board. */
  CANCELLED
}
