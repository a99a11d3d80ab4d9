package cn.smartaffairs.telemetry;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Vehicle terminals (JT/T 808), tracks and latest positions, and the module's rule table. */
@RestController
@Tag(name = "公务用车·定位 Official vehicles: terminals and positions")
@SecurityRequirement(name = "bearer")
class TelemetryApiController {

  private final TerminalBindings bindings;
  private final VehicleTracks tracks;
  private final TelemetryRules rules;

  TelemetryApiController(TerminalBindings bindings, VehicleTracks tracks, TelemetryRules rules) {
    this.bindings = bindings;
    this.tracks = tracks;
    this.rules = rules;
  }

  @PostMapping("/api/v1/vehicle-terminals")
  @Operation(summary = "绑定车载终端 Bind a JT/T 808 terminal to a vehicle (vehicle managers of its region)", description = "Answers 201. phone: the terminal SIM's number, digits only (leading zeros ignored; at most 12 "
      + "digits for JT808_2011 and JT808_2013, 20 for JT808_2019); terminalId: letters and digits as the terminal "
      + "registers (at most 7, or 30 for 2019); protocol: JT808_2011, JT808_2013, JT808_2019. 404 for a vehicle "
      + "outside the caller's region, 409 when the phone or the vehicle is already bound. The terminal then "
      + "registers (0x0100) and authenticates (0x0102) on TCP port affairs.telemetry.port (6808).")
  ResponseEntity<TerminalBinding> bind(@RequestBody NewTerminalBinding binding) {
    TerminalBinding bound = bindings.bind(binding, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/vehicle-terminals/" + bound.id())).body(bound);
  }

  @GetMapping("/api/v1/vehicle-terminals")
  @Operation(summary = "车载终端 The terminals bound to the vehicles the caller manages, newest first")
  List<TerminalBinding> terminals() {
    return bindings.list(CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-terminals/{id}")
  @Operation(summary = "车载终端详情 A terminal binding (registeredAt: its last registration)")
  TerminalBinding terminal(@PathVariable long id) {
    return bindings.get(id, CurrentUsers.current());
  }

  @DeleteMapping("/api/v1/vehicle-terminals/{id}")
  @Operation(summary = "解绑车载终端 Unbind a terminal; its connection is closed and it must be bound again to report")
  ResponseEntity<Void> unbind(@PathVariable long id) {
    bindings.unbind(id, CurrentUsers.current());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/vehicles/{id}/track")
  @Operation(summary = "车辆轨迹 The positions of a vehicle in [from, to), in time order (each view audited)", description = "from, to: ISO date-times, Beijing local (2026-12-01T09:00) or with an offset "
      + "(2026-12-01T09:00+08:00, 2026-12-01T01:00Z); at most 31 days. Tracks are personal information of the "
      + "driver: the vehicle managers of the vehicle's region see the whole track, a driver the parts they drove; "
      + "API keys are refused. lat, lon in degrees as reported (6 decimals), speedKmh, headingDeg, mileageKm "
      + "(the terminal's odometer, null when it sends none).")
  List<TrackPoint> track(@PathVariable long id, @RequestParam String from, @RequestParam String to) {
    return tracks.track(id, Moments.parse(from), Moments.parse(to), CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-positions/latest")
  @Operation(summary = "车辆最新位置 The newest position of each vehicle the caller manages (audited)")
  List<LatestPosition> latest() {
    return tracks.latest(CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-telemetry-rules")
  @Operation(summary = "定位数据规则 Every version of the module's rule values for the caller's region and nationally", description = "POSITION_RETENTION_MONTHS: how long positions are kept; MOVING_ABOVE_KMH: above which speed a "
      + "fresh position counts as moving on the live map (at or below it, parked); OFFLINE_AFTER_MINUTES: after how "
      + "many minutes without a position a vehicle counts as offline; TRIP_STOP_MINUTES, TRIP_MIN_DISTANCE_M, "
      + "ROUTE_DEVIATION_KM, ODOMETER_MISMATCH_PERCENT, SPEED_LIMIT_KMH, NIGHT_STARTS_HOUR, NIGHT_ENDS_HOUR, "
      + "PARKING_RADIUS_M: trip derivation and the GPS audit; ALARM_NOTIFY_FLAGS: which terminal alarms are told to "
      + "the vehicle managers, the alarm DWORD of JT/T 808-2013 table 24 with their bits set (national 11534339: bits "
      + "0 emergency, 1 overspeed, 20 area, 21 route, 23 deviation). Each the region's own version in force, else the "
      + "national one.")
  List<TelemetryRules.RuleValue> rules() {
    return rules.versions(CurrentUsers.current().regionId());
  }

  record NewRuleVersion(TelemetryRules.Key key, Integer value, LocalDate effectiveFrom, boolean national,
      String source) {}

  @PostMapping("/api/v1/vehicle-telemetry-rules")
  @Operation(summary = "新增定位数据规则版本 A new version from a date: the region's own (vehicle managers), or national (platform admin)", description = "value, whole numbers: POSITION_RETENTION_MONTHS 1–120, MOVING_ABOVE_KMH 1–120, "
      + "OFFLINE_AFTER_MINUTES 1–120, TRIP_STOP_MINUTES 1–240, TRIP_MIN_DISTANCE_M 0–50000, ROUTE_DEVIATION_KM 1–500, "
      + "ODOMETER_MISMATCH_PERCENT 1–100, SPEED_LIMIT_KMH 20–250, NIGHT_STARTS_HOUR and NIGHT_ENDS_HOUR 0–23, "
      + "PARKING_RADIUS_M 20–10000; ALARM_NOTIFY_FLAGS any 32-bit integer, the sum of 2^bit over the alarm bits to "
      + "tell (bit 31 as the sign: -2147483648), 0 for none.")
  ResponseEntity<Map<String, Long>> addRule(@RequestBody NewRuleVersion version) {
    CurrentUser by = CurrentUsers.current();
    long id = rules.addVersion(version.key(), version.value(), version.effectiveFrom(), version.national(),
        version.source(), by);
    return ResponseEntity.status(201).body(Map.of("id", id));
  }
}
