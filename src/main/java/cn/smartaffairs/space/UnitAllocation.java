package cn.smartaffairs.space;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One room held by one unit for the period [validFrom, validTo); an open period has no validTo. How it began and how
 * it ended say whether it was a plain allocation, a 调剂 by the administration or a 移交/接收 between units.
 */
public record UnitAllocation(long id, long roomId, String roomLabel, RoomKind kind, long unitId, String unitName,
    long agreementId, String agreementNo, BigDecimal area, LocalDate validFrom,
    LocalDate validTo, Began beganBy, Ended endedBy) {

  /** How a unit came to hold the room. */
  public enum Began {
    ALLOCATED, REALLOCATED, RECEIVED
  }

  /** How a unit stopped holding the room ({@code RECOVERED} is kept for rows of older releases). */
  public enum Ended {
    RETURNED, REALLOCATED, HANDED_OVER, RECOVERED
  }

  /** Whether the unit holds the room on the day. */
  boolean heldOn(LocalDate day) {
    return Periods.contains(validFrom, validTo, day);
  }

  /** Whether a new allocation from the day (open-ended, as every new one is) would overlap this one. */
  boolean blocksAllocationFrom(LocalDate day) {
    return Periods.overlap(validFrom, validTo, day, null);
  }

  /**
   * The period may end on a day after it began, once: ending it on the day it began would leave an empty period,
   * which the database refuses as well.
   */
  void requireEndableOn(LocalDate on) {
    if (on == null) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
    if (validTo != null) {
      throw new ConflictException("space.allocationAlreadyEnded", roomLabel);
    }
    if (!on.isAfter(validFrom)) {
      throw new BusinessRuleException("space.endBeforeStart");
    }
  }
}
