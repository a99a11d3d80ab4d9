package cn.smartaffairs.space;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDate;

/** One person's office for the period [validFrom, validTo); a second office (兼职) carries the concurrent post. */
public record OfficeAssignment(long id, long roomId, String roomLabel, long staffId, String staffName,
    boolean secondOffice, String concurrentPost, LocalDate concurrentPostEndedOn,
    LocalDate validFrom, LocalDate validTo, Ended endedBy) {

  /** Why an office ended. */
  public enum Ended {
    /** The person moved to another office, or the unit's period of the room ended. */
    MOVED,
    /** Given back after a recovery task (腾退) was raised for it. */
    RECOVERED,
    /** Given up without a recovery task. */
    VACATED;

    /** An office ended while a recovery task is open for it counts as recovered. */
    static Ended endedDirectly(boolean recoveryTaskOpen) {
      return recoveryTaskOpen ? RECOVERED : VACATED;
    }
  }

  /** Whether the person has the office on the day. */
  boolean heldOn(LocalDate day) {
    return Periods.contains(validFrom, validTo, day);
  }

  /** An office ends once, on a day after it began. */
  void requireEndableOn(LocalDate end) {
    if (validTo != null) {
      throw new ConflictException("space.officeAlreadyEnded", staffName);
    }
    if (!end.isAfter(validFrom)) {
      throw new BusinessRuleException("space.endBeforeStart");
    }
  }

  /**
   * Ending the office as a side effect (the person moves, the unit's period ends) on a day it has not yet begun
   * would leave an empty period: the person's name and start say which office stands in the way.
   */
  void requireMovableOn(LocalDate on) {
    if (!on.isAfter(validFrom)) {
      throw new BusinessRuleException("space.officeStartsLater", staffName, validFrom);
    }
  }

  /** Only a second office carries a concurrent post whose end starts its vacating deadline. */
  void requireConcurrentPostEndable(LocalDate endedOn) {
    if (!secondOffice) {
      throw new BusinessRuleException("space.notASecondOffice");
    }
    if (endedOn == null) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
  }
}
