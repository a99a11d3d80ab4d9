package cn.smartaffairs.approval;

public enum RequestStatus {
  PENDING, APPROVED, REJECTED, WITHDRAWN
}
