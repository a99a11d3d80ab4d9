package cn.smartaffairs.vehicle;

/** 在用, 维修, 封存, 待处置, 已处置. */
public enum VehicleStatus {
  IN_SERVICE, REPAIR, SEALED, PENDING_DISPOSAL, DISPOSED
}
