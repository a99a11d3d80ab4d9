package cn.smartaffairs.access;

/** 公务车位, 职工车位, 访客车位, 错时开放车位 (places open to the public outside office hours). */
public enum ParkingZoneKind {
  OFFICIAL, STAFF, VISITOR, PUBLIC
}
