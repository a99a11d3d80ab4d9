package cn.smartaffairs.telemetry.store;

import cn.smartaffairs.telemetry.jt808.PositionReport;
import java.time.Instant;

/** A position to store: the vehicle it belongs to (the terminal's binding), what the terminal reported, and when it came. */
public record PositionRecord(long vehicleId, PositionReport report, Instant receivedAt) {}
