package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reports of 公务用车: costs, the trip register and the compliance flags, with their spreadsheets. */
@PageController
class VehicleReportPageController {

  private final Fleet fleet;
  private final VehicleCosts costs;
  private final VehicleCompliance compliance;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;
  private final Clock clock;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final TripRegisterList register;

  VehicleReportPageController(Fleet fleet, VehicleCosts costs, VehicleCompliance compliance,
      OrganisationDirectory organisation, MessageSource messages, Clock clock,
      com.fasterxml.jackson.databind.ObjectMapper json, TripRegisterList register) {
    this.register = register;
    this.fleet = fleet;
    this.costs = costs;
    this.compliance = compliance;
    this.organisation = organisation;
    this.messages = messages;
    this.clock = clock;
    this.json = json;
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
      bars.put("markLine", Map.of("symbol", "none", "data",
          List.of(Map.of("name", label("vehicle.ui.fleetAverage", locale), "yAxis", average / 100))));
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
    List<String> headers = new ArrayList<>(List.of("对象", "车辆数", "里程(公里)", "定位里程(公里)"));
    Arrays.stream(VehicleCosts.CostKind.values()).forEach(k -> headers.add(label("vehicle.cost." + k, locale) + "(元)"));
    headers.addAll(List.of("合计(元)", "每公里成本(元)", "百公里油耗(升)", "百公里电耗(度)", "与车队平均比(%)"));
    XlsxDownload.send(response, "单车核算-" + from + "-" + to + ".xlsx", new Xlsx.Sheet("单车核算", headers,
        Stream.concat(report.rows().stream(), Stream.of(report.fleet())).map(row -> {
          List<Object> cells = new ArrayList<>(List.of(row.label(), row.vehicles(), row.km()));
          cells.add(row.gpsKm());
          Arrays.stream(VehicleCosts.CostKind.values())
              .forEach(k -> cells.add(Money.ofFen(row.costsFen().get(k)).yuan()));
          cells.add(Money.ofFen(row.totalFen()).yuan());
          cells.add(row.costPerKmFen() == null ? null : BigDecimal.valueOf(row.costPerKmFen()).movePointLeft(2));
          cells.add(row.litresPer100Km());
          cells.add(row.kwhPer100Km());
          cells.add(row.versusFleetPercent());
          return cells;
        })));
  }

  /** 出车登记公示's columns, for its page and its export. */
  static final ListColumns<VehicleCosts.RegisterLine> REGISTER_COLUMNS = ListColumns.<VehicleCosts.RegisterLine>sortedBy(
      TripRegisterList.SORT_KEYS)
      .sortable("day", "vehicle.ui.date", VehicleCosts.RegisterLine::day)
      .sortable("unit", "vehicle.ui.unit", VehicleCosts.RegisterLine::unitName)
      .sortable("plate", "vehicle.ui.vehicle", VehicleCosts.RegisterLine::plate)
      .sortable("purpose", "vehicle.ui.purpose", VehicleCosts.RegisterLine::purpose)
      .column("vehicle.ui.route", VehicleCosts.RegisterLine::route).css("d-none d-lg-table-cell")
      .pageOnly("vehicle.ui.time")
      .exportOnly("vehicle.ui.out", VehicleCosts.RegisterLine::startedAt)
      .exportOnly("vehicle.ui.back", VehicleCosts.RegisterLine::endedAt)
      .sortable("km", "vehicle.ui.mileage", VehicleCosts.RegisterLine::km).css("text-end")
      .pageOnly("vehicle.ui.fuelEnergy")
      .exportOnly("vehicle.ui.fuelLitres", VehicleCosts.RegisterLine::fuelLitres)
      .exportOnly("vehicle.ui.chargingKwh", VehicleCosts.RegisterLine::chargingKwh)
      .sortable("cost", "vehicle.ui.costYuan", l -> Money.ofFen(l.costFen())).css("text-end")
      .sortable("driver", "vehicle.ui.driver", VehicleCosts.RegisterLine::driverName)
      .exportOnly("vehicle.ui.confirmedByRequester", VehicleCosts.RegisterLine::confirmed)
      .searchedFor("vehicle.ui.registerSearch").pagedBy(50).exportedAs("vehicle.ui.tripRegister");

  @GetMapping("/vehicles/trip-register")
  String tripRegister(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long unitId, @RequestParam Map<String, String> parameters, Model model) {
    LocalDate start = from == null ? today().withDayOfMonth(1) : from;
    LocalDate end = to == null ? today() : to;
    ListQuery query = REGISTER_COLUMNS.parse(parameters);
    REGISTER_COLUMNS.show(model, query, register.search(query, start, end, unitId, CurrentUsers.scope()));
    model.addAttribute("units", organisation.unitChoices(CurrentUsers.scope()));
    model.addAttribute("unitId", unitId);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    return "vehicle/trip-register";
  }

  /** The register's search in its order over the same period, every page up to the export's limit. */
  @GetMapping({"/vehicles/trip-register/export.xlsx", "/vehicles/trip-register.xlsx"})
  void tripRegisterExport(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long unitId, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListQuery query = REGISTER_COLUMNS.parse(parameters).forExport();
    ListExport.send(response, REGISTER_COLUMNS, register.search(query, from == null ? today().withDayOfMonth(1) : from,
        to == null ? today() : to, unitId, CurrentUsers.scope()).items(), messages, locale);
  }

