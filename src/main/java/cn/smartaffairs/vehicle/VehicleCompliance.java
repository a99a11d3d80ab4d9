package cn.smartaffairs.vehicle;

import cn.smartaffairs.calendar.CalendarDay;
import cn.smartaffairs.calendar.DayKind;
import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 合规预警: what the administrator must look at — use outside the approved window, use on a non-working day without
 * approval, mileage far above the planned route, a trip without a dispatch sheet, a vehicle not sealed over a public
 * holiday (节假日封存), and overdue insurance or annual inspection. Computed from the records, never stored, so a
 * correction clears its flag at once; what is stored is that a manager handled a flag (who, when, a note), keyed by
 * the flag's identity (vehicle, kind, day, trip), so the mark stays with the flag and a new flag starts open. The GPS
 * audit's findings (kinds {@code GPS_*}, ADR 0013) join them when a module supplies {@link GpsAuditFindings}; their
 * trip is the trip derived from positions, and they carry the address of its track.
 */
@Service
public class VehicleCompliance {

  /** Kinds of flag; the page shows each with its Chinese name. */
  public enum Kind {
    OUTSIDE_WINDOW, NON_WORKING_DAY_UNAPPROVED, MILEAGE_EXCESS, NO_DISPATCH_SHEET, NOT_SEALED_ON_HOLIDAY, INSURANCE_OVERDUE, INSPECTION_OVERDUE, GPS_NO_SHEET, GPS_OUTSIDE_WINDOW, GPS_ROUTE_DEVIATION, GPS_ODOMETER_MISMATCH, GPS_NIGHT_AWAY, GPS_SEALED_HOLIDAY_MOVE, GPS_SPEEDING;

    static Kind of(GpsFinding.Kind gps) {
      return valueOf("GPS_" + gps.name());
    }
  }

  /**
   * One flag on a vehicle; {@code tripId} where a trip caused it (for a {@code GPS_*} kind the trip derived from
   * positions), {@code detail} a short Chinese explanation, and {@code detailKey} with {@code detailArgs} the same
   * explanation as a message, so a page can show it in the reader's language; {@code trackLink} the address of the
   * evidence's track, where there is one.
   */
  public record Flag(Kind kind, long vehicleId, String plate, Long tripId, LocalDate day, String detail,
      String detailKey, List<String> detailArgs, String trackLink) {

    Flag withTrackLink(String link) {
      return new Flag(kind, vehicleId, plate, tripId, day, detail, detailKey, detailArgs, link);
    }

    /** The stored subject of the flag's identity: its trip, or nothing for a vehicle's own flag. */
    String subject() {
      return tripId == null ? "" : tripId.toString();
    }

    boolean is(long vehicleId, Kind kind, LocalDate day, Long tripId) {
      return this.vehicleId == vehicleId && this.kind == kind && this.day.equals(day)
          && java.util.Objects.equals(this.tripId, tripId);
    }
  }

  /** Who handled a flag, when, and what they noted. */
  public record Handling(long id, String handledBy, LocalDateTime handledAt, String note) {}

  /** A flag as the list shows it: open when {@code handling} is null. */
  public record ListedFlag(Flag flag, Handling handling) {
    public boolean handled() {
      return handling != null;
    }
  }

  /** Which flags the list shows by their handling. */
  public enum HandlingFilter {
    ALL, OPEN, HANDLED
  }

  /** The API keeps answering {@code detail} in Chinese; the arguments are strings so numbers keep their plain form. */
  private Flag flag(Kind kind, Vehicle v, Long tripId, LocalDate day, String key, Object... args) {
    List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
    String detail = messages.getMessage(key, texts.toArray(), Locale.SIMPLIFIED_CHINESE);
    return new Flag(kind, v.id(), v.plate(), tripId, day, detail, key, texts, null);
  }

  /** How far back holidays are checked for sealing. */
  private static final int HOLIDAY_LOOKBACK_DAYS = 90;

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final VehicleRules rules;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final MessageSource messages;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final ObjectProvider<GpsAuditFindings> gps;

