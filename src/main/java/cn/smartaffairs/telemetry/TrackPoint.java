package cn.smartaffairs.telemetry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One point of a vehicle's track: when (Beijing time), where (degrees, exactly as the terminal reported them in
 * millionths), speed in km/h, heading in degrees and the terminal's mileage in km (null when it sends none).
 */
public record TrackPoint(OffsetDateTime at, BigDecimal lat, BigDecimal lon, BigDecimal speedKmh, int headingDeg,
    BigDecimal mileageKm) {}
