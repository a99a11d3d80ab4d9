package cn.smartaffairs.access;

/** 人员通行证 for a person, 车辆通行证 for a plate. */
public enum PassKind {
  STAFF, VEHICLE
}
