package cn.smartaffairs.vehicle;

import cn.smartaffairs.calendar.CalendarDay;
import cn.smartaffairs.calendar.DayKind;
import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 合规预警: what the administrator must look at — use outside the approved window, use on a non-working day without
 * approval, mileage far above the planned route, a trip without a dispatch sheet, a vehicle not sealed over a public
 * holiday (节假日封存), and overdue insurance or annual inspection. Computed from the records, never stored, so a
 * correction clears its flag at once.
 */
@Service
public class VehicleCompliance {

  /** Kinds of flag; the page shows each with its Chinese name. */
  public enum Kind {
    OUTSIDE_WINDOW, NON_WORKING_DAY_UNAPPROVED, MILEAGE_EXCESS, NO_DISPATCH_SHEET, NOT_SEALED_ON_HOLIDAY,
    INSURANCE_OVERDUE, INSPECTION_OVERDUE
  }

  /** One flag on a vehicle; {@code tripId} where a trip caused it, {@code detail} a short Chinese explanation. */
  public record Flag(Kind kind, long vehicleId, String plate, Long tripId, LocalDate day, String detail) {}

  /** How far back holidays are checked for sealing. */
  private static final int HOLIDAY_LOOKBACK_DAYS = 90;

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final VehicleRules rules;
  private final WorkingCalendar calendar;
  private final Clock clock;

  VehicleCompliance(JdbcClient jdbc, Fleet fleet, VehicleRules rules, WorkingCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.fleet = fleet;
    this.rules = rules;
    this.calendar = calendar;
    this.clock = clock;
  }

  public List<Flag> flagsOf(long vehicleId) {
    return flags(List.of(fleet.get(vehicleId)));
  }

  /** Every flag on the vehicles of the caller's scope. */
  public List<Flag> all(DataScope scope) {
    return flags(fleet.list(scope, null).stream().filter(v -> v.status() != VehicleStatus.DISPOSED).toList());
  }

  private List<Flag> flags(List<Vehicle> vehicles) {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    List<Flag> flags = new ArrayList<>();
    Map<Long, Vehicle> byId = new LinkedHashMap<>();
    vehicles.forEach(v -> byId.put(v.id(), v));
    if (byId.isEmpty()) {
      return flags;
    }
    Long[] ids = byId.keySet().toArray(Long[]::new);
    for (Vehicle v : vehicles) {
      if (v.status() == VehicleStatus.DISPOSED) {
        continue;
      }
      if (v.insuranceUntil().isBefore(today)) {
        flags.add(new Flag(Kind.INSURANCE_OVERDUE, v.id(), v.plate(), null, v.insuranceUntil(),
            "保险已于 " + v.insuranceUntil() + " 到期"));
      }
      if (v.inspectionUntil().isBefore(today)) {
        flags.add(new Flag(Kind.INSPECTION_OVERDUE, v.id(), v.plate(), null, v.inspectionUntil(),
            "年检已于 " + v.inspectionUntil() + " 到期"));
      }
    }
    tripFlags(byId, ids, today, flags);
    holidayFlags(vehicles, today, flags);
    flags.sort(Comparator.comparing(Flag::day, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Flag::plate));
    return flags;
  }

