package cn.smartaffairs.vehicle;

/** Where a proposal of the optimiser stands; the values of the CHECK on {@code vehicle_plan_proposal.status}. */
public enum ProposalStatus {
  /** 待确认: waits for the dispatcher. */
  PROPOSED,
  /** 已确认: its dispatches were written. */
  CONFIRMED,
  /** 已作废 */
  DISCARDED
}
