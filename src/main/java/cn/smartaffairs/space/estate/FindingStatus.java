package cn.smartaffairs.space.estate;

import cn.smartaffairs.platform.ConflictException;

/** A finding is open until the unit reports it rectified (已整改), then closed when the manager confirms it (已确认). */
public enum FindingStatus {
  OPEN, RECTIFIED, CONFIRMED;

  /** A finding moves only one step on: open to rectified, rectified to confirmed. */
  public boolean mayMoveTo(FindingStatus target) {
    return target.ordinal() == ordinal() + 1;
  }

  /** Refuses a move from anywhere but the step before the target, naming the status the finding should be in. */
  static void requireMove(long findingId, FindingStatus current, FindingStatus target) {
    if (target == OPEN) {
      throw new IllegalArgumentException("a finding never moves back to open");
    }
    if (!current.mayMoveTo(target)) {
      throw new ConflictException("space.estate.findingNotIn", findingId, values()[target.ordinal() - 1].name());
    }
  }

  /** A confirmed finding is done with: it raises no work order. */
  public boolean closed() {
    return this == CONFIRMED;
  }
}
