package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.telemetry.audit.GpsFlags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GPS 核查: what the audit of trips derived from positions found, for the vehicle managers (ADR 0013). */
@RestController
@Tag(name = "公务用车·定位 Official vehicles: terminals and positions")
@SecurityRequirement(name = "bearer")
class GpsAuditApiController {

  /** The longest period one request may ask for. */
  static final Duration LONGEST = Duration.ofDays(366);

  private final GpsFlags flags;

  GpsAuditApiController(GpsFlags flags) {
    this.flags = flags;
  }

  @GetMapping("/api/v1/vehicle-gps-flags")
  @Operation(summary = "GPS 核查预警 What the GPS audit flagged in [from, to) on the vehicles the caller manages (audited)", description = "from, to: ISO dates or date-times, Beijing local (2026-10-01, 2026-10-01T09:00) or with an "
      + "offset; at most 366 days. For the vehicle managers and administrators of the vehicles' region. kind: "
      + "NO_SHEET (moved with no dispatch sheet; measured km), OUTSIDE_WINDOW (outside the sheet's approved window; "
      + "measured minutes, allowed the tolerance), ROUTE_DEVIATION (measured km from the sheet's route, allowed km), "
      + "ODOMETER_MISMATCH (measured GPS km, basis the odometer km the driver recorded, allowed percent), NIGHT_AWAY "
      + "(measured metres from the designated parking place at the middle of the night, allowed metres), "
      + "SEALED_HOLIDAY_MOVE (a sealed car moved on a rest day; measured km), SPEEDING (measured km/h, allowed km/h; "
      + "also the terminal's overspeed alarm). at, lat, lon: the evidence; trackLink: the trip's track.")
  List<GpsFlags.GpsFlag> flags(@RequestParam String from, @RequestParam String to) {
    Instant start = Moments.parse(from);
    Instant end = Moments.parse(to);
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw new BusinessRuleException("telemetry.flagRangeInvalid", LONGEST.toDays());
    }
    CurrentUser viewer = CurrentUsers.current();
    return flags.list(TerminalBindings.managedBy(viewer), start, end, viewer.regionId());
  }
}
