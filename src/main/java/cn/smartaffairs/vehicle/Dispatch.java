package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDateTime;

/**
 * 派车记录: which vehicle and driver serve a request; {@code sheetNo} is the number printed on the 派车单. An active
 * dispatch is cancelled, or its driver sets off on it, only before its trip has started.
 */
public record Dispatch(long id, long requestId, long vehicleId, String plate, long driverId, String driverName,
    LocalDateTime start, LocalDateTime end, String sheetNo, DispatchMode mode, boolean aid,
    DispatchStatus status) {

  /** 取消派车: answers the dispatch as cancelled; a cancelled one, or one whose trip started, is refused (409). */
  Dispatch cancel(boolean tripStarted) {
    requireNotStarted(tripStarted);
    return new Dispatch(id, requestId, vehicleId, plate, driverId, driverName, start, end, sheetNo, mode, aid,
        DispatchStatus.CANCELLED);
  }

  /** 出车: the driver sets off only on an active dispatch whose trip has not started yet (409 otherwise). */
  void requireNotStarted(boolean tripStarted) {
    if (status != DispatchStatus.ACTIVE) {
      throw new ConflictException("vehicle.dispatchNotActive", sheetNo);
    }
    if (tripStarted) {
      throw new ConflictException("vehicle.tripAlreadyStarted", sheetNo);
    }
  }
}
