package cn.smartaffairs.approval;

/** Who approves a step: a role in the applicant's unit, a role in the region's affairs administration, or named people. */
public enum ApproverKind {
  UNIT_ROLE, REGION_ROLE, USERS
}
