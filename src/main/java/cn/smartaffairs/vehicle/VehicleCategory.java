package cn.smartaffairs.vehicle;

/** 公务用车类别 after the 2017 reform: 机要通信, 应急保障, 执法执勤, 特种专业技术, 其他按规定配备. */
public enum VehicleCategory {
  CONFIDENTIAL, EMERGENCY, LAW_ENFORCEMENT, SPECIAL, OTHER
}
