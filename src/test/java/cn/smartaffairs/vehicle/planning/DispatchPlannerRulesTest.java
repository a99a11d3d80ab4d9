package cn.smartaffairs.vehicle.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.vehicle.planning.DispatchPlan.Assignment;
import cn.smartaffairs.vehicle.planning.DispatchPlan.Unassigned;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Driver;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Rules;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Trip;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Vehicle;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hard rule on a problem so small that the only feasible plan is the one that respects it; the first vehicle
 * or driver in the list is always the wrong one, so a planner that ignored the rule would take it. Both planners
 * must pass every case.
 */
class DispatchPlannerRulesTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  /** 60 km/h and a road factor of 1, so one kilometre is one minute of driving. */
  static final Rules RULES = new Rules(1.0, 60, 480, 15);
  static final GeoPoint OFFICE = new GeoPoint(30.0, 120.0);
  static final String PATROL = "执法执勤";
  static final String CONFIDENTIAL = "机要通信";
  static final long CITY = 11;
  static final long DISTRICT = 12;
  private static final TimefoldDispatchPlanner OPTIMISER = new TimefoldDispatchPlanner();
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @BeforeAll
  static void quietSolver() {
    SolverLogging.quiet();
  }

  static Stream<DispatchPlanner> planners() {
    return Stream.of(OPTIMISER, new GreedyDispatchPlanner());
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aTripGoesToAVehicleWithSeatsForEveryPassenger(DispatchPlanner planner) {
    DispatchProblem problem = problem(List.of(trip(1, 6, "09:00", "10:00")),
        List.of(vehicle(10, 5), vehicle(11, 7)), List.of(driver(20)));
    assertThat(vehicleOf(solve(planner, problem), 1)).isEqualTo(11);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aTripGoesToAVehicleOfItsCategory(DispatchPlanner planner) {
    Trip confidential = new Trip(1, CITY, CONFIDENTIAL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)), true,
        Set.of(), null, null);
    DispatchProblem problem = problem(List.of(confidential),
        List.of(vehicle(10, 5), new Vehicle(11, CITY, CONFIDENTIAL, 5, OFFICE, at("06:00"), at("22:00"), 100)),
        List.of(driver(20)));
    assertThat(vehicleOf(solve(planner, problem), 1)).isEqualTo(11);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aVehicleNeedsTimeToDriveEmptyToItsNextTrip(DispatchPlanner planner) {
    // the second trip starts 20 minutes after the first ends, 30 km away: one vehicle cannot do both
    Trip first = trip(1, 1, "09:00", "10:00");
    Trip far = new Trip(2, CITY, PATROL, 1, at("10:20"), at("11:00"), east(30), List.of(east(35)), true, Set.of(),
        null, null);
    DispatchProblem problem = problem(List.of(first, far), List.of(vehicle(10, 5), vehicle(11, 5)),
        List.of(driver(20), driver(21)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.assignments()).hasSize(2);
    assertThat(vehicleOf(plan, 1)).isNotEqualTo(vehicleOf(plan, 2));
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aVehicleServesOnlyWithinItsAvailability(DispatchPlanner planner) {
    Vehicle afternoonOnly = new Vehicle(10, CITY, PATROL, 5, OFFICE, at("12:00"), at("22:00"), 100);
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00")),
        List.of(afternoonOnly, vehicle(11, 5)), List.of(driver(20)));
    assertThat(vehicleOf(solve(planner, problem), 1)).isEqualTo(11);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aDriverDrivesOnlyWithinTheShift(DispatchPlanner planner) {
    Driver lateShift = new Driver(20, CITY, at("13:00"), at("21:00"), Set.of());
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00")), List.of(vehicle(10, 5)),
        List.of(lateShift, driver(21)));
    assertThat(driverOf(solve(planner, problem), 1)).isEqualTo(21);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aDriverRestsBetweenTrips(DispatchPlanner planner) {
    // ten minutes between the trips at the same place: the vehicle may go on, the driver must rest fifteen
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00"), trip(2, 1, "10:10", "11:00")),
        List.of(vehicle(10, 5)), List.of(driver(20), driver(21)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.assignments()).hasSize(2);
    assertThat(driverOf(plan, 1)).isNotEqualTo(driverOf(plan, 2));
    assertThat(vehicleOf(plan, 1)).isEqualTo(vehicleOf(plan, 2));
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aDriverStaysWithinTheDailyDrivingLimit(DispatchPlanner planner) {
    // each trip drives 40 km there and back (40 minutes); the limit is an hour
    Rules shortDay = new Rules(1.0, 60, 60, 15);
    Trip morning = new Trip(1, CITY, PATROL, 1, at("08:00"), at("09:30"), OFFICE, List.of(east(20)), true, Set.of(),
        null, null);
    Trip afternoon = new Trip(2, CITY, PATROL, 1, at("14:00"), at("15:30"), OFFICE, List.of(east(20)), true,
        Set.of(), null, null);
    DispatchProblem problem = new DispatchProblem(DAY, List.of(morning, afternoon), List.of(vehicle(10, 5)),
        List.of(driver(20), driver(21)), shortDay);
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.assignments()).hasSize(2);
    assertThat(driverOf(plan, 1)).isNotEqualTo(driverOf(plan, 2));
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aDriverNeedsALicenceForTheCategory(DispatchPlanner planner) {
    Driver patrolOnly = new Driver(20, CITY, at("06:00"), at("22:00"), Set.of(PATROL));
    Trip confidential = new Trip(1, CITY, CONFIDENTIAL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)), true,
        Set.of(), null, null);
    DispatchProblem problem = problem(List.of(confidential),
        List.of(new Vehicle(10, CITY, CONFIDENTIAL, 5, OFFICE, at("06:00"), at("22:00"), 100)),
        List.of(patrolOnly, driver(21)));
    assertThat(driverOf(solve(planner, problem), 1)).isEqualTo(21);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void anotherRegionsVehicleServesOnlyWithMutualAidConsent(DispatchPlanner planner) {
    Vehicle districtCar = new Vehicle(10, DISTRICT, PATROL, 5, OFFICE, at("06:00"), at("22:00"), 100);
    Trip withoutConsent = trip(1, 1, "09:00", "10:00");
    Trip withConsent = new Trip(2, CITY, PATROL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)), true,
        Set.of(DISTRICT), null, null);
    DispatchProblem problem = problem(List.of(withoutConsent, withConsent), List.of(districtCar),
        List.of(driver(20), driver(21)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(vehicleOf(plan, 2)).isEqualTo(10);
    assertThat(plan.unassigned()).containsExactly(new Unassigned(1, UnassignedReason.NO_VEHICLE_IN_REGION));
  }

  @ParameterizedTest
  @MethodSource("planners")
  void mutualAidOnlyWhenTheOwnRegionCannotServe(DispatchPlanner planner) {
    Vehicle districtCar = new Vehicle(10, DISTRICT, PATROL, 5, OFFICE, at("06:00"), at("22:00"), 100);
    Trip withConsent = new Trip(1, CITY, PATROL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)), true,
        Set.of(DISTRICT), null, null);
    DispatchProblem problem = problem(List.of(withConsent), List.of(districtCar, vehicle(11, 5)), List.of(driver(20)));
    assertThat(vehicleOf(solve(planner, problem), 1)).isEqualTo(11);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void pinnedTripsKeepTheirVehicleAndDriver(DispatchPlanner planner) {
    // left alone, both planners would give the trip the first vehicle and driver
    Trip pinned = new Trip(1, CITY, PATROL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)), true, Set.of(),
        12L, 22L);
    Trip halfPinned = new Trip(2, CITY, PATROL, 1, at("13:00"), at("14:00"), OFFICE, List.of(east(5)), true,
        Set.of(), 11L, null);
    DispatchProblem problem = problem(List.of(pinned, halfPinned),
        List.of(vehicle(10, 5), vehicle(11, 5), vehicle(12, 5)), List.of(driver(20), driver(21), driver(22)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.assignments()).contains(new Assignment(1, 12, 22));
    assertThat(vehicleOf(plan, 2)).isEqualTo(11);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void tripsThatCannotBeServedComeBackWithTheirReason(DispatchPlanner planner) {
    Trip crowd = trip(1, 30, "09:00", "10:00");
    Trip confidential = new Trip(2, CITY, CONFIDENTIAL, 1, at("09:00"), at("10:00"), OFFICE, List.of(east(5)),
        true, Set.of(), null, null);
    Trip served = trip(3, 2, "09:00", "10:00");
    Trip sameTime = trip(4, 2, "09:30", "10:30");
    DispatchProblem problem = problem(List.of(crowd, confidential, served, sameTime), List.of(vehicle(10, 5)),
        List.of(driver(20), driver(21)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.assignments()).hasSize(1);
    Map<Long, String> reasons = plan.unassigned().stream()
        .collect(Collectors.toMap(Unassigned::requestId, Unassigned::reason));
    assertThat(reasons).containsEntry(1L, UnassignedReason.NO_VEHICLE_WITH_SEATS)
        .containsEntry(2L, UnassignedReason.NO_VEHICLE_OF_CATEGORY)
        .containsValue(UnassignedReason.ALL_VEHICLES_BUSY);
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aVehicleTheDayBarsIsNeverPlannedAndItsTripSaysWhy(DispatchPlanner planner) {
    // the barred vehicle comes first and parks at the trip's origin: a planner that ignored the bar would take it
    Vehicle lapsed = new Vehicle(10, CITY, PATROL, 5, OFFICE, at("06:00"), at("22:00"), 100,
        Set.of("INSURANCE_LAPSED"));
    Vehicle farButFine = new Vehicle(11, CITY, PATROL, 5, east(-20), at("06:00"), at("22:00"), 100);
    DispatchProblem both = problem(List.of(trip(1, 1, "09:00", "10:00")), List.of(lapsed, farButFine),
        List.of(driver(20)));
    assertThat(vehicleOf(solve(planner, both), 1)).isEqualTo(11);
    DispatchProblem onlyLapsed = problem(List.of(trip(1, 1, "09:00", "10:00"), trip(2, 7, "09:00", "10:00")),
        List.of(lapsed), List.of(driver(20)));
    DispatchPlan plan = solve(planner, onlyLapsed);
    assertThat(plan.assignments()).isEmpty();
    // the trip the vehicle would fit is left for its bar; one it would not fit anyway keeps the deeper reason
    assertThat(plan.unassigned()).containsExactlyInAnyOrder(new Unassigned(1, UnassignedReason.NO_ELIGIBLE_VEHICLE),
        new Unassigned(2, UnassignedReason.NO_VEHICLE_WITH_SEATS));
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aPlanThatUsesABarredVehicleBreaksAHardRule(DispatchPlanner planner) {
    Vehicle sealed = new Vehicle(10, CITY, PATROL, 5, OFFICE, at("06:00"), at("22:00"), 100, Set.of("SEALED"));
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00")), List.of(sealed), List.of(driver(20)));
    DispatchPlan forced = new DispatchPlan(List.of(new Assignment(1, 10, 20)), List.of(), 0, 0, 0, "");
    assertThat(PlanEvaluator.evaluate(problem, forced).violations()).anyMatch(v -> v.contains("NO_ELIGIBLE_VEHICLE"));
    assertThat(solve(planner, problem).assignments()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("planners")
  void theEmptyDriveOutAndBackIsCountedAndCosted(DispatchPlanner planner) {
    // depot 10 km west of the office: 10 km out, 10 km back; the trip itself drives 10 km there and back
    Vehicle farDepot = new Vehicle(10, CITY, PATROL, 5, east(-10), at("06:00"), at("22:00"), 150);
    DispatchProblem problem = problem(List.of(trip(1, 1, "09:00", "10:00")), List.of(farDepot), List.of(driver(20)));
    DispatchPlan plan = solve(planner, problem);
    assertThat(plan.deadheadKm()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(plan.totalKm()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(plan.costFen()).isEqualTo(4500);
    assertThat(PlanEvaluator.evaluate(problem, plan).violations()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("planners")
  void aDayWithoutTripsOrVehiclesStillGetsAPlan(DispatchPlanner planner) {
    DispatchPlan empty = solve(planner, problem(List.of(), List.of(vehicle(10, 5)), List.of(driver(20))));
    assertThat(empty.assignments()).isEmpty();
    assertThat(empty.deadheadKm()).isZero();
    DispatchPlan noFleet = solve(planner, problem(List.of(trip(1, 1, "09:00", "10:00")), List.of(), List.of()));
    assertThat(noFleet.unassigned()).containsExactly(new Unassigned(1, UnassignedReason.NO_VEHICLE_OF_CATEGORY));
  }

  static DispatchPlan solve(DispatchPlanner planner, DispatchProblem problem) {
    DispatchPlan plan = planner.plan(problem, LIMIT);
    assertThat(PlanEvaluator.evaluate(problem, plan).violations()).isEmpty();
    return plan;
  }

  static long vehicleOf(DispatchPlan plan, long requestId) {
    return assignment(plan, requestId).vehicleId();
  }

  static long driverOf(DispatchPlan plan, long requestId) {
    return assignment(plan, requestId).driverId();
  }

  private static Assignment assignment(DispatchPlan plan, long requestId) {
    return plan.assignments().stream().collect(Collectors.toMap(Assignment::requestId, Function.identity()))
        .get(requestId);
  }

  static DispatchProblem problem(List<Trip> trips, List<Vehicle> vehicles, List<Driver> drivers) {
    return new DispatchProblem(DAY, trips, vehicles, drivers, RULES);
  }

  /** A city patrol trip from the office to a place 5 km east and back. */
  static Trip trip(long id, int passengers, String start, String end) {
    return new Trip(id, CITY, PATROL, passengers, at(start), at(end), OFFICE, List.of(east(5)), true, Set.of(), null,
        null);
  }

  static Vehicle vehicle(long id, int seats) {
    return new Vehicle(id, CITY, PATROL, seats, OFFICE, at("06:00"), at("22:00"), 100);
  }

  static Driver driver(long id) {
    return new Driver(id, CITY, at("06:00"), at("22:00"), Set.of());
  }

  static LocalDateTime at(String time) {
    return LocalDateTime.parse(DAY + "T" + time);
  }

  /** A point {@code km} great-circle kilometres east of the office. */
  static GeoPoint east(double km) {
    return new GeoPoint(OFFICE.latitude(), OFFICE.longitude() + km / (6371.0088 * Math.PI / 180
        * Math.cos(Math.toRadians(OFFICE.latitude()))));
  }
}
