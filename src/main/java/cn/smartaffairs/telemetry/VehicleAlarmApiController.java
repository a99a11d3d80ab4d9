package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.telemetry.alarm.AlarmList;
import cn.smartaffairs.telemetry.jt808.AlarmFlag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 车辆报警: the alarms the terminals raised, for the vehicle managers of the vehicles' regions. */
@RestController
@Tag(name = "公务用车·定位 Official vehicles: terminals and positions")
@SecurityRequirement(name = "bearer")
class VehicleAlarmApiController {

  private final AlarmList alarms;
  private final Clock clock;

  VehicleAlarmApiController(AlarmList alarms, Clock clock) {
    this.alarms = alarms;
    this.clock = clock;
  }

  @GetMapping("/api/v1/vehicle-alarms")
  @Operation(summary = "车辆报警 The alarms the terminals raised in [from, to) on the vehicles the caller manages, newest first (audited)", description = "An alarm is one bit of a position's alarm DWORD (JT/T 808-2013 table 24) "
      + "going from 0 to 1; while the terminal keeps the bit set it is the same alarm. from, to: ISO dates or "
      + "date-times, Beijing local (2026-10-01, 2026-10-01T09:00) or with an offset; by default the last 7 days up to "
      + "now; at most 366 days. vehicleId, kind: only this vehicle, only this kind (EMERGENCY, OVERSPEED, FATIGUE, "
      + "DANGER_WARNING, GNSS_FAULT, GNSS_ANTENNA_CUT, GNSS_ANTENNA_SHORT, POWER_LOW, POWER_OFF, DISPLAY_FAULT, "
      + "TTS_FAULT, CAMERA_FAULT, IC_CARD_FAULT, OVERSPEED_WARNING, FATIGUE_WARNING, ILLEGAL_DRIVING, "
      + "TYRE_PRESSURE_WARNING, RIGHT_TURN_BLIND_SPOT, DAY_DRIVING_TOO_LONG, PARKED_TOO_LONG, AREA, ROUTE, ROUTE_TIME, "
      + "DEVIATION, VSS_FAULT, FUEL_ABNORMAL, THEFT, ILLEGAL_IGNITION, ILLEGAL_MOVE, COLLISION, ROLLOVER, "
      + "ILLEGAL_DOOR_OPEN: bits 0 to 31). at, lat, lon, speedKmh: the position that raised it; notified: whether "
      + "the region's rule ALARM_NOTIFY_FLAGS told its vehicle managers; trackLink: the vehicle's track around it. "
      + "page from 0, size at most 100.")
  Page<AlarmList.VehicleAlarm> alarms(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) Long vehicleId,
      @RequestParam(required = false) AlarmFlag kind, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Instant end = to == null || to.isBlank() ? clock.instant() : Moments.parse(to);
    Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(7)) : Moments.parse(from);
    if (!end.isAfter(start)
        || Duration.between(start, end).compareTo(Duration.ofDays(VehicleAlarmPageController.MOST_DAYS)) > 0) {
      throw new BusinessRuleException("telemetry.alarmRangeInvalid", VehicleAlarmPageController.MOST_DAYS);
    }
    CurrentUser viewer = CurrentUsers.current();
    ListQuery query = new ListQuery(null, AlarmList.SORT_KEYS.defaultKey(), true, Math.max(0, page),
        Math.max(1, Math.min(size, ListQuery.MAX_SIZE)), false);
    return alarms.search(TerminalBindings.managedBy(viewer), new AlarmList.Filter(start, end, vehicleId, kind), query,
        viewer.regionId());
  }
}
