package cn.smartaffairs.vehicle;

import java.time.Instant;

/**
 * Published when a driver ends a trip, inside that transaction, through the event publication registry (ADR 0012):
 * the distance driven and what the trip cost, for modules that follow vehicle use without reading its tables.
 * {@code dispatchId} is null for a trip driven without a dispatch sheet.
 */
public record TripEnded(long tripId, long vehicleId, long regionId, Long dispatchId, long driverId, int distanceKm,
    long costFen, Instant endedAt) {}
