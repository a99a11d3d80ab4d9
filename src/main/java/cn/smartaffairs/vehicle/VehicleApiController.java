package cn.smartaffairs.vehicle;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requests, dispatch (by hand and by the optimiser), the dispatch sheet, trips, costs, reports and compliance. */
@RestController
@Tag(name = "公务用车·用车 Official vehicles: requests, dispatch, trips, costs")
@SecurityRequirement(name = "bearer")
class VehicleApiController {

  private final VehicleRequests requests;
  private final Dispatching dispatching;
  private final DispatchSheets sheets;
  private final Trips trips;
  private final VehicleCosts costs;
  private final VehicleCompliance compliance;

  VehicleApiController(VehicleRequests requests, Dispatching dispatching, DispatchSheets sheets, Trips trips,
      VehicleCosts costs, VehicleCompliance compliance) {
    this.requests = requests;
    this.dispatching = dispatching;
    this.sheets = sheets;
    this.trips = trips;
    this.costs = costs;
    this.compliance = compliance;
  }

  @PostMapping("/api/v1/vehicle-requests")
  @Operation(summary = "用车申请 Ask for a vehicle; the request goes to approval (vehicle.trip)", description = "Answers 201 with the request and its id. Origin and stops as named places (originPlaceId, "
      + "stopPlaceIds from GET /api/v1/vehicle-places) or explicit points {name, latitude, longitude}; start and "
      + "end as ISO date-times, Beijing local (2026-12-01T09:00) or with an offset (2026-12-01T09:00+08:00, "
      + "2026-12-01T01:00Z), which is read as that moment in Beijing time. category: CONFIDENTIAL, EMERGENCY, LAW_ENFORCEMENT, "
      + "SPECIAL, OTHER.")
  ResponseEntity<TripRequest> submit(@RequestBody NewTripRequest request) {
    CurrentUser user = CurrentUsers.current();
    long id = requests.submit(request, user);
    return ResponseEntity.created(URI.create("/api/v1/vehicle-requests/" + id)).body(requests.get(id, user));
  }

