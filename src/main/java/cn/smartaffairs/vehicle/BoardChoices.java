package cn.smartaffairs.vehicle;

import cn.smartaffairs.security.DataScope;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the dispatch board offers for each waiting request: the vehicles of the dispatcher's region that fit it (the
 * category asked for, enough seats, allowed out on its days by {@link VehicleEligibility}, not booked in its window,
 * in its region or a region whose mutual aid both sides agreed to) and the drivers who can drive it (available,
 * licence valid, on shift for the whole window, not booked), each with the best one preselected.
 */
@Service
class BoardChoices {

  /** The choices for one request; {@code vehicleId} and {@code driverId} are the preselected ones, if any fits. */
  record Choice(List<Vehicle> vehicles, Long vehicleId, List<Drivers.Driver> drivers, Long driverId) {
    public boolean vehicleFits() {
      return vehicleId != null;
    }

    public boolean driverFits() {
      return driverId != null;
    }
  }

  private final DispatchRecords dispatches;
  private final Fleet fleet;
  private final Drivers drivers;

  BoardChoices(DispatchRecords dispatches, Fleet fleet, Drivers drivers) {
    this.dispatches = dispatches;
    this.fleet = fleet;
    this.drivers = drivers;
  }

  /** The choices of the dispatcher's region for each waiting (approved) request of the board, by request id. */
  Map<Long, Choice> forBoard(List<TripRequest> board, long regionId) {
    List<TripRequest> waiting = board.stream().filter(TripRequest::waitingForDispatch).toList();
    Map<Long, Choice> choices = new LinkedHashMap<>();
    if (waiting.isEmpty()) {
      return choices;
    }
    LocalDate first = waiting.stream().map(r -> r.start().toLocalDate()).min(Comparator.naturalOrder()).orElseThrow();
    LocalDate last = waiting.stream().map(r -> r.end().toLocalDate()).max(Comparator.naturalOrder()).orElseThrow();
    List<Vehicle> vehicles = fleet.list(DataScope.region(regionId), VehicleStatus.IN_SERVICE);
    Map<Long, List<VehicleEligibility.SealedDays>> seals = fleet.seals(vehicles.stream().map(Vehicle::id).toList(),
        first, last);
    List<Drivers.Driver> crew = drivers.list(DataScope.region(regionId));
    List<Booking> booked = dispatches.bookings(regionId, first, last);
    for (TripRequest request : waiting) {
      choices.put(request.id(), choose(request, regionId, vehicles, seals, crew, booked));
    }
    return choices;
  }

  /**
   * The fitting vehicles, best first: the fewest seats that take the party (a large car is not sent for two people),
   * then the one with the fewest trips in the period, then the lower mileage; the drivers with the fewest trips first.
   */
  static Choice choose(TripRequest request, long regionId, List<Vehicle> vehicles,
      Map<Long, List<VehicleEligibility.SealedDays>> seals, List<Drivers.Driver> crew,
      List<Booking> booked) {
    boolean mayServe = request.mayBeServedFrom(regionId);
    Map<Long, Integer> vehicleTrips = new HashMap<>();
    Map<Long, Integer> driverTrips = new HashMap<>();
    booked.forEach(b -> {
      vehicleTrips.merge(b.vehicleId(), 1, Integer::sum);
      driverTrips.merge(b.driverId(), 1, Integer::sum);
    });
    VehicleEligibility.Need need = VehicleEligibility.Need.of(request);
    List<Vehicle> fitting = !mayServe
        ? List.of()
        : vehicles.stream()
            .filter(v -> v.regionId() == regionId)
            .filter(
                v -> VehicleEligibility.reasons(VehicleEligibility.Facts.of(v, seals.getOrDefault(v.id(), List.of())),
                    need).isEmpty())
            .filter(v -> booked.stream().noneMatch(b -> b.vehicleId() == v.id() && b.overlaps(request)))
            .sorted(Comparator.comparingInt(Vehicle::seats)
                .thenComparingInt(v -> vehicleTrips.getOrDefault(v.id(), 0))
                .thenComparingInt(Vehicle::odometerKm)
                .thenComparing(Vehicle::plate))
            .toList();
    // the driver rules of DispatchRules, as predicates: the same licence and shift a dispatch will be checked against
    List<Drivers.Driver> able = !mayServe
        ? List.of()
        : crew.stream()
            .filter(d -> d.regionId() == regionId && d.available())
            .filter(d -> d.licenceValidThrough(request.end().toLocalDate()))
            .filter(d -> d.onShiftThroughout(request.start(), request.end()))
            .filter(d -> booked.stream().noneMatch(b -> b.driverId() == d.id() && b.overlaps(request)))
            .sorted(Comparator.comparingInt((Drivers.Driver d) -> driverTrips.getOrDefault(d.id(), 0))
                .thenComparing(Drivers.Driver::name))
            .toList();
    return new Choice(fitting, fitting.isEmpty() ? null : fitting.get(0).id(), able,
        able.isEmpty() ? null : able.get(0).id());
  }
}
