package cn.smartaffairs.approval;

public enum TaskStatus {
  OPEN, APPROVED, REJECTED, CANCELLED
}
