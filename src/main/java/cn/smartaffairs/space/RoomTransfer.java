package cn.smartaffairs.space;

import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDate;

/** A 调剂 (done at once by the administration) or a 移交 awaiting or after its 接收 by the other unit. */
public record RoomTransfer(long id, Kind kind, long roomId, String roomLabel, long fromUnitId, String fromUnitName,
    long toUnitId, String toUnitName, LocalDate effectiveOn, String reason, Status status,
    String requestedBy, String decidedBy) {

  /** 调剂 or 移交, and how each ends the giving unit's period and begins the receiving unit's. */
  public enum Kind {
    REALLOCATION(Status.DONE, UnitAllocation.Ended.REALLOCATED, UnitAllocation.Began.REALLOCATED), HANDOVER(
        Status.PENDING, UnitAllocation.Ended.HANDED_OVER, UnitAllocation.Began.RECEIVED);

    private final Status initialStatus;
    private final UnitAllocation.Ended ends;
    private final UnitAllocation.Began begins;

    Kind(Status initialStatus, UnitAllocation.Ended ends, UnitAllocation.Began begins) {
      this.initialStatus = initialStatus;
      this.ends = ends;
      this.begins = begins;
    }

    /** A reallocation is decided when it is made; a handover waits for the receiving unit. */
    Status initialStatus() {
      return initialStatus;
    }

    UnitAllocation.Ended ends() {
      return ends;
    }

    UnitAllocation.Began begins() {
      return begins;
    }
  }

  /** A transfer is pending until received (done) or refused; a decided transfer stays as it is. */
  public enum Status {
    PENDING, DONE, REFUSED;

    /** The status after the receiving side's decision; only a pending transfer is decided. */
    Status decide(boolean received) {
      if (this != PENDING) {
        throw new ConflictException("space.transferDecided");
      }
      return received ? DONE : REFUSED;
    }

    boolean decided() {
      return this != PENDING;
    }
  }
}
