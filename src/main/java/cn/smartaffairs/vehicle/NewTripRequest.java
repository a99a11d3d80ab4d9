package cn.smartaffairs.vehicle;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a member of staff asks for: purpose, passengers, category, the origin and destinations as named places
 * ({@code originPlaceId}, {@code stopPlaceIds}) or as explicit points, and the time window (Beijing local time).
 */
public record NewTripRequest(String purpose, Integer passengers, VehicleCategory category, Long originPlaceId,
                             TripRequest.Stop origin, List<Long> stopPlaceIds, List<TripRequest.Stop> stops,
                             LocalDateTime start, LocalDateTime end, Boolean returnsToOrigin) {}
