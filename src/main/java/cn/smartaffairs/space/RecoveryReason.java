package cn.smartaffairs.space;

import cn.smartaffairs.organisation.StaffStatus;

/**
 * Why an office is to be given back (腾退): its holder left (transferred or retired; the office is recovered, 收回)
 * or a leader's concurrent post ended (the second office is vacated, 腾退). Each runs on its own deadline rule.
 */
public enum RecoveryReason {
  LEFT(AreaStandards.Deadline.RECOVERY_AFTER_LEAVING,
      "收回"), CONCURRENT_POST_ENDED(AreaStandards.Deadline.SECOND_OFFICE_AFTER_POST, "腾退");

  private final AreaStandards.Deadline deadline;
  private final String action;

  RecoveryReason(AreaStandards.Deadline deadline, String action) {
    this.deadline = deadline;
    this.action = action;
  }

  /** The deadline rule whose months run from the day the reason arose. */
  AreaStandards.Deadline deadline() {
    return deadline;
  }

  /** What the space managers are to do, in the words of their to-do: 收回 or 腾退. */
  String action() {
    return action;
  }

  /** Why, in the words of the to-do: the holder was transferred (调出) or retired (退休), or the post ended. */
  String why(StaffStatus holderStatus) {
    if (this == CONCURRENT_POST_ENDED) {
      return "兼职结束";
    }
    return holderStatus == StaffStatus.TRANSFERRED ? "调出" : "退休";
  }
}
