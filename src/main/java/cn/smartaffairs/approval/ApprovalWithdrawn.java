package cn.smartaffairs.approval;

/**
 * Published when the applicant takes a pending request back, inside that transaction (heard after its commit, ADR
 * 0012), so the module that submitted it can release what it held for the request (a hall's slot, a vehicle request on
 * the board).
 */
public record ApprovalWithdrawn(long requestId, String requestType) {}
