package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 用车申请 as its requester and the dispatcher see it, and the aggregate that decides its moves
 * ({@link TripRequestMove}): an illegal one is refused (409) and changes nothing. Times are Beijing local times.
 */
public record TripRequest(long id, long regionId, Long unitId, String unitName, long requesterId, String requesterName,
    String purpose, int passengers, VehicleCategory category, Stop origin, List<Stop> stops,
    LocalDateTime start, LocalDateTime end, boolean returnsToOrigin, double plannedKm,
    TripRequestStatus status, Long approvalRequestId, List<Long> consentRegionIds) {

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

  /** The time window of the day, e.g. "09:00–11:00". */
  String window() {
    return start.toLocalTime() + "–" + end.toLocalTime();
  }

  // ---- moves ------------------------------------------------------------------------------------------------

  /** Whether the move is allowed from where the request stands now. */
  boolean allows(TripRequestMove move) {
    return move.allowedFrom(status);
  }

  /** The request after the move; a move not allowed now is refused with the move's message. */
  TripRequest after(TripRequestMove move) {
    if (!allows(move)) {
      throw new ConflictException(move.refusalKey(), id);
    }
    return withStatus(move.target());
  }

  /** 待派车: approved and not yet dispatched. */
  boolean waitingForDispatch() {
    return allows(TripRequestMove.DISPATCH);
  }

  /** Refuses (409) anything that needs the request on the board, waiting for a vehicle. */
  void requireWaitingForDispatch() {
    if (!waitingForDispatch()) {
      throw new ConflictException(TripRequestMove.DISPATCH.refusalKey(), id);
    }
  }

  /**
   * 派车: the request served by this vehicle and driver — only while it waits, only within the hard rules
   * ({@link DispatchRules}) and only when neither is held by another dispatch of the window ({@code held}).
   * Answers the request as dispatched.
   */
  TripRequest dispatchTo(Vehicle vehicle, List<VehicleEligibility.SealedDays> seals, Drivers.Driver driver,
      List<Booking> held) {
    requireWaitingForDispatch();
    DispatchRules.check(this, vehicle, seals, driver);
    DispatchRules.bothFree(this, vehicle, driver, held);
    return after(TripRequestMove.DISPATCH);
  }

  // ---- mutual aid (互助保障) ----------------------------------------------------------------------------------

  /**
   * Whether the home region asked for mutual aid (it consented itself): then managers of other regions see the
   * request and may offer a vehicle, and the dispatch still needs their region's consent.
   */
  boolean askedForAid() {
    return consentRegionIds.contains(regionId);
  }

  /** Regions other than the home region that may serve the request: both they and the home region consented. */
  List<Long> aidRegions() {
    if (!askedForAid()) {
      return List.of();
    }
    return consentRegionIds.stream().filter(region -> region != regionId).toList();
  }

  /** Whether a vehicle of the region may serve the request: its own region's, or one whose aid both sides agreed. */
  boolean mayBeServedFrom(long vehicleRegionId) {
    return vehicleRegionId == regionId || aidRegions().contains(vehicleRegionId);
  }

  private TripRequest withStatus(TripRequestStatus to) {
    return new TripRequest(id, regionId, unitId, unitName, requesterId, requesterName, purpose, passengers, category,
        origin, stops, start, end, returnsToOrigin, plannedKm, to, approvalRequestId, consentRegionIds);
  }
}
