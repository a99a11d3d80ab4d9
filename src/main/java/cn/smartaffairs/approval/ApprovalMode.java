package cn.smartaffairs.approval;

/** 会签 (ALL: every approver of the step must approve) or 或签 (ANY: the first approval completes the step). */
public enum ApprovalMode {
  ALL, ANY
}
