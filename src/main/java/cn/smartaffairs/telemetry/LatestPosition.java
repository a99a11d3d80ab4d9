package cn.smartaffairs.telemetry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The newest position of a vehicle, with its ignition (ACC) and when the platform received it. */
public record LatestPosition(long vehicleId, String plate, OffsetDateTime at, BigDecimal lat, BigDecimal lon,
    BigDecimal speedKmh, int headingDeg, BigDecimal mileageKm, boolean accOn,
    OffsetDateTime receivedAt) {}
