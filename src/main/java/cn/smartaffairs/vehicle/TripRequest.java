package cn.smartaffairs.vehicle;

import java.time.LocalDateTime;
import java.util.List;

/** 用车申请 as its requester and the dispatcher see it. Times are Beijing local times. */
public record TripRequest(long id, long regionId, Long unitId, String unitName, long requesterId, String requesterName,
                          String purpose, int passengers, VehicleCategory category, Stop origin, List<Stop> stops,
                          LocalDateTime start, LocalDateTime end, boolean returnsToOrigin, double plannedKm,
                          String status, Long approvalRequestId, List<Long> consentRegionIds) {

  /** A named point of the route. */
  public record Stop(String name, double latitude, double longitude) {}

  public String route() {
    StringBuilder route = new StringBuilder(origin.name());
    stops.forEach(stop -> route.append(" → ").append(stop.name()));
    if (returnsToOrigin) {
      route.append(" → ").append(origin.name());
    }
    return route.toString();
  }
}
