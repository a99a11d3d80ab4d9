package cn.smartaffairs.telemetry;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.alarm.AlarmList;
import cn.smartaffairs.telemetry.alarm.AlarmList.VehicleAlarm;
import cn.smartaffairs.telemetry.jt808.AlarmFlag;
import cn.smartaffairs.vehicle.Fleet;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 车辆报警: the alarms the terminals raised on the vehicles the caller manages, by day, vehicle and kind, each with a
 * link to the vehicle's track around the moment; and the same list as .xlsx. Every look is audited (AlarmList).
 */
@PageController
class VehicleAlarmPageController {

  /** The longest period one look may ask for. */
  static final int MOST_DAYS = 366;
  /** The period shown when none is asked for: the last days up to today. */
  static final int DEFAULT_DAYS = 7;
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static final ListColumns<VehicleAlarm> COLUMNS = ListColumns.<VehicleAlarm>sortedBy(AlarmList.SORT_KEYS)
      .sortable("time", "telemetry.alarm.at", a -> SECOND.format(a.at()))
      .column("telemetry.alarm.vehicle", VehicleAlarm::plate)
      .sortable("kind", "telemetry.alarm.kind", a -> ListColumns.words("telemetry.alarm.kind." + a.kind().name()))
      .column("telemetry.alarm.place", a -> a.lat().toPlainString() + ", " + a.lon().toPlainString())
      .column("telemetry.alarm.speed", VehicleAlarm::speedKmh)
      .column("telemetry.alarm.notified", VehicleAlarm::notified)
      .pageOnly("telemetry.alarm.track")
      .exportedAs("telemetry.nav.alarms");

  private final AlarmList alarms;
  private final Fleet fleet;
  private final MessageSource messages;
  private final Clock clock;

  VehicleAlarmPageController(AlarmList alarms, Fleet fleet, MessageSource messages, Clock clock) {
    this.alarms = alarms;
    this.fleet = fleet;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/vehicles/alarms")
  String list(@RequestParam(required = false) Long vehicleId, @RequestParam(required = false) AlarmFlag kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam Map<String, String> parameters, Model model, Locale locale) {
    CurrentUser viewer = CurrentUsers.current();
    DataScope managed = TerminalBindings.managedBy(viewer);
    LocalDate today = LocalDate.now(clock.withZone(Moments.BEIJING));
    LocalDate last = to == null ? today : to;
    LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, page(managed, viewer, first, last, vehicleId, kind, query));
    model.addAttribute("vehicles", fleet.list(managed, null));
    model.addAttribute("kinds", AlarmFlag.values());
    model.addAttribute("vehicleId", vehicleId);
    model.addAttribute("kind", kind);
    model.addAttribute("from", first);
    model.addAttribute("to", last);
    var notified = alarms.notified(viewer.regionId(), today);
    model.addAttribute("notified", notified.isEmpty()
        ? null
        : notified.stream().map(k -> messages.getMessage("telemetry.alarm.kind." + k.name(), null, locale))
            .collect(java.util.stream.Collectors.joining(messages.getMessage("telemetry.alarm.separator", null,
                locale))));
    return "telemetry/alarms";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping({"/vehicles/alarms/export.xlsx", "/vehicles/alarms.xlsx"})
  void export(@RequestParam(required = false) Long vehicleId, @RequestParam(required = false) AlarmFlag kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser viewer = CurrentUsers.current();
    DataScope managed = TerminalBindings.managedBy(viewer);
    LocalDate last = to == null ? LocalDate.now(clock.withZone(Moments.BEIJING)) : to;
    LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
    ListExport.send(response, COLUMNS, page(managed, viewer, first, last, vehicleId, kind,
        COLUMNS.parse(parameters).forExport()).items(), messages, locale);
  }

  private Page<VehicleAlarm> page(DataScope managed, CurrentUser viewer, LocalDate first, LocalDate last,
      Long vehicleId, AlarmFlag kind, ListQuery query) {
    if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MOST_DAYS) {
      throw new BusinessRuleException("telemetry.alarmRangeInvalid", MOST_DAYS);
    }
    AlarmList.Filter filter = new AlarmList.Filter(first.atStartOfDay(Moments.BEIJING).toInstant(),
        last.plusDays(1).atStartOfDay(Moments.BEIJING).toInstant(), vehicleId, kind);
    return alarms.search(managed, filter, query, viewer.regionId());
  }
}