  VehicleCompliance(JdbcClient jdbc, Fleet fleet, VehicleRules rules, WorkingCalendar calendar, Clock clock,
      MessageSource messages, Accounts accounts, AuditTrail audit, ObjectProvider<GpsAuditFindings> gps) {
    this.gps = gps;
    this.accounts = accounts;
    this.audit = audit;
    this.messages = messages;
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

  /** The flags of the caller's scope with their handling, filtered by kind, vehicle and handling (null: any). */
  public List<ListedFlag> listed(DataScope scope, Kind kind, Long vehicleId, HandlingFilter handling) {
    List<Vehicle> vehicles = fleet.list(scope, null).stream().filter(v -> v.status() != VehicleStatus.DISPOSED)
        .filter(v -> vehicleId == null || v.id() == vehicleId).toList();
    List<Flag> flags = flags(vehicles).stream().filter(f -> kind == null || f.kind() == kind).toList();
    Map<String, Handling> handled = handlings(vehicles.stream().map(Vehicle::id).toList());
    HandlingFilter shown = handling == null ? HandlingFilter.ALL : handling;
    return flags.stream()
        .map(f -> new ListedFlag(f, handled.get(identity(f.vehicleId(), f.kind(), f.day(), f.subject()))))
        .filter(f -> shown == HandlingFilter.ALL || (shown == HandlingFilter.HANDLED) == f.handled())
        .toList();
  }

  /**
   * Marks a flag handled, by a manager of the vehicle's region, with a note of what was done. The flag must be
   * raised now (404 otherwise, as for an unknown one); a flag handled already answers 409. Audited.
   */
  @Transactional
  public long markHandled(long vehicleId, Kind kind, LocalDate day, Long tripId, String note, CurrentUser by) {
    Vehicle vehicle = fleet.get(vehicleId, by.dataScope());
    fleet.requireManager(vehicle.regionId(), by);
    String text = note == null ? "" : note.strip();
    if (text.length() > 500) {
      throw new BusinessRuleException("vehicle.flagNoteTooLong", 500);
    }
    Flag flag = flags(List.of(vehicle)).stream()
        .filter(f -> kind != null && day != null && f.is(vehicleId, kind, day, tripId))
        .findFirst().orElseThrow(() -> new NotFoundException("complianceFlag", vehicleId));
    Long id = jdbc.sql("""
        insert into vehicle_flag_handled (vehicle_id, kind, flag_day, subject, note, handled_by)
        values (:vehicle, :kind, :day, :subject, :note, :by) on conflict do nothing returning id""")
        .param("vehicle", vehicleId).param("kind", kind.name()).param("day", Date.valueOf(day))
        .param("subject", flag.subject()).param("note", text).param("by", by.userId())
        .query(Long.class).optional()
        .orElseThrow(() -> new ConflictException("vehicle.flagAlreadyHandled", vehicle.plate()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("vehicle", vehicle.plate());
    after.put("kind", kind.name());
    after.put("day", day.toString());
    after.put("tripId", tripId);
    after.put("note", text);
    audit.record(AuditEntry.created("vehicle_flag_handled", id, vehicle.regionId(), after));
    return id;
  }

  private Map<String, Handling> handlings(List<Long> vehicleIds) {
    Map<String, Handling> handled = new java.util.HashMap<>();
    if (vehicleIds.isEmpty()) {
      return handled;
    }
    record Row(String identity, long id, long by, LocalDateTime at, String note) {}
    List<Row> rows = jdbc.sql("select * from vehicle_flag_handled where vehicle_id = any(:ids)")
        .param("ids", vehicleIds.toArray(Long[]::new))
        .query((rs, n) -> new Row(identity(rs.getLong("vehicle_id"), Kind.valueOf(rs.getString("kind")),
            rs.getDate("flag_day").toLocalDate(), rs.getString("subject")), rs.getLong("id"), rs.getLong("handled_by"),
            VehicleRequests.local(rs, "handled_at"), rs.getString("note")))
        .list();
    Map<Long, String> names = accounts.displayNamesById(rows.stream().map(Row::by).distinct().toList());
    rows.forEach(
        r -> handled.put(r.identity(), new Handling(r.id(), names.getOrDefault(r.by(), ""), r.at(), r.note())));
    return handled;
  }

  private static String identity(long vehicleId, Kind kind, LocalDate day, String subject) {
    return vehicleId + "/" + kind + "/" + day + "/" + subject;
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
        flags.add(flag(Kind.INSURANCE_OVERDUE, v, null, v.insuranceUntil(),
            "vehicle.flagDetail.INSURANCE_OVERDUE", v.insuranceUntil()));
      }
      if (v.inspectionUntil().isBefore(today)) {
        flags.add(flag(Kind.INSPECTION_OVERDUE, v, null, v.inspectionUntil(),
            "vehicle.flagDetail.INSPECTION_OVERDUE", v.inspectionUntil()));
      }
    }
    tripFlags(byId, ids, today, flags);
    holidayFlags(vehicles, today, flags);
    gpsFlags(byId, flags);
    flags.sort(
        Comparator.comparing(Flag::day, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Flag::plate));
    return flags;
  }

  private void tripFlags(Map<Long, Vehicle> vehicles, Long[] ids, LocalDate today, List<Flag> flags) {
    record Row(long tripId, long vehicleId, Long dispatchId, LocalDateTime startedAt, LocalDateTime endedAt,
        Integer km, LocalDateTime windowStart, LocalDateTime windowEnd, Double plannedKm) {}
    List<Row> rows = jdbc
        .sql(
            """
                select t.id, t.vehicle_id, t.dispatch_id, t.started_at, t.ended_at, t.end_odometer_km - t.start_odometer_km as km,
                       r.starts_at, r.ends_at, r.planned_km
                  from vehicle_trip t
                  left join vehicle_dispatch d on d.id = t.dispatch_id
                  left join vehicle_request r on r.id = d.request_id
                 where t.vehicle_id = any(:ids) order by t.started_at""")
        .param("ids", ids)
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("vehicle_id"), (Long) rs.getObject("dispatch_id"),
            VehicleRequests.local(rs, "started_at"), VehicleRequests.local(rs, "ended_at"),
            (Integer) rs.getObject("km"),
            VehicleRequests.local(rs, "starts_at"), VehicleRequests.local(rs, "ends_at"),
            rs.getObject("planned_km") == null ? null : rs.getDouble("planned_km")))
        .list();
    for (Row row : rows) {
      Vehicle v = vehicles.get(row.vehicleId());
      LocalDate day = row.startedAt().toLocalDate();
      if (row.dispatchId() == null) {
        flags.add(flag(Kind.NO_DISPATCH_SHEET, v, row.tripId(), day,
            "vehicle.flagDetail.NO_DISPATCH_SHEET", row.startedAt().toLocalTime().withNano(0)));
        WorkingDays days = calendar.forRegion(v.regionId());
        if (!days.isWorkingDay(day)) {
          flags.add(flag(Kind.NON_WORKING_DAY_UNAPPROVED, v, row.tripId(), day,
              "vehicle.flagDetail.NON_WORKING_DAY_UNAPPROVED", day));
        }
        continue;
      }
      long tolerance = (long) rules.number(Key.WINDOW_TOLERANCE_MINUTES, v.regionId(), day);
      boolean early = row.startedAt().isBefore(row.windowStart().minusMinutes(tolerance));
      boolean late = row.endedAt() != null
          ? row.endedAt().isAfter(row.windowEnd().plusMinutes(tolerance))
          : LocalDateTime.now(clock.withZone(PlatformConfiguration.ZONE))
              .isAfter(row.windowEnd().plusMinutes(tolerance));
      if (early || late) {
        flags.add(row.endedAt() == null
            ? flag(Kind.OUTSIDE_WINDOW, v, row.tripId(), day, "vehicle.flagDetail.OUTSIDE_WINDOW_NOT_BACK",
                row.windowStart().toLocalTime(), row.windowEnd().toLocalTime(),
                row.startedAt().toLocalTime().withNano(0))
            : flag(Kind.OUTSIDE_WINDOW, v, row.tripId(), day, "vehicle.flagDetail.OUTSIDE_WINDOW",
                row.windowStart().toLocalTime(), row.windowEnd().toLocalTime(),
                row.startedAt().toLocalTime().withNano(0),
                row.endedAt().toLocalTime().withNano(0)));
      }
      if (row.km() != null && row.plannedKm() != null && row.plannedKm() > 0) {
        double percent = rules.number(Key.MILEAGE_EXCESS_PERCENT, v.regionId(), day);
        if (row.km() > row.plannedKm() * (1 + percent / 100)) {
          flags.add(flag(Kind.MILEAGE_EXCESS, v, row.tripId(), day,
              "vehicle.flagDetail.MILEAGE_EXCESS", row.km(), row.plannedKm(), (int) percent));
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
      unsealedByHoliday.forEach((holiday, day) -> flags.add(flag(Kind.NOT_SEALED_ON_HOLIDAY, v,
          null, day, "vehicle.flagDetail.NOT_SEALED_ON_HOLIDAY", holiday, day)));
    }
  }

  /** What the GPS audit found on the vehicles, when a module supplies it (ADR 0013). */
  private void gpsFlags(Map<Long, Vehicle> vehicles, List<Flag> flags) {
    GpsAuditFindings findings = gps.getIfAvailable();
    if (findings == null) {
      return;
    }
    for (GpsFinding found : findings.findings(vehicles.keySet())) {
      Vehicle v = vehicles.get(found.vehicleId());
      if (v == null || v.status() == VehicleStatus.DISPOSED) {
        continue;
      }
      Kind kind = Kind.of(found.kind());
      flags.add(flag(kind, v, found.tripId(), found.at().toLocalDate(), "vehicle.flagDetail." + kind,
          found.at().toLocalTime().withSecond(0).withNano(0), plain(found.measured()), plain(found.allowed()),
          plain(found.basis()), found.sheetNo() == null ? "" : found.sheetNo())
          .withTrackLink(found.trackLink()));
    }
  }

  private static String plain(java.math.BigDecimal number) {
    return number == null ? "" : number.stripTrailingZeros().toPlainString();
  }
}
