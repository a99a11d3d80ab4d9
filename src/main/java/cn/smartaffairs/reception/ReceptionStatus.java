package cn.smartaffairs.reception;

import cn.smartaffairs.platform.ConflictException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a reception stands: its 公函 registered (the plan may change), its 接待审批单 pending, approved (the visit, the
 * 消费清单 and the 接待清单), rejected (the plan may change and go again), closed with its four documents, or cancelled.
 */
public enum ReceptionStatus {
  REGISTERED, PENDING_APPROVAL, APPROVED, REJECTED, CLOSED, CANCELLED;

  /** What a person or the approval engine does to a reception. */
  public enum Move {
    EDIT_PLAN, SUBMIT, APPROVE, REJECT, WITHDRAW, RECORD_CONSUMPTION, GENERATE_LIST, CLOSE, CANCEL
  }

  private Set<Move> allowed() {
    return switch (this) {
      case REGISTERED, REJECTED -> EnumSet.of(Move.EDIT_PLAN, Move.SUBMIT, Move.CANCEL);
      case PENDING_APPROVAL -> EnumSet.of(Move.APPROVE, Move.REJECT, Move.WITHDRAW);
      case APPROVED -> EnumSet.of(Move.RECORD_CONSUMPTION, Move.GENERATE_LIST, Move.CLOSE, Move.CANCEL);
      case CLOSED, CANCELLED -> EnumSet.noneOf(Move.class);
    };
  }

  public boolean allows(Move move) {
    return allowed().contains(move);
  }

  /** The state after a move, or a 409 naming the state when the move is not allowed from here. */
  public ReceptionStatus after(Move move) {
    if (!allows(move)) {
      throw new ConflictException("reception.moveNotAllowed");
    }
    return switch (move) {
      case SUBMIT -> PENDING_APPROVAL;
      case APPROVE -> APPROVED;
      case REJECT -> REJECTED;
      case WITHDRAW -> REGISTERED;
      case CLOSE -> CLOSED;
      case CANCEL -> CANCELLED;
      case EDIT_PLAN, RECORD_CONSUMPTION, GENERATE_LIST -> this;
    };
  }
}
