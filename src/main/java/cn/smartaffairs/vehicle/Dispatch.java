package cn.smartaffairs.vehicle;

import java.time.LocalDateTime;

/** 派车记录: which vehicle and driver serve a request; {@code sheetNo} is the number printed on the 派车单. */
public record Dispatch(long id, long requestId, long vehicleId, String plate, long driverId, String driverName,
                       LocalDateTime start, LocalDateTime end, String sheetNo, String mode, boolean aid, String status) {}
