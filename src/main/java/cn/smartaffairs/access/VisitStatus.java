package cn.smartaffairs.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a visit stands: 待确认 (asked for through a host's invitation link), 待来访 (announced or confirmed: the pass
 * opens the gate on the day), 在访 (checked in), 已离开 (checked out), 已拒绝 (the host declined the request), 已取消.
 */
public enum VisitStatus {
  REQUESTED, EXPECTED, CHECKED_IN, CHECKED_OUT, DECLINED, CANCELLED;

  /** What a person may do with a visit. */
  public enum Move {
    CONFIRM, DECLINE, CHECK_IN, CHECK_OUT, CANCEL
  }

  public Set<Move> allowedMoves() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(Move.CONFIRM, Move.DECLINE, Move.CANCEL);
      case EXPECTED -> EnumSet.of(Move.CHECK_IN, Move.CANCEL);
      case CHECKED_IN -> EnumSet.of(Move.CHECK_OUT);
      case CHECKED_OUT, DECLINED, CANCELLED -> EnumSet.noneOf(Move.class);
    };
  }

  public boolean allows(Move move) {
    return allowedMoves().contains(move);
  }

  /** The state a move leads to from here. */
  public VisitStatus after(Move move) {
    return switch (move) {
      case CONFIRM -> EXPECTED;
      case DECLINE -> DECLINED;
      case CHECK_IN -> CHECKED_IN;
      case CHECK_OUT -> CHECKED_OUT;
      case CANCEL -> CANCELLED;
    };
  }
}
