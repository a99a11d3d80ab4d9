package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

  VehicleReportPageController(Fleet fleet, VehicleCosts costs, VehicleCompliance compliance,
      OrganisationDirectory organisation, MessageSource messages, Clock clock,
      com.fasterxml.jackson.databind.ObjectMapper json) {
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
        costs.register(from, to, unitId, CurrentUsers.scope()).stream()
            .map(l -> java.util.Arrays.<Object>asList(l.day(),
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
        ? back
        : "/vehicles/compliance";
    try {
      compliance.markHandled(vehicleId, kind, day, tripId, note, CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("vehicle.ui.flagsMarked",
          new Object[] {fleet.get(vehicleId).plate(), label("vehicle.flag." + kind, locale)}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:" + target;
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