  @GetMapping("/api/v1/vehicle-requests")
  @Operation(summary = "我的用车申请 The caller's own requests")
  List<TripRequest> mine() {
    return requests.mine(CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-requests/{id}")
  @Operation(summary = "用车申请详情 A request (status PENDING, APPROVED, REJECTED, DISPATCHED, COMPLETED)")
  TripRequest request(@PathVariable long id) {
    return requests.get(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/vehicle-requests/{id}/aid-consents")
  @Operation(summary = "互助保障同意 The caller's region (vehicle manager or admin) agrees to cross-region service", description = "Another region's vehicle may serve the request only when the home region and that region agreed.")
  TripRequest consent(@PathVariable long id) {
    requests.consentToAid(id, CurrentUsers.current());
    return requests.get(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-board")
  @Operation(summary = "派车看板 Approved and dispatched requests of a day in the dispatcher's region")
  List<TripRequest> board(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return requests.board(date, CurrentUsers.current());
  }

  record ManualDispatch(long requestId, long vehicleId, long driverId) {}

  @PostMapping("/api/v1/vehicle-dispatches")
  @Operation(summary = "人工派车 Dispatch a vehicle and driver by hand", description = "400 when a hard rule is broken (category, seats, status, licence, shift, region/aid); 409 when "
      + "the vehicle or driver is already dispatched in an overlapping window or the request is no longer waiting.")
  ResponseEntity<Dispatch> dispatch(@RequestBody ManualDispatch dispatch) {
    Dispatch created = dispatching.dispatchByHand(dispatch.requestId(), dispatch.vehicleId(), dispatch.driverId(),
        CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/vehicle-dispatches/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/vehicle-dispatches/{id}")
  @Operation(summary = "派车记录 A dispatch (its requester, driver and the managers)")
  Dispatch dispatch(@PathVariable long id) {
    return dispatching.visible(id, CurrentUsers.current());
  }

  @DeleteMapping("/api/v1/vehicle-dispatches/{id}")
  @Operation(summary = "取消派车 Cancel a dispatch whose trip has not started")
  Dispatch cancel(@PathVariable long id) {
    return dispatching.cancel(id, CurrentUsers.current());
  }

  @GetMapping(value = "/api/v1/vehicle-dispatches/{id}/sheet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "派车单 The dispatch sheet as A4 PDF with a QR code of its standard fields")
  ResponseEntity<byte[]> sheet(@PathVariable long id) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"dispatch-" + id + ".pdf\"")
        .body(sheets.pdf(id, CurrentUsers.current()));
  }

  record PlanDay(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Integer seconds) {}

  @PostMapping("/api/v1/vehicle-plans")
  @Operation(summary = "智能排班 Plan a day with the optimiser; answers 201 with the proposal to confirm", description = "seconds: the solver's time limit (1–60, default from affairs.vehicle.planning-time-limit).")
  ResponseEntity<Dispatching.Proposal> plan(@RequestBody PlanDay plan) {
    Duration limit = plan.seconds() == null ? null : Duration.ofSeconds(Math.max(1, Math.min(60, plan.seconds())));
    Dispatching.Proposal proposal = dispatching.planDay(plan.day(), limit, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/vehicle-plans/" + proposal.id())).body(proposal);
  }

  @GetMapping("/api/v1/vehicle-plans/{id}")
  @Operation(summary = "排班方案 A stored proposal")
  Dispatching.Proposal proposal(@PathVariable long id) {
    return dispatching.proposal(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/vehicle-plans/{id}/confirmation")
  @Operation(summary = "确认方案 Confirm a proposal: creates the dispatch records, all or none")
  List<Dispatch> confirm(@PathVariable long id) {
    return dispatching.confirm(id, CurrentUsers.current());
  }

  record TripStart(Long dispatchId, Long vehicleId, Integer odometerKm, String purpose) {}

  @PostMapping("/api/v1/vehicle-trips")
  @Operation(summary = "出车 The driver starts a trip on a dispatch (or, flagged, without one: vehicleId and purpose)")
  ResponseEntity<Trips.Trip> start(@RequestBody TripStart start) {
    CurrentUser user = CurrentUsers.current();
    Trips.Trip trip = start.dispatchId() != null
        ? trips.start(start.dispatchId(), start.odometerKm(), user)
        : trips.startWithoutDispatch(start.vehicleId() == null ? -1 : start.vehicleId(), start.odometerKm(),
            start.purpose(), user);
    return ResponseEntity.created(URI.create("/api/v1/vehicle-trips/" + trip.id())).body(trip);
  }

  @PostMapping("/api/v1/vehicle-trips/{id}/end")
  @Operation(summary = "回车 The driver ends the trip: odometer, tolls, parking, fuel litres or charging kWh and their cost (fen)")
  Trips.Trip end(@PathVariable long id, @RequestBody Trips.TripEnd end) {
    return trips.end(id, end, CurrentUsers.current());
  }

  @PostMapping("/api/v1/vehicle-trips/{id}/confirmation")
  @Operation(summary = "用车人确认 The requester confirms the trip")
  Trips.Trip confirmTrip(@PathVariable long id) {
    return trips.confirm(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/vehicle-costs")
  @Operation(summary = "费用登记 A cost of a vehicle in fen (FUEL and CHARGING need the quantity in litres or kWh)")
  ResponseEntity<java.util.Map<String, Long>> cost(@RequestBody VehicleCosts.NewCost cost) {
    return ResponseEntity.status(201).body(java.util.Map.of("id", costs.record(cost, CurrentUsers.current())));
  }

  @GetMapping("/api/v1/vehicles/{id}/costs")
  @Operation(summary = "车辆费用 The costs of a vehicle, newest first")
  List<VehicleCosts.Cost> costs(@PathVariable long id) {
    return costs.costsOf(id, CurrentUsers.scope());
  }

  @GetMapping("/api/v1/vehicle-reports/costs")
  @Operation(summary = "单车核算 Cost per km and fuel/energy per 100 km per vehicle, unit or category against the fleet average")
  VehicleCosts.Report report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "VEHICLE") VehicleCosts.GroupBy groupBy) {
    return costs.report(from, to, groupBy, CurrentUsers.scope());
  }

  @GetMapping("/api/v1/vehicle-reports/trip-register")
  @Operation(summary = "出车登记公示 The trips of the units in scope over a period, for publication")
  List<VehicleCosts.RegisterLine> register(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long unitId) {
    return costs.register(from, to, unitId, CurrentUsers.scope());
  }

  @GetMapping("/api/v1/vehicle-compliance")
  @Operation(summary = "合规预警 Compliance flags on the vehicles in scope")
  List<VehicleCompliance.Flag> compliance() {
    return compliance.all(CurrentUsers.scope());
  }
}
