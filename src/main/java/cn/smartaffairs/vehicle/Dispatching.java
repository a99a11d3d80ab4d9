package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import cn.smartaffairs.vehicle.planning.DispatchPlan;
import cn.smartaffairs.vehicle.planning.DispatchPlanner;
import cn.smartaffairs.vehicle.planning.DispatchProblem;
import cn.smartaffairs.vehicle.planning.GeoPoint;
import cn.smartaffairs.vehicle.planning.UnassignedReason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 调度派车: by hand or by the optimiser, whose proposal for a day the dispatcher confirms. Either way the request,
 * locked, decides ({@link TripRequest#dispatchTo}) by the hard rules of {@link DispatchRules}: category, seats, status,
 * licence, shift, region or consented mutual aid, no overlap. The database's exclusion constraints keep a vehicle and
 * a driver off two overlapping dispatches whoever writes.
 */
@Service
public class Dispatching {

  private final JdbcClient jdbc;
  private final DispatchRecords dispatches;
  private final AuditTrail audit;
  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRequests requests;
  private final VehicleRules rules;
  private final ObjectProvider<DispatchPlanner> planner;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final Duration planningTime;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;

  Dispatching(JdbcClient jdbc, DispatchRecords dispatches, AuditTrail audit, Fleet fleet, Drivers drivers,
      VehicleRequests requests,
      VehicleRules rules, ObjectProvider<DispatchPlanner> planner, ObjectMapper json,
      PlatformTransactionManager transactions,
      @Value("${affairs.vehicle.planning-time-limit:PT3S}") Duration planningTime, Notifications notifications,
      ApplicationEventPublisher events) {
    this.notifications = notifications;
    this.events = events;
    this.jdbc = jdbc;
    this.dispatches = dispatches;
    this.audit = audit;
    this.fleet = fleet;
    this.drivers = drivers;
    this.requests = requests;
    this.rules = rules;
    this.planner = planner;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.planningTime = planningTime;
  }

  /** 人工派车: assigns a vehicle and a driver to an approved request. */
  public Dispatch dispatchByHand(long requestId, long vehicleId, long driverId, CurrentUser by) {
    long id = inTransaction(() -> insert(requests.lock(requestId), vehicleId, driverId, DispatchMode.MANUAL, by));
    return dispatches.get(id);
  }

  /** Dispatches a request whose row the caller locked: loads what the rules need, lets the request decide, saves. */
  private long insert(TripRequest request, long vehicleId, long driverId, DispatchMode mode, CurrentUser by) {
    // what the caller may not dispatch is not found (404), as an unknown id, before any rule is named
    DataScope managed = fleet.managedBy(by);
    if (!managed.permits(request.regionId(), null, null) && !request.askedForAid()) {
      throw new NotFoundException("vehicleRequest", request.id());
    }
    Vehicle vehicle = fleet.get(vehicleId);
    if (!managed.permits(vehicle.regionId(), null, null)) {
      throw new NotFoundException("vehicle", vehicleId);
    }
    Drivers.Driver driver = drivers.get(driverId);
    if (!managed.permits(driver.regionId(), null, null)) {
      throw new NotFoundException("driver", driverId);
    }
    TripRequest dispatched = request.dispatchTo(vehicle,
        fleet.seals(vehicleId, request.start().toLocalDate(), request.end().toLocalDate()), driver,
        dispatches.holding(vehicleId, driverId, request.start(), request.end()));
    String sheetNo = dispatches.nextSheetNo(request);
    boolean aid = vehicle.regionId() != request.regionId();
    long id = dispatches.insert(request, vehicleId, driverId, sheetNo, mode, aid, by.userId());
    requests.save(request, dispatched);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("requestId", request.id());
    after.put("vehicle", vehicle.plate());
    after.put("driverId", driverId);
    after.put("sheetNo", sheetNo);
    after.put("mode", mode.name());
    after.put("aid", aid);
    audit.record(AuditEntry.created("vehicle_dispatch", id, vehicle.regionId(), after));
    events.publishEvent(new DispatchChanged(id, vehicleId, vehicle.regionId(), request.start(), request.end(), false));
    // sent once the dispatch has committed; a confirmed plan that rolls back tells nobody anything
    String when = request.start().toLocalDate() + " " + request.window();
    notifications.send(request.requesterId(), "已派车：" + vehicle.plate() + "，驾驶员 " + driver.name(),
        when + " " + request.purpose() + "，派车单号 " + sheetNo, "/vehicle-requests");
    if (driver.userId() != null) {
      notifications.send(driver.userId(), "新的出车任务：" + when, request.purpose() + "，车辆 " + vehicle.plate()
          + "，路线 " + request.route(), "/vehicles/my-trips?date=" + request.start().toLocalDate());
    }
    return id;
  }

  /** Cancels a dispatch whose trip has not started; the request waits on the board again. Answers it cancelled. */
  public Dispatch cancel(long dispatchId, CurrentUser by) {
    inTransaction(() -> {
      // out of the caller's scope a dispatch is not found (404), so ids cannot be probed; in it, only managers act
      Dispatch dispatch = visible(dispatches.lock(dispatchId), by);
      long regionId = fleet.get(dispatch.vehicleId()).regionId();
      fleet.requireManager(regionId, by);
      Dispatch cancelled = dispatch.cancel(dispatches.tripStarted(dispatchId));
      TripRequest request = requests.lock(dispatch.requestId());
      TripRequest waiting = request.after(TripRequestMove.RETURN_TO_BOARD);
      dispatches.saveStatus(cancelled);
      requests.save(request, waiting);
      audit.record(AuditEntry.updated("vehicle_dispatch", dispatchId, regionId,
          Map.of("status", dispatch.status().name()), Map.of("status", cancelled.status().name())));
      events.publishEvent(new DispatchChanged(dispatchId, dispatch.vehicleId(), regionId, dispatch.start(),
          dispatch.end(), true));
      return dispatchId;
    });
    return dispatches.get(dispatchId);
  }

  // ---- the optimiser ------------------------------------------------------------------------------------------

  /** A proposal of the optimiser with the request, vehicle and driver names for the dispatcher. */
  public record Proposal(long id, LocalDate day, ProposalStatus status, DispatchPlan plan, List<ProposedRow> rows,
      List<UnassignedRow> unassigned) {

    /** 待确认: the dispatcher may still confirm it. */
    public boolean open() {
      return status == ProposalStatus.PROPOSED;
    }

    /** 确认方案: answers the proposal as confirmed; one confirmed or discarded already is refused (409). */
    Proposal confirm() {
      if (!open()) {
        throw new ConflictException("vehicle.proposalClosed", id);
      }
      return new Proposal(id, day, ProposalStatus.CONFIRMED, plan, rows, unassigned);
    }
  }

  public record ProposedRow(long requestId, String purpose, String route, String window, int passengers,
      long vehicleId, String plate, long driverId, String driverName, boolean aid) {}

  /** A trip the plan leaves open, with the reason code; {@code barred} names the vehicles the day bars from it. */
  public record UnassignedRow(long requestId, String purpose, String window, String reason,
      List<BarredVehicle> barred) {}

  /** A vehicle that would fit a trip but may not go out on its day; {@code reasonKeys} are message keys. */
  public record BarredVehicle(long vehicleId, String plate, List<VehicleEligibility.Reason> reasons) {
    public List<String> reasonKeys() {
      return reasons.stream().map(r -> "vehicle.ineligibleShort." + r.name()).toList();
    }
  }

  /**
   * 一键排班: builds the day's problem from the database — approved undispatched requests of the caller's region
   * (and those of other regions whose mutual aid both regions agreed to), vehicles in service, available drivers on
   * shift, and the rule values in force — and asks the planner. The answer is stored as a proposal to confirm.
   */
  public Proposal planDay(LocalDate day, Duration timeLimit, CurrentUser by) {
    if (day == null) {
      throw new BusinessRuleException("vehicle.planDayRequired");
    }
    long regionId = by.regionId();
    fleet.requireManager(regionId, by);
    DispatchPlanner solver = planner.getIfAvailable();
    if (solver == null) {
      throw new BusinessRuleException("vehicle.plannerUnavailable");
    }
    List<TripRequest> board = requests.board(day, by).stream()
        .filter(r -> r.mayBeServedFrom(regionId)).toList();
    List<TripRequest> waiting = board.stream().filter(TripRequest::waitingForDispatch).toList();
    if (waiting.isEmpty()) {
      throw new BusinessRuleException("vehicle.nothingToPlan", day);
    }
    Set<Long> regions = new HashSet<>(List.of(regionId));
    waiting.forEach(r -> {
      regions.add(r.regionId());
      regions.addAll(r.aidRegions());
    });
    DispatchProblem problem = problem(day, regions, waiting, regionId);
    DispatchPlan plan = solver.plan(problem, timeLimit == null ? planningTime : timeLimit);
    String planJson;
    try {
      planJson = json.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    long id = transaction.execute(status -> {
      long proposalId = jdbc.sql("""
          insert into vehicle_plan_proposal (region_id, day, plan, created_by)
          values (:region, :day, cast(:plan as jsonb), :by) returning id""")
          .param("region", regionId).param("day", java.sql.Date.valueOf(day)).param("plan", planJson)
          .param("by", by.userId()).query(Long.class).single();
      audit.record(AuditEntry.created("vehicle_plan_proposal", proposalId, regionId, Map.of("day", day.toString(),
          "assignments", plan.assignments().size(), "unassigned", plan.unassigned().size(), "score",
          String.valueOf(plan.score()))));
      return proposalId;
    });
    return proposal(id, by);
  }

  DispatchProblem problem(LocalDate day, Set<Long> regions, List<TripRequest> waiting, long regionId) {
    List<DispatchProblem.Trip> trips = new ArrayList<>();
    for (TripRequest r : waiting) {
      trips.add(trip(r, null, null));
    }
    // trips already dispatched on the day hold their vehicle and driver: the planner plans around them
    List<Dispatch> held = dispatches.heldOnDay(regions, day);
    Map<Long, TripRequest> heldRequests = requests.get(held.stream().map(Dispatch::requestId).toList());
    for (Dispatch d : held) {
      trips.add(trip(found(heldRequests, d.requestId(), "vehicleRequest"), d.vehicleId(), d.driverId()));
    }
    // vehicles the day bars (sealed, in repair, insurance or inspection lapsed) come along, barred, so that a trip only
    // they could serve is reported as such and a trip held on one of them is still known to the planner
    List<Vehicle> fleetOfDay = jdbc.sql(Fleet.VEHICLE + " where v.status in ('IN_SERVICE', 'SEALED', 'REPAIR')"
        + " and v.region_id = any(:regions)")
        .param("regions", regions.toArray(Long[]::new)).query(Fleet::vehicle).list();
    Map<Long, List<VehicleEligibility.SealedDays>> seals = fleet.seals(fleetOfDay.stream().map(Vehicle::id).toList(),
        day, day);
    // the cost per km is read once per region, not once per vehicle
    Map<Long, Long> costPerKm = new java.util.HashMap<>();
    List<DispatchProblem.Vehicle> vehicles = fleetOfDay.stream()
        .map(v -> new DispatchProblem.Vehicle(v.id(), v.regionId(), v.category().name(), v.passengerSeats(),
            new GeoPoint(v.parkingLat(), v.parkingLon()), day.atStartOfDay(), day.atTime(23, 59),
            costPerKm.computeIfAbsent(v.regionId(), region -> (long) rules.number(Key.COST_PER_KM_FEN, region, day)),
            VehicleEligibility.onDays(VehicleEligibility.Facts.of(v, seals.getOrDefault(v.id(), List.of())), day, day)
                .stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())))
        .toList();
    List<Long> driverIds = jdbc.sql(
        """
            select d.id from vehicle_driver d where d.available and d.licence_expires >= :day and d.region_id = any(:regions)""")
        .param("day", java.sql.Date.valueOf(day)).param("regions", regions.toArray(Long[]::new))
        .query(Long.class).list();
    Map<Long, Drivers.Driver> driverOf = drivers.get(driverIds);
    List<DispatchProblem.Driver> onShift = driverIds.stream().map(id -> found(driverOf, id, "driver"))
        .map(d -> new DispatchProblem.Driver(d.id(), d.regionId(), day.atTime(d.shiftStart()), day.atTime(d.shiftEnd()),
            Set.of()))
        .toList();
    var ruleValues = new DispatchProblem.Rules(rules.number(Key.ROAD_FACTOR, regionId, day),
        (int) rules.number(Key.AVERAGE_SPEED_KMH, regionId, day),
        (int) rules.number(Key.MAX_DRIVING_MINUTES, regionId, day),
        (int) rules.number(Key.MIN_REST_MINUTES, regionId, day));
    return new DispatchProblem(day, trips, vehicles, onShift, ruleValues);
  }

  private static DispatchProblem.Trip trip(TripRequest r, Long pinnedVehicle, Long pinnedDriver) {
    return new DispatchProblem.Trip(r.id(), r.regionId(), r.category().name(), r.passengers(), r.start(), r.end(),
        VehicleRequests.point(r.origin()), r.stops().stream().map(VehicleRequests::point).toList(), r.returnsToOrigin(),
        Set.copyOf(r.aidRegions()), pinnedVehicle, pinnedDriver);
  }

  /** A stored proposal, visible to the managers of its region. */
  public Proposal proposal(long id, CurrentUser viewer) {
    var row = jdbc.sql("select * from vehicle_plan_proposal where id = :id").param("id", id)
        .query((rs, n) -> Map.of("region", rs.getLong("region_id"), "day", rs.getDate("day").toLocalDate(),
            "plan", rs.getString("plan"), "status", ProposalStatus.valueOf(rs.getString("status"))))
        .optional()
        .orElseThrow(() -> new NotFoundException("dispatchProposal", id));
    if (!viewer.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER)
        .permits((Long) row.get("region"), null, null)) {
      throw new NotFoundException("dispatchProposal", id);
    }
    DispatchPlan plan;
    try {
      plan = json.readValue((String) row.get("plan"), DispatchPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // an open proposal shows only what is still to dispatch; trips the planner had to plan around are left out
    boolean open = row.get("status") == ProposalStatus.PROPOSED;
    // the requests, vehicles and drivers of the plan are read together, a fixed number of queries for any plan
    List<Long> requestIds = new ArrayList<>();
    plan.assignments().forEach(a -> requestIds.add(a.requestId()));
    plan.unassigned().forEach(u -> requestIds.add(u.requestId()));
    Map<Long, TripRequest> requestOf = requests.get(requestIds);
    Map<Long, Vehicle> vehicleOf = fleet
        .get(plan.assignments().stream().map(DispatchPlan.Assignment::vehicleId).toList());
    Map<Long, Drivers.Driver> driverOf = drivers.get(plan.assignments().stream().map(DispatchPlan.Assignment::driverId)
        .toList());
    List<ProposedRow> rows = new ArrayList<>();
    for (DispatchPlan.Assignment a : plan.assignments()) {
      TripRequest r = found(requestOf, a.requestId(), "vehicleRequest");
      if (open && !r.waitingForDispatch()) {
        continue;
      }
      Vehicle v = found(vehicleOf, a.vehicleId(), "vehicle");
      rows.add(new ProposedRow(r.id(), r.purpose(), r.route(), r.window(), r.passengers(), v.id(), v.plate(),
          a.driverId(), found(driverOf, a.driverId(), "driver").name(), v.regionId() != r.regionId()));
    }
    List<Map.Entry<TripRequest, String>> left = plan.unassigned().stream()
        .map(u -> Map.entry(found(requestOf, u.requestId(), "vehicleRequest"), u.reason()))
        .filter(e -> !open || e.getKey().waitingForDispatch())
        .toList();
    Map<Long, List<BarredVehicle>> barred = barredFor(left.stream()
        .filter(e -> UnassignedReason.NO_ELIGIBLE_VEHICLE.equals(e.getValue())).map(Map.Entry::getKey).toList());
    List<UnassignedRow> unassigned = left.stream()
        .map(e -> new UnassignedRow(e.getKey().id(), e.getKey().purpose(), e.getKey().window(), e.getValue(),
            UnassignedReason.NO_ELIGIBLE_VEHICLE.equals(e.getValue()) ? barred.get(e.getKey().id()) : List.of()))
        .toList();
    return new Proposal(id, (LocalDate) row.get("day"), (ProposalStatus) row.get("status"), plan, rows, unassigned);
  }

  /**
   * For each trip, the vehicles of its category, with its seats, in its region or a consented aid region, that the
   * trip's days bar (as the planner saw them), so the dispatcher reads which vehicle to renew or unseal. The candidates
   * of all the trips and their sealing periods are read in one query each.
   */
  private Map<Long, List<BarredVehicle>> barredFor(List<TripRequest> trips) {
    Map<Long, List<BarredVehicle>> barredByTrip = new java.util.HashMap<>();
    if (trips.isEmpty()) {
      return barredByTrip;
    }
    Set<Long> regions = new HashSet<>();
    Set<String> categories = new HashSet<>();
    for (TripRequest trip : trips) {
      regions.add(trip.regionId());
      regions.addAll(trip.aidRegions());
      categories.add(trip.category().name());
    }
    List<Vehicle> all = jdbc.sql(Fleet.VEHICLE + " where v.status in ('IN_SERVICE', 'SEALED', 'REPAIR')"
        + " and v.region_id = any(:regions) and v.category = any(:categories) order by v.plate")
        .param("regions", regions.toArray(Long[]::new)).param("categories", categories.toArray(String[]::new))
        .query(Fleet::vehicle).list();
    LocalDate from = trips.stream().map(t -> VehicleEligibility.Need.of(t).firstDay()).min(LocalDate::compareTo)
        .orElseThrow();
    LocalDate to = trips.stream().map(t -> VehicleEligibility.Need.of(t).lastDay()).max(LocalDate::compareTo)
        .orElseThrow();
    Map<Long, List<VehicleEligibility.SealedDays>> seals = fleet.seals(all.stream().map(Vehicle::id).toList(), from,
        to);
    for (TripRequest request : trips) {
      List<Long> tripRegions = new ArrayList<>(request.aidRegions());
      tripRegions.add(request.regionId());
      VehicleEligibility.Need need = VehicleEligibility.Need.of(request);
      List<BarredVehicle> barred = new ArrayList<>();
      for (Vehicle v : all) {
        if (!tripRegions.contains(v.regionId()) || v.category() != request.category()
            || v.passengerSeats() < request.passengers()) {
          continue;
        }
        List<VehicleEligibility.Reason> reasons = VehicleEligibility.onDays(
            VehicleEligibility.Facts.of(v, seals.getOrDefault(v.id(), List.of())), need.firstDay(), need.lastDay());
        if (!reasons.isEmpty()) {
          barred.add(new BarredVehicle(v.id(), v.plate(), reasons));
        }
      }
      barredByTrip.put(request.id(), barred);
    }
    return barredByTrip;
  }

  /** The value of an id read in a set-based query; an id the database no longer knows answers 404 as before. */
  private static <T> T found(Map<Long, T> byId, long id, String kind) {
    T value = byId.get(id);
    if (value == null) {
      throw new NotFoundException(kind, id);
    }
    return value;
  }

  /**
   * Confirms a proposal: one dispatch record per proposed assignment of a request still waiting, all or none. A
   * request dispatched by hand in the meantime is left as it is; a clash answers 409 and nothing is written.
   */
  public List<Dispatch> confirm(long proposalId, CurrentUser by) {
    Proposal proposal = proposal(proposalId, by);
    Proposal confirmed = proposal.confirm();
    List<Long> ids = inTransaction(() -> {
      // stored only if nobody confirmed it since it was read: whoever comes second is refused
      int changed = jdbc.sql("update vehicle_plan_proposal set status = :to where id = :id and status = :from")
          .param("to", confirmed.status().name()).param("from", proposal.status().name()).param("id", proposalId)
          .update();
      if (changed == 0) {
        throw new ConflictException("vehicle.proposalClosed", proposalId);
      }
      List<Long> created = new ArrayList<>();
      for (ProposedRow row : proposal.rows()) {
        TripRequest request = requests.lock(row.requestId());
        if (request.waitingForDispatch()) {
          created.add(insert(request, row.vehicleId(), row.driverId(), DispatchMode.OPTIMISED, by));
        }
      }
      audit.record(AuditEntry.updated("vehicle_plan_proposal", proposalId, by.regionId(),
          Map.of("status", proposal.status().name()),
          Map.of("status", confirmed.status().name(), "dispatches", created)));
      return created;
    });
    return ids.stream().map(dispatches::get).toList();
  }

  // ---- reading ------------------------------------------------------------------------------------------------

  /** A dispatch for its requester, its driver and the managers whose scope reaches the vehicle; 404 to others. */
  public Dispatch visible(long id, CurrentUser viewer) {
    return visible(dispatches.get(id), viewer);
  }

  private Dispatch visible(Dispatch dispatch, CurrentUser viewer) {
    TripRequest request = requests.get(dispatch.requestId());
    Vehicle vehicle = fleet.get(dispatch.vehicleId());
    Drivers.Driver driver = drivers.get(dispatch.driverId());
    boolean visible = request.requesterId() == viewer.userId() || Long.valueOf(viewer.userId()).equals(driver.userId())
        || viewer.dataScope().permits(vehicle.regionId(), vehicle.unitId(), null)
        || viewer.dataScope().permits(request.regionId(), request.unitId(), null);
    if (!visible) {
      throw new NotFoundException("vehicleDispatch", dispatch.id());
    }
    return dispatch;
  }

  /** Runs a change in its own transaction and turns a collision on the exclusion constraints into a clear 409. */
  private <T> T inTransaction(java.util.function.Supplier<T> change) {
    try {
      return transaction.execute(status -> change.get());
    } catch (DataAccessException e) {
      String constraint = Violations.isExclusionViolation(e) || Violations.isUniqueViolation(e)
          ? Violations.constraintName(e).orElse(null)
          : null;
      if (constraint == null) {
        throw e;
      }
      throw new ConflictException(switch (constraint) {
        case "vehicle_dispatch_vehicle_free" -> "vehicle.vehicleBusy";
        case "vehicle_dispatch_driver_free" -> "vehicle.driverBusy";
        default -> "vehicle.requestAlreadyDispatched";
      });
    }
  }
}
