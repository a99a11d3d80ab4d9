package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the fleet runs on (公务用车): the units' quotas, the drivers with their records, the rules and the places. */
@PageController
class FleetSetupPageController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRules rules;
  private final OrganisationDirectory organisation;
  private final Accounts accounts;
  private final MessageSource messages;
  private final Clock clock;

  FleetSetupPageController(Fleet fleet, Drivers drivers, VehicleRules rules, OrganisationDirectory organisation,
      Accounts accounts, MessageSource messages, Clock clock) {
    this.fleet = fleet;
    this.drivers = drivers;
    this.rules = rules;
    this.organisation = organisation;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- quotas -------------------------------------------------------------------------------------------------

  /** The quotas, tens of units by category, sorted in memory; by default in the units' own order. */
  static final SortKeys QUOTA_SORT_KEYS = SortKeys.builder().ascending("unit").ascending("category")
      .descending("quota").descending("held").byDefault("unit").inMemory();
  static final ListColumns<Fleet.Quota> QUOTA_COLUMNS = ListColumns.<Fleet.Quota>sortedBy(QUOTA_SORT_KEYS)
      .sortable("unit", "vehicle.ui.unit", Fleet.Quota::unitName)
      .sortable("category", "vehicle.ui.category", q -> ListColumns.words("vehicle.category." + q.category()))
      .sortable("quota", "vehicle.ui.quota", Fleet.Quota::quota).css("text-end")
      .sortable("held", "vehicle.ui.vehiclesHeld", Fleet.Quota::held).css("text-end")
      .searchedFor("vehicle.ui.quotaSearch").pagedBy(50).exportedAs("vehicle.nav.quotas");

  private Page<Fleet.Quota> quotaPage(ListQuery query) {
    List<Fleet.Quota> rows = fleet.quotas(CurrentUsers.current().dataScope());
    // the units' own order is the order the register loads them in
    Map<Fleet.Quota, Integer> position = new HashMap<>();
    rows.forEach(q -> position.putIfAbsent(q, position.size()));
    Map<String, Comparator<Fleet.Quota>> orders = Map.of(
        "unit", Comparator.comparing(position::get),
        "category", SortKeys.byValue(Fleet.Quota::category),
        "quota", Comparator.comparingInt(Fleet.Quota::quota),
        "held", Comparator.comparingLong(Fleet.Quota::held));
    return query.pageOf(rows, q -> ListQuery.searchable(q.unitName()), orders);
  }

  @GetMapping("/vehicles/quotas")
  String quotas(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = QUOTA_COLUMNS.parse(parameters);
    QUOTA_COLUMNS.show(model, query, quotaPage(query));
    model.addAttribute("units", organisation.unitChoices(user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN,
        Role.VEHICLE_MANAGER)));
    model.addAttribute("categories", VehicleCategory.values());
    PageForms.addIfAbsent(model, "quotaForm", QuotaForm::new);
    return "vehicle/quotas";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/vehicles/quotas/export.xlsx")
  void exportQuotas(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, QUOTA_COLUMNS, quotaPage(QUOTA_COLUMNS.parse(parameters).forExport()).items(), messages,
        locale);
  }

  @PostMapping("/vehicles/quotas")
  String setQuota(@Valid @ModelAttribute("quotaForm") QuotaForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    // a unit of a region the caller does not manage is a 404 page, as an unknown unit, not a message on the form
    if (form.getUnitId() != null) {
      fleet.managedUnitRegion(form.getUnitId(), user);
    }
    return PageOutcome.redirectAfter(binding, () -> fleet.setQuota(form.getUnitId(), form.getCategory(),
        form.getQuota(), user),
        () -> messages.getMessage("vehicle.done.quota", new Object[] {
            organisation.unitById(form.getUnitId()).map(u -> u.name()).orElse(""),
            label("vehicle.category." + form.getCategory(), locale), form.getQuota()}, locale),
        "/vehicles/quotas", redirect, messages, locale);
  }

  // ---- drivers ------------------------------------------------------------------------------------------------

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
    var registered = list.stream().map(Drivers.Driver::userId).filter(Objects::nonNull).toList();
    List<Accounts.AccountName> unregistered = accounts.holding(user.regionId(), Role.DRIVER).stream()
        .filter(a -> !registered.contains(a.userId())).toList();
    Map<Long, Long> staffOf = accounts.staffIdsById(unregistered.stream().map(Accounts.AccountName::userId).toList());
    model.addAttribute("candidates", unregistered.stream().filter(a -> staffOf.containsKey(a.userId()))
        .map(a -> Map.entry(staffOf.get(a.userId()), a.displayName() + "（" + a.username() + "）")).toList());
    model.addAttribute("licenceClasses", DriverForm.LICENCE_CLASSES);
    model.addAttribute("recordKinds", DriverRecordForm.KINDS);
    model.addAttribute("today", today());
    PageForms.addIfAbsent(model, "driverForm", DriverForm::new);
    PageForms.addIfAbsent(model, "driverRecordForm", this::newRecord);
    // the rows' empty record forms: only the row of a refused record shows what was typed there
    model.addAttribute("newRecordForm", newRecord());
    return "vehicle/drivers";
  }

  private DriverRecordForm newRecord() {
    var form = new DriverRecordForm();
    form.setHeldOn(today());
    return form;
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/vehicles/drivers/export.xlsx")
  void exportDrivers(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListQuery query = DRIVER_COLUMNS.parse(parameters).forExport();
    ListExport.send(response, DRIVER_COLUMNS, query.pageOf(drivers.list(CurrentUsers.scope()),
        d -> ListQuery.searchable(d.name(), d.licenceClass()), DRIVER_ORDERS).items(), messages, locale);
  }

  @PostMapping("/vehicles/drivers")
  String addDriver(@Valid @ModelAttribute("driverForm") DriverForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    AtomicLong registered = new AtomicLong();
    return PageOutcome.redirectAfter(binding, () -> registered.set(drivers.register(form.getStaffId(),
        form.getLicenceClass(), form.getLicenceExpires(), form.getShiftStart(), form.getShiftEnd(),
        CurrentUsers.current())), () -> messages.getMessage("vehicle.done.driver",
            new Object[] {drivers.get(registered.get()).name()}, locale),
        "/vehicles/drivers", redirect, messages,
        locale);
  }

  @PostMapping("/vehicles/drivers/{id}/availability")
  String availability(@PathVariable long id, @RequestParam boolean available, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> drivers.setAvailable(id, available, CurrentUsers.current()),
        "/vehicles/drivers", redirect, messages, locale);
  }

  @PostMapping("/vehicles/drivers/{id}/records")
  String driverRecord(@PathVariable long id, @Valid @ModelAttribute("driverRecordForm") DriverRecordForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.setDriverId(id);
    return PageOutcome.redirectAfter(binding, () -> drivers.addRecord(id, form.getKind(), form.getHeldOn(),
        form.getTopic(), form.getResult(), CurrentUsers.current()),
        () -> messages.getMessage(
            "vehicle.done.driverRecord", new Object[] {drivers.get(id).name(),
                label("vehicle.driverRecord." + form.getKind(), locale), form.getTopic().strip()},
            locale),
        "/vehicles/drivers#driver-" + id, redirect, messages, locale);
  }

  // ---- rules and places ---------------------------------------------------------------------------------------

  @GetMapping("/vehicles/rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("rules", rules.versions(user.regionId()));
    model.addAttribute("keys", VehicleRules.Key.values());
    model.addAttribute("categories", VehicleCategory.values());
    PageForms.addIfAbsent(model, "ruleForm", () -> {
      var form = new RuleForm();
      form.setEffectiveFrom(today());
      return form;
    });
    return "vehicle/rules";
  }

  @PostMapping("/vehicles/rules")
  String addRule(@Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addVersion(form.getKey(), form.getCategory(),
        form.getValue(), form.getEffectiveFrom(), form.isNational(), form.getSource(), CurrentUsers.current()),
        () -> messages.getMessage("vehicle.done.rule", new Object[] {label("vehicle.rule." + form.getKey(), locale),
            form.getEffectiveFrom().toString()}, locale),
        "/vehicles/rules", redirect, messages, locale);
  }

  /** The places, tens per region, sorted in memory. */
  static final SortKeys PLACE_SORT_KEYS = SortKeys.builder().ascending("name").ascending("latitude")
      .ascending("longitude").byDefault("name").inMemory();
  private static final Map<String, Comparator<Drivers.Place>> PLACE_ORDERS = Map.of(
      "name", SortKeys.byPinyin(Drivers.Place::name),
      "latitude", Comparator.comparingDouble(Drivers.Place::latitude),
      "longitude", Comparator.comparingDouble(Drivers.Place::longitude));
  static final ListColumns<Drivers.Place> PLACE_COLUMNS = ListColumns.<Drivers.Place>sortedBy(PLACE_SORT_KEYS)
      .sortable("name", "vehicle.ui.name2", Drivers.Place::name)
      .sortable("latitude", "vehicle.ui.latitude", Drivers.Place::latitude)
      .sortable("longitude", "vehicle.ui.longitude", Drivers.Place::longitude)
      .searchedFor("vehicle.ui.placeSearch").pagedBy(50).exportedAs("vehicle.nav.places");

  private Page<Drivers.Place> placePage(ListQuery query) {
    return query.pageOf(drivers.places(CurrentUsers.current().regionId()), p -> ListQuery.searchable(p.name()),
        PLACE_ORDERS);
  }

  @GetMapping("/vehicles/places")
  String places(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = PLACE_COLUMNS.parse(parameters);
    PLACE_COLUMNS.show(model, query, placePage(query));
    PageForms.addIfAbsent(model, "placeForm", PlaceForm::new);
    return "vehicle/places";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/vehicles/places/export.xlsx")
  void exportPlaces(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, PLACE_COLUMNS, placePage(PLACE_COLUMNS.parse(parameters).forExport()).items(), messages,
        locale);
  }

  @PostMapping("/vehicles/places")
  String addPlace(@Valid @ModelAttribute("placeForm") PlaceForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> drivers.addPlace(form.getName(),
        form.getLatitude().doubleValue(), form.getLongitude().doubleValue(), CurrentUsers.current()),
        () -> messages.getMessage("vehicle.done.place", new Object[] {form.getName().strip()}, locale),
        "/vehicles/places", redirect, messages, locale);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
