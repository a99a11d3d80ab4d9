package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of 公务用车: fleet, register form, quotas, drivers, rules, places, requests, board, trips, costs, flags. */
@PageController
class VehiclePageController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRules rules;
  private final VehicleRequests requests;
  private final Dispatching dispatching;
  private final DispatchSheets sheets;
  private final Trips trips;
  private final VehicleCosts costs;
  private final VehicleCompliance compliance;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;
  private final Clock clock;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final cn.smartaffairs.security.Accounts accounts;
  private final BoardChoices boardChoices;

  VehiclePageController(Fleet fleet, Drivers drivers, VehicleRules rules, VehicleRequests requests,
                        Dispatching dispatching, DispatchSheets sheets, Trips trips, VehicleCosts costs,
                        VehicleCompliance compliance, OrganisationDirectory organisation, MessageSource messages,
                        Clock clock, com.fasterxml.jackson.databind.ObjectMapper json,
                        cn.smartaffairs.security.Accounts accounts, BoardChoices boardChoices) {
    this.boardChoices = boardChoices;
    this.json = json;
    this.accounts = accounts;
    this.fleet = fleet;
    this.drivers = drivers;
    this.rules = rules;
    this.requests = requests;
    this.dispatching = dispatching;
    this.sheets = sheets;
    this.trips = trips;
    this.costs = costs;
    this.compliance = compliance;
    this.organisation = organisation;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- fleet --------------------------------------------------------------------------------------------------

  @GetMapping("/vehicles")
  String fleet(@RequestParam(required = false) VehicleStatus status, Model model) {
    model.addAttribute("vehicles", fleet.list(CurrentUsers.scope(), status));
    model.addAttribute("status", status);
    model.addAttribute("statuses", VehicleStatus.values());
    return "vehicle/fleet";
  }

  @GetMapping("/vehicles.xlsx")
  void export(@RequestParam(required = false) VehicleStatus status, HttpServletResponse response, Locale locale) {
    List<Vehicle> vehicles = fleet.list(CurrentUsers.scope(), status);
    XlsxDownload.send(response, "公务车辆.xlsx", new Xlsx.Sheet("公务车辆",
        List.of("号牌", "单位", "类别", "品牌", "型号", "国产", "新能源", "排量(L)", "价格(元)", "座位", "购置日期",
            "里程(公里)", "停放地点", "状态", "保险到期", "年检到期"),
        vehicles.stream().map(v -> List.<Object>of(v.plate(), v.unitName(), label("vehicle.category." + v.category(), locale),
            v.brand(), v.model(), v.domestic() ? "是" : "否", v.newEnergy() ? "是" : "否",
            v.displacementMl() == null ? "" : BigDecimal.valueOf(v.displacementMl(), 3).toPlainString(),
            new BigDecimal(v.priceYuan()), v.seats(), v.purchasedOn(), v.odometerKm(), v.parkingPlace(),
            label("vehicle.status." + v.status(), locale), v.insuranceUntil(), v.inspectionUntil()))));
  }

  @GetMapping("/vehicles/new")
  String registerForm(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("units", organisation.unitChoices(user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN,
        Role.VEHICLE_MANAGER)));
    model.addAttribute("categories", VehicleCategory.values());
    model.addAttribute("places", drivers.places(user.regionId()));
    return "vehicle/register";
  }

  @PostMapping("/vehicles")
  String register(@RequestParam Long unitId, @RequestParam String plate, @RequestParam VehicleCategory category,
                  @RequestParam String brand, @RequestParam String model,
                  @RequestParam(defaultValue = "false") boolean domestic,
                  @RequestParam(defaultValue = "false") boolean newEnergy,
                  @RequestParam(required = false) BigDecimal displacementLitres, @RequestParam String priceYuan,
                  @RequestParam Integer seats, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchasedOn,
                  @RequestParam(required = false) Integer odometerKm, @RequestParam Long parkingPlaceId,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate insuranceUntil,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectionUntil,
                  RedirectAttributes redirect, Locale locale) {
    try {
      Drivers.Place parking = drivers.place(parkingPlaceId);
      Vehicle vehicle = fleet.register(new NewVehicle(unitId, plate, category, brand, model, domestic, newEnergy,
          displacementLitres == null ? null : displacementLitres.movePointRight(3).intValue(), fen(priceYuan), seats,
          purchasedOn, odometerKm, parking.name(), parking.latitude(), parking.longitude(), insuranceUntil,
          inspectionUntil), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, locale));
      return "redirect:/vehicles/" + vehicle.id();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "redirect:/vehicles/new";
    }
  }

  @GetMapping("/vehicles/{id}")
  String vehicle(@PathVariable long id, Model model) {
    Vehicle vehicle = fleet.get(id, CurrentUsers.scope());
    model.addAttribute("vehicle", vehicle);
    model.addAttribute("flags", compliance.flagsOf(id));
    model.addAttribute("replacement", fleet.replacementReasons(vehicle));
    model.addAttribute("costs", costs.costsOf(id, CurrentUsers.scope()));
    model.addAttribute("trips", trips.ofVehicle(id, 30));
    model.addAttribute("statuses", List.of(VehicleStatus.IN_SERVICE, VehicleStatus.REPAIR, VehicleStatus.SEALED,
        VehicleStatus.PENDING_DISPOSAL));
    model.addAttribute("costKinds", VehicleCosts.CostKind.values());
    model.addAttribute("today", today());
    return "vehicle/detail";
  }

  @PostMapping("/vehicles/{id}/status")
  String status(@PathVariable long id, @RequestParam VehicleStatus status, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> fleet.changeStatus(id, status, CurrentUsers.current()), "/vehicles/" + id,
        redirect, messages, locale);
  }

  @PostMapping("/vehicles/{id}/seals")
  String seal(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, RedirectAttributes redirect,
              Locale locale) {
    return PageOutcome.redirectAfter(() -> fleet.seal(id, from, to, CurrentUsers.current()), "/vehicles/" + id,
        redirect, messages, locale);
  }

  @PostMapping("/vehicles/{id}/disposal")
  String dispose(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disposedOn,
                 @RequestParam String method, @RequestParam String reason,
                 @RequestParam(defaultValue = "0") String proceedsYuan, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> fleet.dispose(id, disposedOn, method, reason, fen(proceedsYuan),
        CurrentUsers.current()), "/vehicles/" + id, redirect, messages, locale);
  }

  @PostMapping("/vehicles/{id}/costs")
  String cost(@PathVariable long id, @RequestParam VehicleCosts.CostKind kind, @RequestParam String amountYuan,
              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate incurredOn,
              @RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) String supplier,
              @RequestParam(required = false) String cardNo, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> costs.record(new VehicleCosts.NewCost(id, kind, fen(amountYuan), incurredOn,
        quantity, supplier, cardNo, null), CurrentUsers.current()), "/vehicles/" + id, redirect, messages, locale);
  }

  // ---- quotas, drivers, rules, places ------------------------------------------------------------------------

  @GetMapping("/vehicles/quotas")
  String quotas(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("quotas", fleet.quotas(user.dataScope()));
    model.addAttribute("units", organisation.unitChoices(user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN,
        Role.VEHICLE_MANAGER)));
    model.addAttribute("categories", VehicleCategory.values());
    return "vehicle/quotas";
  }

  @PostMapping("/vehicles/quotas")
  String setQuota(@RequestParam long unitId, @RequestParam VehicleCategory category, @RequestParam int quota,
                  RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    // a unit of a region the caller does not manage is a 404 page, as an unknown unit, not a message on the form
    fleet.managedUnitRegion(unitId, user);
    return PageOutcome.redirectAfter(() -> fleet.setQuota(unitId, category, quota, user),
        "/vehicles/quotas", redirect, messages, locale);
  }

  @GetMapping("/vehicles/drivers")
  String drivers(Model model) {
    List<Drivers.Driver> list = drivers.list(CurrentUsers.scope());
    Map<Long, List<Drivers.DriverRecord>> records = new LinkedHashMap<>();
    Map<Long, List<Drivers.DriverRecord>> byDriver = drivers.records(list.stream().map(Drivers.Driver::id).toList());
    list.forEach(d -> records.put(d.id(), byDriver.getOrDefault(d.id(), List.of())));
    model.addAttribute("drivers", list);
    model.addAttribute("records", records);
    // accounts holding the driver role in the region that are not yet registered as drivers
    CurrentUser user = CurrentUsers.current();
    var registered = list.stream().map(Drivers.Driver::userId).filter(java.util.Objects::nonNull).toList();
    List<cn.smartaffairs.security.Accounts.AccountName> unregistered = accounts.holding(user.regionId(), Role.DRIVER)
        .stream().filter(a -> !registered.contains(a.userId())).toList();
    Map<Long, Long> staffOf = accounts.staffIdsById(unregistered.stream()
        .map(cn.smartaffairs.security.Accounts.AccountName::userId).toList());
    model.addAttribute("candidates", unregistered.stream().filter(a -> staffOf.containsKey(a.userId()))
        .map(a -> Map.entry(staffOf.get(a.userId()), a.displayName() + "（" + a.username() + "）")).toList());
    model.addAttribute("today", today());
    return "vehicle/drivers";
  }

  @PostMapping("/vehicles/drivers")
  String addDriver(@RequestParam long staffId, @RequestParam String licenceClass,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate licenceExpires,
                   @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime shiftStart,
                   @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime shiftEnd,
                   RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> drivers.register(staffId, licenceClass, licenceExpires, shiftStart, shiftEnd,
        CurrentUsers.current()), "/vehicles/drivers", redirect, messages, locale);
  }

  @PostMapping("/vehicles/drivers/{id}/availability")
  String availability(@PathVariable long id, @RequestParam boolean available, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> drivers.setAvailable(id, available, CurrentUsers.current()),
        "/vehicles/drivers", redirect, messages, locale);
  }

  @PostMapping("/vehicles/drivers/{id}/records")
  String driverRecord(@PathVariable long id, @RequestParam String kind,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                      @RequestParam String topic, @RequestParam(required = false) String result,
                      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> drivers.addRecord(id, kind, heldOn, topic, result, CurrentUsers.current()),
        "/vehicles/drivers", redirect, messages, locale);
  }

  @GetMapping("/vehicles/rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("rules", rules.versions(user.regionId()));
    model.addAttribute("keys", VehicleRules.Key.values());
    model.addAttribute("categories", VehicleCategory.values());
    model.addAttribute("today", today());
    return "vehicle/rules";
  }

  @PostMapping("/vehicles/rules")
  String addRule(@RequestParam VehicleRules.Key key, @RequestParam(required = false) String category,
                 @RequestParam BigDecimal value, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                 @RequestParam(defaultValue = "false") boolean national, @RequestParam(required = false) String source,
                 RedirectAttributes redirect, Locale locale) {
    VehicleCategory chosen = category == null || category.isBlank() ? null : VehicleCategory.valueOf(category);
    return PageOutcome.redirectAfter(() -> rules.addVersion(key, chosen, value, effectiveFrom, national, source,
        CurrentUsers.current()), "/vehicles/rules", redirect, messages, locale);
  }

  @GetMapping("/vehicles/places")
  String places(Model model) {
    model.addAttribute("places", drivers.places(CurrentUsers.current().regionId()));
    return "vehicle/places";
  }

  @PostMapping("/vehicles/places")
  String addPlace(@RequestParam String name, @RequestParam double latitude, @RequestParam double longitude,
                  RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> drivers.addPlace(name, latitude, longitude, CurrentUsers.current()),
        "/vehicles/places", redirect, messages, locale);
  }

  // ---- requests -----------------------------------------------------------------------------------------------

  @GetMapping("/vehicle-requests/new")
  String requestForm(Model model) {
    model.addAttribute("places", drivers.places(CurrentUsers.current().regionId()));
    model.addAttribute("categories", VehicleCategory.values());
    model.addAttribute("tomorrow", today().plusDays(1));
    return "vehicle/request-form";
  }

  @PostMapping("/vehicle-requests")
  String submit(@RequestParam String purpose, @RequestParam Integer passengers, @RequestParam VehicleCategory category,
                @RequestParam Long originPlaceId, @RequestParam List<Long> stopPlaceIds,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime from,
                @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime to,
                @RequestParam(defaultValue = "false") boolean returnsToOrigin, RedirectAttributes redirect, Locale locale) {
    // the form's empty stop rows arrive as empty values (null here); a non-number is refused as a type mismatch
    List<Long> stops = stopPlaceIds.stream().filter(java.util.Objects::nonNull).toList();
    try {
      long id = requests.submit(new NewTripRequest(purpose, passengers, category, originPlaceId, null, stops, null,
          date.atTime(from), date.atTime(to), returnsToOrigin), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, locale));
      return "redirect:/vehicle-requests#request-" + id;
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "redirect:/vehicle-requests/new";
    }
  }

  /** A request with its dispatch and trip, for the requester's list. */
  record RequestView(TripRequest request, Dispatch dispatch, Trips.Trip trip) {}

  /** The requests with their active dispatch and its trip, read in one query each whatever the number of requests. */
  private List<RequestView> views(List<TripRequest> list) {
    Map<Long, Dispatch> dispatches = dispatching.ofRequests(list.stream().map(TripRequest::id).toList());
    Map<Long, Trips.Trip> tripOf = trips.ofDispatches(dispatches.values().stream().map(Dispatch::id).toList());
    return list.stream().map(r -> {
      Dispatch dispatch = dispatches.get(r.id());
      return new RequestView(r, dispatch, dispatch == null ? null : tripOf.get(dispatch.id()));
    }).toList();
  }

  @GetMapping("/vehicle-requests")
  String myRequests(Model model) {
    model.addAttribute("requests", views(requests.mine(CurrentUsers.current())));
    return "vehicle/requests";
  }

  @PostMapping("/vehicle-trips/{id}/confirmation")
  String confirmTrip(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> trips.confirm(id, CurrentUsers.current()), "/vehicle-requests", redirect,
        messages, locale);
  }

  // ---- dispatch -----------------------------------------------------------------------------------------------

  @GetMapping("/vehicles/board")
  String board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(defaultValue = "false") boolean all, Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = date == null ? today() : date;
    // the board answers 403 to anyone who does not dispatch, before the region's vehicles are listed
    List<RequestView> rows = views(requests.board(day, user));
    model.addAttribute("date", day);
    model.addAttribute("rows", rows);
    model.addAttribute("vehicles", fleet.list(cn.smartaffairs.security.DataScope.region(user.regionId()),
        VehicleStatus.IN_SERVICE));
    model.addAttribute("drivers", drivers.list(cn.smartaffairs.security.DataScope.region(user.regionId())).stream()
        .filter(Drivers.Driver::available).toList());
    model.addAttribute("myRegion", user.regionId());
    // each waiting request offers only what fits it, the best preselected; "all" lists the whole fleet and crew
    model.addAttribute("choices", boardChoices.forBoard(rows.stream().map(RequestView::request).toList(),
        user.regionId()));
    model.addAttribute("all", all);
    return "vehicle/board";
  }

  @PostMapping("/vehicles/board/dispatches")
  String dispatch(@RequestParam long requestId, @RequestParam long vehicleId, @RequestParam long driverId,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect,
                  Locale locale) {
    return PageOutcome.redirectAfter(() -> dispatching.dispatchByHand(requestId, vehicleId, driverId,
        CurrentUsers.current()), "/vehicles/board?date=" + date, redirect, messages, locale);
  }

  @PostMapping("/vehicles/board/consents")
  String consent(@RequestParam long requestId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> requests.consentToAid(requestId, CurrentUsers.current()),
        "/vehicles/board?date=" + date, redirect, messages, locale);
  }

  @PostMapping("/vehicles/board/plan")
  String plan(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect,
              Locale locale) {
    try {
      Dispatching.Proposal proposal = dispatching.planDay(date, null, CurrentUsers.current());
      return "redirect:/vehicles/plans/" + proposal.id();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "redirect:/vehicles/board?date=" + date;
    }
  }

  @GetMapping("/vehicles/plans/{id}")
  String proposal(@PathVariable long id, Model model) {
    model.addAttribute("proposal", dispatching.proposal(id, CurrentUsers.current()));
    return "vehicle/plan";
  }

  @PostMapping("/vehicles/plans/{id}/confirmation")
  String confirmPlan(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    LocalDate day = dispatching.proposal(id, CurrentUsers.current()).day();
    return PageOutcome.redirectAfter(() -> dispatching.confirm(id, CurrentUsers.current()), "/vehicles/board?date=" + day,
        redirect, messages, locale);
  }

  @GetMapping(value = "/vehicles/dispatches/{id}/sheet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> sheet(@PathVariable long id) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"dispatch-" + id + ".pdf\"")
        .body(sheets.pdf(id, CurrentUsers.current()));
  }

  // ---- the driver's phone page --------------------------------------------------------------------------------

  /** How many of the driver's coming trips the phone page lists below the day's. */
  static final int COMING_TRIPS = 20;

  /** A dispatch of the driver's day with its trip, if started. */
  record DriverTask(Dispatch dispatch, TripRequest request, Trips.Trip trip) {}

  @GetMapping("/vehicles/my-trips")
  String myTrips(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = date == null ? today() : date;
    var driver = drivers.ofUser(user.userId());
    List<DriverTask> tasks = new ArrayList<>();
    driver.ifPresent(d -> dispatching.ofDriver(d.id(), day).forEach(dispatch -> tasks.add(new DriverTask(dispatch,
        requests.get(dispatch.requestId()), trips.ofDispatch(dispatch.id()).orElse(null)))));
    model.addAttribute("driver", driver.orElse(null));
    model.addAttribute("tasks", tasks);
    model.addAttribute("open", driver.map(d -> trips.openOf(d.id())).orElse(List.of()));
    // the trips after the day shown, so that a driver sees tomorrow's and the next week's too
    model.addAttribute("coming", driver.map(d -> dispatching.comingOfDriver(d.id(), day.plusDays(1), COMING_TRIPS)
        .stream().map(dispatch -> new DriverTask(dispatch, requests.get(dispatch.requestId()), null)).toList())
        .orElse(List.of()));
    model.addAttribute("date", day);
    model.addAttribute("today", today());
    return "vehicle/my-trips";
  }

  @PostMapping("/vehicles/my-trips/start")
  String startTrip(@RequestParam long dispatchId, @RequestParam Integer odometerKm, RedirectAttributes redirect,
                   Locale locale) {
    return PageOutcome.redirectAfter(() -> trips.start(dispatchId, odometerKm, CurrentUsers.current()),
        "/vehicles/my-trips", redirect, messages, locale);
  }

  @PostMapping("/vehicles/my-trips/{id}/end")
  String endTrip(@PathVariable long id, @RequestParam Integer odometerKm, @RequestParam(defaultValue = "0") String tollsYuan,
                 @RequestParam(defaultValue = "0") String parkingYuan, @RequestParam(required = false) BigDecimal fuelLitres,
                 @RequestParam(required = false) BigDecimal chargingKwh,
                 @RequestParam(defaultValue = "0") String energyCostYuan, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> trips.end(id, new Trips.TripEnd(odometerKm, fen(tollsYuan), fen(parkingYuan),
        fuelLitres, chargingKwh, fen(energyCostYuan)), CurrentUsers.current()), "/vehicles/my-trips", redirect,
        messages, locale);
  }

  // ---- costs, register, compliance ----------------------------------------------------------------------------

  @GetMapping("/vehicles/costs")
  String costReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "VEHICLE") VehicleCosts.GroupBy groupBy, Model model, Locale locale) {
    LocalDate start = from == null ? today().withDayOfMonth(1) : from;
    LocalDate end = to == null ? today() : to;
    VehicleCosts.Report report = costs.report(start, end, groupBy, CurrentUsers.scope());
    model.addAttribute("report", report);
    model.addAttribute("chart", chart(report, locale));
    model.addAttribute("kinds", VehicleCosts.CostKind.values());
    model.addAttribute("groups", VehicleCosts.GroupBy.values());
    return "vehicle/costs";
  }

  /** An ECharts option: cost per km of each row as bars, the fleet average as a line across them. */
  private String chart(VehicleCosts.Report report, Locale locale) {
    List<VehicleCosts.ReportRow> rows = report.rows().stream().filter(r -> r.costPerKmFen() != null).toList();
    Double average = report.fleet().costPerKmFen();
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("animation", false);
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("grid", Map.of("left", 50, "right", 20, "bottom", 80));
    option.put("xAxis", Map.of("type", "category", "data", rows.stream().map(r -> rowLabel(report, r, locale)).toList(),
        "axisLabel", Map.of("rotate", 30)));
    option.put("yAxis", Map.of("type", "value", "name", label("vehicle.chart.yuanPerKm", locale)));
    Map<String, Object> bars = new LinkedHashMap<>();
    bars.put("name", label("vehicle.chart.costPerKm", locale));
    bars.put("type", "bar");
    bars.put("data", rows.stream().map(r -> r.costPerKmFen() / 100).toList());
    if (average != null) {
      bars.put("markLine", Map.of("symbol", "none", "data", List.of(Map.of("name", label("vehicle.ui.fleetAverage", locale), "yAxis", average / 100))));
    }
    option.put("series", List.of(bars));
    try {
      return json.writeValueAsString(option);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GetMapping("/vehicles/costs.xlsx")
  void costExport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "VEHICLE") VehicleCosts.GroupBy groupBy, HttpServletResponse response,
                  Locale locale) {
    VehicleCosts.Report report = costs.report(from, to, groupBy, CurrentUsers.scope());
    List<String> headers = new ArrayList<>(List.of("对象", "车辆数", "里程(公里)"));
    Arrays.stream(VehicleCosts.CostKind.values()).forEach(k -> headers.add(label("vehicle.cost." + k, locale) + "(元)"));
    headers.addAll(List.of("合计(元)", "每公里成本(元)", "百公里油耗(升)", "百公里电耗(度)", "与车队平均比(%)"));
    XlsxDownload.send(response, "单车核算-" + from + "-" + to + ".xlsx", new Xlsx.Sheet("单车核算", headers,
        Stream.concat(report.rows().stream(), Stream.of(report.fleet())).map(row -> {
          List<Object> cells = new ArrayList<>(List.of(row.label(), row.vehicles(), row.km()));
          Arrays.stream(VehicleCosts.CostKind.values()).forEach(k -> cells.add(Money.ofFen(row.costsFen().get(k)).yuan()));
          cells.add(Money.ofFen(row.totalFen()).yuan());
          cells.add(row.costPerKmFen() == null ? null : BigDecimal.valueOf(row.costPerKmFen()).movePointLeft(2));
          cells.add(row.litresPer100Km());
          cells.add(row.kwhPer100Km());
          cells.add(row.versusFleetPercent());
          return cells;
        })));
  }

  @GetMapping("/vehicles/trip-register")
  String tripRegister(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) Long unitId, Model model) {
    LocalDate start = from == null ? today().withDayOfMonth(1) : from;
    LocalDate end = to == null ? today() : to;
    model.addAttribute("lines", costs.register(start, end, unitId, CurrentUsers.scope()));
    model.addAttribute("units", organisation.unitChoices(CurrentUsers.scope()));
    model.addAttribute("unitId", unitId);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    return "vehicle/trip-register";
  }

  @GetMapping("/vehicles/trip-register.xlsx")
  void tripRegisterExport(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) Long unitId, HttpServletResponse response) {
    XlsxDownload.send(response, "出车登记公示-" + from + "-" + to + ".xlsx", new Xlsx.Sheet("出车登记",
        List.of("日期", "单位", "车辆", "事由", "路线", "出车", "回车", "里程(公里)", "油耗(升)", "电耗(度)", "费用(元)", "驾驶员", "用车人确认"),
        costs.register(from, to, unitId, CurrentUsers.scope()).stream().map(l -> java.util.Arrays.<Object>asList(l.day(),
            l.unitName(), l.plate(), l.purpose(), l.route(), l.startedAt().toLocalTime().toString(),
            l.endedAt().toLocalTime().toString(), l.km(), l.fuelLitres(), l.chargingKwh(),
            Money.ofFen(l.costFen()).yuan(), l.driverName(), l.confirmed() ? "是" : "否"))));
  }

  /** Flags on a page: 50 at a time, so a large fleet's list stays readable. */
  static final int FLAGS_PER_PAGE = 50;

  @GetMapping("/vehicles/compliance")
  String compliance(@RequestParam(required = false) VehicleCompliance.Kind kind,
                    @RequestParam(required = false) Long vehicleId,
                    @RequestParam(defaultValue = "ALL") VehicleCompliance.HandlingFilter handling,
                    @RequestParam(defaultValue = "1") int page, Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("result", compliance.page(user.dataScope(), kind, vehicleId, handling, page, FLAGS_PER_PAGE));
    model.addAttribute("kinds", VehicleCompliance.Kind.values());
    model.addAttribute("handlings", VehicleCompliance.HandlingFilter.values());
    model.addAttribute("vehicles", fleet.list(user.dataScope(), null).stream()
        .filter(v -> v.status() != VehicleStatus.DISPOSED).toList());
    model.addAttribute("kind", kind);
    model.addAttribute("vehicleId", vehicleId);
    model.addAttribute("handling", handling);
    model.addAttribute("back", org.springframework.web.util.UriComponentsBuilder.fromPath("/vehicles/compliance")
        .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
        .queryParamIfPresent("vehicleId", java.util.Optional.ofNullable(vehicleId))
        .queryParam("handling", handling).queryParam("page", page).build().encode().toUriString());
    model.addAttribute("canHandle", user.hasAny(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER));
    return "vehicle/compliance";
  }

  @GetMapping("/vehicles/compliance.xlsx")
  void complianceExport(@RequestParam(required = false) VehicleCompliance.Kind kind,
                        @RequestParam(required = false) Long vehicleId,
                        @RequestParam(defaultValue = "ALL") VehicleCompliance.HandlingFilter handling,
                        HttpServletResponse response, Locale locale) {
    List<VehicleCompliance.ListedFlag> flags = compliance.listed(CurrentUsers.scope(), kind, vehicleId, handling);
    XlsxDownload.send(response, "合规预警-" + today() + ".xlsx", new Xlsx.Sheet("合规预警",
        List.of("日期", "车辆", "预警", "说明", "处理情况", "处理人", "处理时间", "处理说明"),
        flags.stream().map(f -> Arrays.<Object>asList(f.flag().day(), f.flag().plate(),
            label("vehicle.flag." + f.flag().kind(), locale),
            messages.getMessage(f.flag().detailKey(), f.flag().detailArgs().toArray(), f.flag().detail(), locale),
            label("vehicle.ui.flagHandling." + (f.handled() ? "HANDLED" : "OPEN"), locale),
            f.handled() ? f.handling().handledBy() : "",
            f.handled() ? f.handling().handledAt().withNano(0).toString().replace('T', ' ') : "",
            f.handled() ? f.handling().note() : ""))));
  }

  @PostMapping("/vehicles/compliance/handled")
  String markHandled(@RequestParam long vehicleId, @RequestParam VehicleCompliance.Kind kind,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                     @RequestParam(required = false) Long tripId, @RequestParam(required = false) String note,
                     @RequestParam(required = false) String back, RedirectAttributes redirect, Locale locale) {
    // back to the same filtered page; only a path of this list is followed, never another address
    String target = back != null && back.startsWith("/vehicles/compliance") && !back.startsWith("//")
        ? back : "/vehicles/compliance";
    try {
      compliance.markHandled(vehicleId, kind, day, tripId, note, CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("vehicle.ui.flagsMarked",
          new Object[] {fleet.get(vehicleId).plate(), label("vehicle.flag." + kind, locale)}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:" + target;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** A category row is named by the category's message; vehicles and units by their own names (data). */
  private String rowLabel(VehicleCosts.Report report, VehicleCosts.ReportRow row, Locale locale) {
    return report.groupBy() == VehicleCosts.GroupBy.CATEGORY ? label("vehicle.category." + row.key(), locale) : row.label();
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  /** Yuan typed on a form ("1234.5") to fen; a third decimal is rounded, as these forms always did. */
  private static long fen(String yuan) {
    if (yuan == null || yuan.isBlank()) {
      return 0;
    }
    try {
      BigDecimal rounded = new BigDecimal(yuan.trim()).setScale(2, java.math.RoundingMode.HALF_UP);
      return Money.ofYuan(rounded, "vehicle.amountInvalid").fen();
    } catch (NumberFormatException e) {
      throw new BusinessRuleException("vehicle.amountInvalid");
    }
  }
}