  /** 合规预警, computed for the whole fleet and sorted in memory: newest first by default, then by plate. */
  static final SortKeys FLAG_SORT_KEYS = SortKeys.builder().descending("day").ascending("plate").ascending("kind")
      .ascending("handling").byDefault("day").inMemory();
  private static final Map<String, Comparator<VehicleCompliance.ListedFlag>> FLAG_ORDERS = Map.of(
      "day", Comparator.<VehicleCompliance.ListedFlag, LocalDate>comparing(f -> f.flag().day())
          .thenComparing(Comparator.<VehicleCompliance.ListedFlag, String>comparing(f -> f.flag().plate()).reversed()),
      "plate", Comparator.<VehicleCompliance.ListedFlag, String>comparing(f -> f.flag().plate())
          .thenComparing(Comparator.<VehicleCompliance.ListedFlag, LocalDate>comparing(f -> f.flag().day()).reversed()),
      "kind", Comparator.comparing(f -> f.flag().kind()),
      "handling", Comparator.comparing(VehicleCompliance.ListedFlag::handled));
  static final ListColumns<VehicleCompliance.ListedFlag> FLAG_COLUMNS = ListColumns.<VehicleCompliance.ListedFlag>sortedBy(
      FLAG_SORT_KEYS)
      .sortable("day", "vehicle.ui.date", f -> f.flag().day())
      .sortable("plate", "vehicle.ui.vehicle", f -> f.flag().plate())
      .sortable("kind", "vehicle.ui.flag", f -> ListColumns.words("vehicle.flag." + f.flag().kind()))
      .column("vehicle.ui.detail", f -> new DefaultMessageSourceResolvable(new String[] {f.flag().detailKey()},
          f.flag().detailArgs().toArray(), f.flag().detail()))
      .sortable("handling", "vehicle.ui.flagHandlingColumn", f -> ListColumns.words("vehicle.ui.flagHandling."
          + (f.handled() ? "HANDLED" : "OPEN")))
      .exportOnly("vehicle.ui.flagHandledByColumn", f -> f.handled() ? f.handling().handledBy() : null)
      .exportOnly("vehicle.ui.flagHandledAt", f -> f.handled() ? f.handling().handledAt() : null)
      .exportOnly("vehicle.ui.flagNote", f -> f.handled() ? f.handling().note() : null)
      .searchedFor("vehicle.ui.flagSearch").pagedBy(50).exportedAs("vehicle.nav.compliance");

  private Page<VehicleCompliance.ListedFlag> flagPage(ListQuery query, VehicleCompliance.Kind kind, Long vehicleId,
      VehicleCompliance.HandlingFilter handling) {
    return query.pageOf(compliance.listed(CurrentUsers.scope(), kind, vehicleId, handling),
        f -> ListQuery.searchable(f.flag().plate(), f.flag().detail()), FLAG_ORDERS);
  }

  @GetMapping("/vehicles/compliance")
  String compliance(@RequestParam(required = false) VehicleCompliance.Kind kind,
      @RequestParam(required = false) Long vehicleId,
      @RequestParam(defaultValue = "ALL") VehicleCompliance.HandlingFilter handling,
      @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = FLAG_COLUMNS.parse(parameters);
    FLAG_COLUMNS.show(model, query, flagPage(query, kind, vehicleId, handling));
    model.addAttribute("kinds", VehicleCompliance.Kind.values());
    model.addAttribute("handlings", VehicleCompliance.HandlingFilter.values());
    model.addAttribute("vehicles", fleet.list(user.dataScope(), null).stream()
        .filter(v -> v.status() != VehicleStatus.DISPOSED).toList());
    model.addAttribute("kind", kind);
    model.addAttribute("vehicleId", vehicleId);
    model.addAttribute("handling", handling);
    model.addAttribute("canHandle", user.hasAny(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER));
    // each row's form is empty; only the row of a refused one shows what was typed there
    PageForms.addIfAbsent(model, "flagHandlingForm", FlagHandlingForm::new);
    model.addAttribute("newFlagHandlingForm", new FlagHandlingForm());
    return "vehicle/compliance";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping({"/vehicles/compliance/export.xlsx", "/vehicles/compliance.xlsx"})
  void complianceExport(@RequestParam(required = false) VehicleCompliance.Kind kind,
      @RequestParam(required = false) Long vehicleId,
      @RequestParam(defaultValue = "ALL") VehicleCompliance.HandlingFilter handling,
      @RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, FLAG_COLUMNS, flagPage(FLAG_COLUMNS.parse(parameters).forExport(), kind, vehicleId,
        handling).items(), messages, locale);
  }

  /** Back to the same filtered page, the flag's row showing a refused note beside it. */
  @PostMapping("/vehicles/compliance/handled")
  String markHandled(@Valid @ModelAttribute("flagHandlingForm") FlagHandlingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> compliance.markHandled(form.getVehicleId(), form.getKind(),
        form.getDay(), form.getTripId(), form.getNote(), CurrentUsers.current()),
        () -> messages.getMessage(
            "vehicle.ui.flagsMarked", new Object[] {fleet.get(form.getVehicleId()).plate(),
                label("vehicle.flag." + form.getKind(), locale)},
            locale),
        form.target(), redirect, messages,
        locale);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** A category row is named by the category's message; vehicles and units by their own names (data). */
  private String rowLabel(VehicleCosts.Report report, VehicleCosts.ReportRow row, Locale locale) {
    return report.groupBy() == VehicleCosts.GroupBy.CATEGORY
        ? label("vehicle.category." + row.key(), locale)
        : row.label();
  }

  private String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
