package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fleet administration pages of 公务用车: vehicles, register form, seals, disposal, costs, quotas, drivers, rules, places. */
@PageController
class FleetPageController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRules rules;
  private final Trips trips;
  private final VehicleCosts costs;
  private final VehicleCompliance compliance;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;
  private final Clock clock;
  private final cn.smartaffairs.security.Accounts accounts;
  private final FleetList fleetList;

  FleetPageController(Fleet fleet, Drivers drivers, VehicleRules rules, Trips trips, VehicleCosts costs,
      VehicleCompliance compliance, OrganisationDirectory organisation, MessageSource messages,
      Clock clock, cn.smartaffairs.security.Accounts accounts, FleetList fleetList) {
    this.fleet = fleet;
    this.fleetList = fleetList;
    this.drivers = drivers;
    this.rules = rules;
    this.trips = trips;
    this.costs = costs;
    this.compliance = compliance;
    this.organisation = organisation;
    this.messages = messages;
    this.clock = clock;
    this.accounts = accounts;
  }

  // ---- fleet --------------------------------------------------------------------------------------------------

  /** The fleet list's columns; the export adds what the register form holds beyond them. */
  static final ListColumns<Vehicle> FLEET_COLUMNS = ListColumns.<Vehicle>sortedBy(FleetList.SORT_KEYS)
      .sortable("plate", "vehicle.ui.plate", Vehicle::plate)
      .sortable("unit", "vehicle.ui.unit", Vehicle::unitName)
      .sortable("category", "vehicle.ui.category", v -> ListColumns.words("vehicle.category." + v.category()))
      .sortable("brand", "vehicle.ui.brandAndModel", v -> v.brand() + " " + v.model())
      .sortable("seats", "vehicle.ui.seats", Vehicle::seats)
      .sortable("mileage", "vehicle.ui.km", Vehicle::odometerKm)
      .sortable("status", "vehicle.ui.status", v -> ListColumns.words("vehicle.status." + v.status()))
      .sortable("insuranceUntil", "vehicle.ui.insuranceUntil", Vehicle::insuranceUntil)
      .sortable("inspectionUntil", "vehicle.ui.inspectionUntil", Vehicle::inspectionUntil)
      .exportOnly("vehicle.ui.domestic", Vehicle::domestic)
      .exportOnly("vehicle.ui.newEnergy", Vehicle::newEnergy)
      .exportOnly("vehicle.ui.displacementLitres", v -> v.displacementMl() == null
          ? null
          : BigDecimal.valueOf(v.displacementMl(), 3))
      .exportOnly("vehicle.ui.priceYuan", v -> Money.ofFen(v.priceFen()))
      .exportOnly("vehicle.ui.purchaseDate", Vehicle::purchasedOn)
      .exportOnly("vehicle.ui.parkingPlace", Vehicle::parkingPlace)
      .searchedFor("vehicle.ui.fleetSearch").pagedBy(50).exportedAs("vehicle.nav.fleet");

  @GetMapping("/vehicles")
  String fleet(@RequestParam(required = false) VehicleStatus status, @RequestParam Map<String, String> parameters,
      Model model) {
    ListQuery query = FLEET_COLUMNS.parse(parameters);
    FLEET_COLUMNS.show(model, query, fleetList.search(query, status, CurrentUsers.scope()));
    model.addAttribute("status", status);
    model.addAttribute("statuses", VehicleStatus.values());
    return "vehicle/fleet";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping({"/vehicles/export.xlsx", "/vehicles.xlsx"})
  void export(@RequestParam(required = false) VehicleStatus status, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListExport.send(response, FLEET_COLUMNS,
        fleetList.search(FLEET_COLUMNS.parse(parameters).forExport(), status, CurrentUsers.scope()).items(), messages,
        locale);
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
          displacementLitres == null ? null : displacementLitres.movePointRight(3).intValue(), FormYuan.fen(priceYuan),
          seats, purchasedOn, odometerKm, parking.name(), parking.latitude(), parking.longitude(), insuranceUntil,
          inspectionUntil), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, locale));
      return "redirect:/vehicles/" + vehicle.id();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
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
  String dispose(@PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disposedOn,
      @RequestParam String method, @RequestParam String reason,
      @RequestParam(defaultValue = "0") String proceedsYuan, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> fleet.dispose(id, disposedOn, method, reason, FormYuan.fen(proceedsYuan),
        CurrentUsers.current()), "/vehicles/" + id, redirect, messages, locale);
  }

  @PostMapping("/vehicles/{id}/costs")
  String cost(@PathVariable long id, @RequestParam VehicleCosts.CostKind kind, @RequestParam String amountYuan,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate incurredOn,
      @RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) String supplier,
      @RequestParam(required = false) String cardNo, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> costs.record(new VehicleCosts.NewCost(id, kind, FormYuan.fen(amountYuan),
        incurredOn, quantity, supplier, cardNo, null), CurrentUsers.current()), "/vehicles/" + id, redirect, messages,
        locale);
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

  /** The drivers, a register of tens, sorted in memory. */
  static final SortKeys DRIVER_SORT_KEYS = SortKeys.builder().ascending("name").ascending("licence")
      .ascending("licenceExpires").ascending("shift").descending("available").byDefault("name").inMemory();
  private static final Map<String, Comparator<Drivers.Driver>> DRIVER_ORDERS = Map.of(
      "name", SortKeys.byPinyin(Drivers.Driver::name),
      "licence", SortKeys.byValue(Drivers.Driver::licenceClass),
      "licenceExpires", SortKeys.byValue(Drivers.Driver::licenceExpires),
      "shift", SortKeys.byValue(Drivers.Driver::shiftStart).thenComparing(SortKeys.byValue(Drivers.Driver::shiftEnd)),
      "available", SortKeys.byValue(Drivers.Driver::available));
  static final ListColumns<Drivers.Driver> DRIVER_COLUMNS = ListColumns.<Drivers.Driver>sortedBy(DRIVER_SORT_KEYS)
      .sortable("name", "vehicle.ui.name", Drivers.Driver::name)
      .sortable("licence", "vehicle.ui.licence", Drivers.Driver::licenceClass)
      .sortable("licenceExpires", "vehicle.ui.licenceValidUntil", Drivers.Driver::licenceExpires)
      .sortable("shift", "vehicle.ui.shift", d -> d.shiftStart() + "–" + d.shiftEnd())
      .sortable("available", "vehicle.ui.status", d -> ListColumns.words(d.available()
          ? "vehicle.ui.available"
          : "vehicle.ui.unavailable"))
      .pageOnly("vehicle.ui.trainingAndAssessment")
      .searchedFor("vehicle.ui.driverSearch").pagedBy(50).exportedAs("vehicle.nav.drivers");

  @GetMapping("/vehicles/drivers")
  String drivers(@RequestParam Map<String, String> parameters, Model model) {
    List<Drivers.Driver> list = drivers.list(CurrentUsers.scope());
    ListQuery query = DRIVER_COLUMNS.parse(parameters);
    var page = query.pageOf(list, d -> ListQuery.searchable(d.name(), d.licenceClass()), DRIVER_ORDERS);
    Map<Long, List<Drivers.DriverRecord>> records = new LinkedHashMap<>();
    Map<Long, List<Drivers.DriverRecord>> byDriver = drivers
        .records(page.items().stream().map(Drivers.Driver::id).toList());
    page.items().forEach(d -> records.put(d.id(), byDriver.getOrDefault(d.id(), List.of())));
    DRIVER_COLUMNS.show(model, query, page);
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

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/vehicles/drivers/export.xlsx")
  void exportDrivers(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListQuery query = DRIVER_COLUMNS.parse(parameters).forExport();
    ListExport.send(response, DRIVER_COLUMNS, query.pageOf(drivers.list(CurrentUsers.scope()),
        d -> ListQuery.searchable(d.name(), d.licenceClass()), DRIVER_ORDERS).items(), messages, locale);
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
  String availability(@PathVariable long id, @RequestParam boolean available, RedirectAttributes redirect,
      Locale locale) {
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
      @RequestParam BigDecimal value,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
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

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
