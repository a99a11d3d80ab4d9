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
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fleet pages of 公务用车: the vehicles, the register form, and one vehicle with its status, seals, disposal and
 * costs. Quotas, drivers, rules and places are {@link FleetSetupPageController}'s.
 */
@PageController
class FleetPageController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final Trips trips;
  private final VehicleCosts costs;
  private final VehicleCompliance compliance;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;
  private final Clock clock;
  private final FleetList fleetList;
  private final VehicleCostList costList;

  FleetPageController(Fleet fleet, Drivers drivers, Trips trips, VehicleCosts costs, VehicleCompliance compliance,
      OrganisationDirectory organisation, MessageSource messages, Clock clock, FleetList fleetList,
      VehicleCostList costList) {
    this.fleet = fleet;
    this.fleetList = fleetList;
    this.costList = costList;
    this.drivers = drivers;
    this.trips = trips;
    this.costs = costs;
    this.compliance = compliance;
    this.organisation = organisation;
    this.messages = messages;
    this.clock = clock;
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
    PageForms.addIfAbsent(model, "vehicleForm", VehicleForm::new);
    return registerPage(model);
  }

  private String registerPage(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("units", organisation.unitChoices(user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN,
        Role.VEHICLE_MANAGER)));
    model.addAttribute("categories", VehicleCategory.values());
    model.addAttribute("places", drivers.places(user.regionId()));
    return "vehicle/register";
  }

  /** The registration's refusals that concern one field; the others (quota, missing facts) stand above the form. */
  private static final Map<String, String> REGISTER_RULE_FIELDS = Map.of("vehicle.plateInvalid", "plate",
      "vehicle.plateTaken", "plate", "vehicle.unitRequired", "unitId", "vehicle.displacementRequired",
      "displacementLitres", "vehicle.notDomestic", "domestic", "vehicle.overPriceCap", "priceYuan",
      "vehicle.overDisplacementCap", "displacementLitres");

  /**
   * Refused fields show the form again with their messages; a broken rule goes back to the form, as it always did, with
   * what was typed and the rule's message beside its field or above the form.
   */
  @PostMapping("/vehicles")
  String register(@Valid @ModelAttribute("vehicleForm") VehicleForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return registerPage(model);
    }
    try {
      Drivers.Place parking = drivers.place(form.getParkingPlaceId());
      Vehicle vehicle = fleet.register(form.toNewVehicle(parking), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("vehicle.done.registered",
          new Object[] {vehicle.plate()}, locale));
      return "redirect:/vehicles/" + vehicle.id();
    } catch (BusinessRuleException e) {
      PageForms.reject(binding, e, REGISTER_RULE_FIELDS, messages, locale);
      return PageOutcome.redirectWithErrors(binding, "/vehicles/new", redirect);
    }
  }

  /** A vehicle's costs (费用): the list on its page and its export. */
  static final ListColumns<VehicleCosts.Cost> COST_COLUMNS = ListColumns.<VehicleCosts.Cost>sortedBy(
      VehicleCostList.SORT_KEYS)
      .sortable("incurredOn", "vehicle.ui.date", VehicleCosts.Cost::incurredOn)
      .sortable("kind", "vehicle.ui.category", c -> ListColumns.words("vehicle.cost." + c.kind()))
      .sortable("amount", "vehicle.ui.amountYuan", c -> Money.ofFen(c.amountFen())).css("text-end")
      .sortable("quantity", "vehicle.ui.quantity", VehicleCosts.Cost::quantity).css("text-end")
      .sortable("supplier", "vehicle.ui.designatedSupplier", VehicleCosts.Cost::supplier)
      .exportOnly("vehicle.ui.cardNo", VehicleCosts.Cost::cardNo)
      .column("vehicle.ui.note", VehicleCosts.Cost::note).css("d-none d-md-table-cell")
      .searchedFor("vehicle.ui.costSearch").exportedAs("vehicle.ui.costRecords");

  @GetMapping("/vehicles/{id}")
  String vehicle(@PathVariable long id, @RequestParam Map<String, String> parameters, Model model) {
    Vehicle vehicle = fleet.get(id, CurrentUsers.scope());
    model.addAttribute("vehicle", vehicle);
    model.addAttribute("flags", compliance.flagsOf(id));
    model.addAttribute("replacement", fleet.replacementReasons(vehicle));
    ListQuery query = COST_COLUMNS.parse(parameters);
    COST_COLUMNS.show(model, query, costList.search(id, query));
    model.addAttribute("trips", trips.ofVehicle(id, 30));
    model.addAttribute("statuses", List.of(VehicleStatus.IN_SERVICE, VehicleStatus.REPAIR, VehicleStatus.SEALED,
        VehicleStatus.PENDING_DISPOSAL));
    model.addAttribute("costKinds", VehicleCosts.CostKind.values());
    model.addAttribute("disposalMethods", DisposalForm.METHODS);
    PageForms.addIfAbsent(model, "sealForm", SealForm::new);
    PageForms.addIfAbsent(model, "disposalForm", DisposalForm::new);
    PageForms.addIfAbsent(model, "costForm", () -> {
      var form = new CostForm();
      form.setIncurredOn(today());
      return form;
    });
    return "vehicle/detail";
  }

  /** The vehicle's costs in the list's search and order, every page up to the export's limit. */
  @GetMapping("/vehicles/{id}/export.xlsx")
  void exportCosts(@PathVariable long id, @RequestParam Map<String, String> parameters, HttpServletResponse response,
      Locale locale) {
    fleet.get(id, CurrentUsers.scope());
    ListExport.send(response, COST_COLUMNS, costList.search(id, COST_COLUMNS.parse(parameters).forExport()).items(),
        messages, locale);
  }

  @PostMapping("/vehicles/{id}/status")
  String status(@PathVariable long id, @RequestParam VehicleStatus status, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> fleet.changeStatus(id, status, CurrentUsers.current()), "/vehicles/" + id,
        redirect, messages, locale);
  }

  @PostMapping("/vehicles/{id}/seals")
  String seal(@PathVariable long id, @Valid @ModelAttribute("sealForm") SealForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> fleet.seal(id, form.getFrom(), form.getTo(),
        CurrentUsers.current()),
        () -> messages.getMessage("vehicle.done.sealed", new Object[] {fleet.get(id).plate(),
            form.getFrom().toString(), form.getTo().toString()}, locale),
        "/vehicles/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/vehicles/{id}/disposal")
  String dispose(@PathVariable long id, @Valid @ModelAttribute("disposalForm") DisposalForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> fleet.dispose(id, form.getDisposedOn(), form.getMethod(),
        form.getReason(), form.proceedsFen(), CurrentUsers.current()),
        () -> messages.getMessage(
            "vehicle.done.disposed", new Object[] {fleet.get(id).plate()}, locale),
        "/vehicles/" + id, redirect,
        messages, locale);
  }

  @PostMapping("/vehicles/{id}/costs")
  String cost(@PathVariable long id, @Valid @ModelAttribute("costForm") CostForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> costs.record(form.toNewCost(id), CurrentUsers.current()),
        () -> messages.getMessage("vehicle.done.cost", new Object[] {fleet.get(id).plate(),
            label("vehicle.cost." + form.getKind(), locale), Money.ofFormYuanRounded(form.getAmountYuan()).plain()},
            locale),
        "/vehicles/" + id, redirect, messages, locale);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
