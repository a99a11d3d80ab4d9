package cn.smartaffairs.vehicle;

import java.time.LocalDateTime;

/**
 * Published when a dispatch sheet is issued or cancelled, inside that transaction, through the event publication
 * registry (ADR 0012): the vehicle and the sheet's approved window (Beijing time). What was already checked against the
 * vehicle's sheets for that time, such as the GPS audit of trips driven before the sheet was written, is checked again.
 */
public record DispatchChanged(long dispatchId, long vehicleId, long regionId, LocalDateTime start, LocalDateTime end,
    boolean cancelled) {}
