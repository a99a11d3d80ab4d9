package cn.smartaffairs.access;

/**
 * A pass's state: 审批中 until the approval is decided, then 有效 (within its days) or 未通过; 已撤回 when the applicant
 * withdrew the request; 已吊销 when security revoked it. Only a pending pass is settled by its approval, only an active
 * one revoked.
 */
public enum PassStatus {
  PENDING, ACTIVE, REJECTED, WITHDRAWN, REVOKED;

  public boolean canBeRevoked() {
    return this == ACTIVE;
  }

  public boolean isSettledByApproval() { return this == PENDING; }
}