  private void tripFlags(Map<Long, Vehicle> vehicles, Long[] ids, LocalDate today, List<Flag> flags) {
    record Row(long tripId, long vehicleId, Long dispatchId, LocalDateTime startedAt, LocalDateTime endedAt,
               Integer km, LocalDateTime windowStart, LocalDateTime windowEnd, Double plannedKm) {}
    List<Row> rows = jdbc.sql("""
        select t.id, t.vehicle_id, t.dispatch_id, t.started_at, t.ended_at, t.end_odometer_km - t.start_odometer_km as km,
               r.starts_at, r.ends_at, r.planned_km
          from vehicle_trip t
          left join vehicle_dispatch d on d.id = t.dispatch_id
          left join vehicle_request r on r.id = d.request_id
         where t.vehicle_id = any(:ids) order by t.started_at""")
        .param("ids", ids)
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("vehicle_id"), (Long) rs.getObject("dispatch_id"),
            VehicleRequests.local(rs, "started_at"), VehicleRequests.local(rs, "ended_at"), (Integer) rs.getObject("km"),
            VehicleRequests.local(rs, "starts_at"), VehicleRequests.local(rs, "ends_at"),
            rs.getObject("planned_km") == null ? null : rs.getDouble("planned_km")))
        .list();
    for (Row row : rows) {
      Vehicle v = vehicles.get(row.vehicleId());
      LocalDate day = row.startedAt().toLocalDate();
      if (row.dispatchId() == null) {
        flags.add(new Flag(Kind.NO_DISPATCH_SHEET, v.id(), v.plate(), row.tripId(), day,
            row.startedAt().toLocalTime().withNano(0) + " 出车，无派车单"));
        WorkingDays days = calendar.forRegion(v.regionId());
        if (!days.isWorkingDay(day)) {
          flags.add(new Flag(Kind.NON_WORKING_DAY_UNAPPROVED, v.id(), v.plate(), row.tripId(), day,
              day + " 为非工作日，出车未经审批"));
        }
        continue;
      }
      long tolerance = (long) rules.number(Key.WINDOW_TOLERANCE_MINUTES, v.regionId(), day);
      boolean early = row.startedAt().isBefore(row.windowStart().minusMinutes(tolerance));
      boolean late = row.endedAt() != null ? row.endedAt().isAfter(row.windowEnd().plusMinutes(tolerance))
          : LocalDateTime.now(clock.withZone(PlatformConfiguration.ZONE)).isAfter(row.windowEnd().plusMinutes(tolerance));
      if (early || late) {
        flags.add(new Flag(Kind.OUTSIDE_WINDOW, v.id(), v.plate(), row.tripId(), day,
            "批准时段 " + row.windowStart().toLocalTime() + "–" + row.windowEnd().toLocalTime() + "，实际 "
                + row.startedAt().toLocalTime().withNano(0) + "–"
                + (row.endedAt() == null ? "未回车" : row.endedAt().toLocalTime().withNano(0).toString())));
      }
      if (row.km() != null && row.plannedKm() != null && row.plannedKm() > 0) {
        double percent = rules.number(Key.MILEAGE_EXCESS_PERCENT, v.regionId(), day);
        if (row.km() > row.plannedKm() * (1 + percent / 100)) {
          flags.add(new Flag(Kind.MILEAGE_EXCESS, v.id(), v.plate(), row.tripId(), day,
              "实际 " + row.km() + " 公里，计划 " + row.plannedKm() + " 公里（超过 " + (int) percent + "% 预警）"));
        }
      }
    }
  }

  /**
   * A vehicle in the fleet over a public holiday of the last months is flagged when on some holiday day it was
   * neither sealed nor out on a dispatch — one flag per holiday.
   */
  private void holidayFlags(List<Vehicle> vehicles, LocalDate today, List<Flag> flags) {
    LocalDate from = today.minusDays(HOLIDAY_LOOKBACK_DAYS);
    for (Vehicle v : vehicles) {
      if (v.status() == VehicleStatus.DISPOSED || v.status() == VehicleStatus.PENDING_DISPOSAL) {
        continue;
      }
      WorkingDays days = calendar.forRegion(v.regionId());
      Map<String, LocalDate> unsealedByHoliday = new LinkedHashMap<>();
      List<CalendarDay> entries = new ArrayList<>(calendar.entries(from.getYear(), v.regionId()));
      if (today.getYear() != from.getYear()) {
        entries.addAll(calendar.entries(today.getYear(), v.regionId()));
      }
      for (CalendarDay entry : entries) {
        LocalDate day = entry.day();
        if (entry.kind() != DayKind.HOLIDAY || day.isBefore(from) || !day.isBefore(today)
            || day.isBefore(v.purchasedOn()) || days.isWorkingDay(day) || unsealedByHoliday.containsKey(entry.name())) {
          continue;
        }
        boolean sealed = jdbc.sql("""
            select count(*) from vehicle_seal where vehicle_id = :id and :day between sealed_from and sealed_to""")
            .param("id", v.id()).param("day", Date.valueOf(day)).query(Long.class).single() > 0;
        boolean onDuty = jdbc.sql("""
            select count(*) from vehicle_dispatch where vehicle_id = :id and status = 'ACTIVE'
               and during && tstzrange(:from, :to)""")
            .param("id", v.id()).param("from", VehicleRequests.timestamp(day.atStartOfDay()))
            .param("to", VehicleRequests.timestamp(day.plusDays(1).atStartOfDay())).query(Long.class).single() > 0;
        if (!sealed && !onDuty) {
          unsealedByHoliday.put(entry.name(), day);
        }
      }
      unsealedByHoliday.forEach((holiday, day) -> flags.add(new Flag(Kind.NOT_SEALED_ON_HOLIDAY, v.id(), v.plate(),
          null, day, holiday + "（" + day + "）未封存")));
    }
  }
}
