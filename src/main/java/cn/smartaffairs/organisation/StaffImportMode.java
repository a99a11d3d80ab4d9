package cn.smartaffairs.organisation;

/** What a staff import does with its rows: 新增 adds new staff, 更新 changes existing staff found by 工号. */
public enum StaffImportMode {
  CREATE, UPDATE
}
