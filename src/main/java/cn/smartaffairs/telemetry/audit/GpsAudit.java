package cn.smartaffairs.telemetry.audit;

import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.TelemetryRules;
import cn.smartaffairs.telemetry.TelemetryRules.Key;
import cn.smartaffairs.telemetry.audit.AuditRules.Audited;
import cn.smartaffairs.telemetry.audit.AuditRules.Facts;
import cn.smartaffairs.telemetry.audit.AuditRules.Flag;
import cn.smartaffairs.telemetry.audit.AuditRules.Place;
import cn.smartaffairs.telemetry.audit.AuditRules.Recorded;
import cn.smartaffairs.telemetry.audit.AuditRules.Settings;
import cn.smartaffairs.telemetry.audit.AuditRules.Sheet;
import cn.smartaffairs.vehicle.DispatchChanged;
import cn.smartaffairs.vehicle.DispatchSheets;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.GpsFinding.Kind;
import cn.smartaffairs.vehicle.TripEnded;
import cn.smartaffairs.vehicle.Trips;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleEligibility.SealedDays;
import cn.smartaffairs.vehicle.VehicleRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GPS 核查 (ADR 0013): trips derived from each vehicle's positions and audited against its dispatch sheets, the trips
 * its drivers recorded, its parking place, its seals and the calendar. A round every ten minutes reads each vehicle's
 * new positions from its watermark (again from the last trip while the night after it is still undecided, and from
 * the earliest position that arrived late, behind the watermark); a driver ending a recorded trip has its odometer
 * compared again; a sheet issued or cancelled has the trips around it checked against the sheets again; a period of
 * one vehicle may be run again by hand. Every run of a vehicle holds its lock and gives the same trips and flags for
 * the same positions.
 */
@Service
public class GpsAudit {

  private static final Logger log = LoggerFactory.getLogger(GpsAudit.class);
  /** The most of a vehicle's positions one round reads; a vehicle further behind catches up over several rounds. */
  private static final Duration LONGEST_READ = Duration.ofDays(7);
  /** Sheets, recorded trips and neighbours are read this far around the trips audited (a night, a long dispatch). */
  private static final Duration AROUND = Duration.ofDays(1);
  /** What depends on the vehicle's dispatch sheets. */
  private static final Set<Kind> SHEET_KINDS = EnumSet.of(Kind.NO_SHEET, Kind.OUTSIDE_WINDOW, Kind.ROUTE_DEVIATION);

  private final TripStore store;
  private final TransactionTemplate transaction;
  private final TelemetryRules rules;
  private final VehicleRules vehicleRules;
  private final Fleet fleet;
  private final DispatchSheets sheets;
  private final Trips trips;
  private final WorkingCalendar calendar;

  GpsAudit(TripStore store, PlatformTransactionManager transactions, TelemetryRules rules, VehicleRules vehicleRules,
      Fleet fleet, DispatchSheets sheets, Trips trips, WorkingCalendar calendar) {
    this.store = store;
    this.transaction = new TransactionTemplate(transactions);
    this.rules = rules;
    this.vehicleRules = vehicleRules;
    this.fleet = fleet;
    this.sheets = sheets;
    this.trips = trips;
    this.calendar = calendar;
  }

  @Scheduled(fixedDelayString = "${affairs.telemetry.trip-audit-interval:PT10M}", initialDelayString = "${affairs.telemetry.trip-audit-initial-delay:PT3M}")
  @SchedulerLock(name = "telemetry-trip-audit")
  public void onSchedule() {
    runDue();
  }

  /** One round: every vehicle with positions past its watermark, each in a transaction of its own; trips stored. */
  public int runDue() {
    int stored = 0;
    for (TripStore.Due due : store.due()) {
      try {
        stored += transaction.execute(status -> fromWatermark(due));
      } catch (RuntimeException e) {
        log.warn("GPS audit of vehicle {} failed; it is tried again next round", due.vehicleId(), e);
      }
    }
    return stored;
  }

  /**
   * Derives the vehicle's trips from its positions in [from, to) and audits them; answers how many trips it stored. A
   * trip still under way at {@code to} is left for later. Running a period again gives the same trips and flags.
   */
  public int run(long vehicleId, Instant from, Instant to) {
    return transaction.execute(status -> {
      store.lock(vehicleId);
      Vehicle vehicle = fleet.get(vehicleId, DataScope.everything());
      return deriveAndAudit(vehicle, from, to).trips().size();
    });
  }

  /** A driver ended a recorded trip: its odometer readings are compared with the GPS km of the trips it overlaps. */
  @ApplicationModuleListener(id = "telemetry.trip-ended")
  void onTripEnded(TripEnded ended) {
    Trips.Trip trip = trips.trip(ended.tripId());
    store.lock(ended.vehicleId());
    Vehicle vehicle = fleet.get(ended.vehicleId(), DataScope.everything());
    Instant start = instant(trip.startedAt());
    Instant end = instant(trip.endedAt());
    List<Audited> overlapping = store.trips(vehicle.id(), start, end);
    audit(vehicle, overlapping, end, EnumSet.of(Kind.ODOMETER_MISMATCH));
  }

  /**
   * A sheet was issued or cancelled: the vehicle's trips around its window are checked against its sheets again. A
   * trip driven before its sheet was written loses its 无派车单 flag; the trips of a cancelled sheet get theirs.
   */
  @ApplicationModuleListener(id = "telemetry.dispatch-changed")
  void onDispatchChanged(DispatchChanged changed) {
    store.lock(changed.vehicleId());
    Vehicle vehicle = fleet.get(changed.vehicleId(), DataScope.everything());
    List<Audited> around = store.trips(vehicle.id(), instant(changed.start()).minus(AROUND),
        instant(changed.end()).plus(AROUND));
    around.stream().map(Audited::end).max(Comparator.naturalOrder())
        .ifPresent(lastEnd -> audit(vehicle, around, lastEnd, SHEET_KINDS));
  }

  private int fromWatermark(TripStore.Due due) {
    store.lock(due.vehicleId());
    Vehicle vehicle = fleet.get(due.vehicleId(), DataScope.everything());
    Instant from = due.derivedUntil() != null ? due.derivedUntil() : store.firstPosition(vehicle.id()).orElse(null);
    if (due.lateFrom() != null && (from == null || due.lateFrom().isBefore(from))) {
      from = due.lateFrom(); // positions arrived for a time already read (a blind-area batch): read again from there
    }
    if (from == null) {
      return 0;
    }
    Optional<Audited> last = store.lastTripBefore(vehicle.id(), from);
    if (last.isPresent()) {
      Settings settings = settings(vehicle, day(last.get().end()));
      Instant middle = AuditRules.middleOfNextNight(last.get().end(), TripStore.BEIJING, settings);
      // a late position inside the trip changes the whole trip; whether the car spent the night after it away is
      // still open
      if (last.get().end().isAfter(from) || !middle.isBefore(from)) {
        from = last.get().start();
      }
    }
    if (due.lateNotedAt() != null) {
      store.lateReadFrom(vehicle.id(), due.lateNotedAt());
    }
    Instant latest = due.latestAt().plusMillis(1);
    Instant to = latest.isBefore(from.plus(LONGEST_READ)) ? latest : from.plus(LONGEST_READ);
    TripDerivation.Result result = deriveAndAudit(vehicle, from, to);
    store.setWatermark(vehicle.id(), result.resumeFrom() == null ? to : result.resumeFrom());
    return result.trips().size();
  }

  private TripDerivation.Result deriveAndAudit(Vehicle vehicle, Instant from, Instant to) {
    Map<Key, Integer> values = rules.valuesFor(vehicle.regionId(), day(from));
    TripDerivation.Result derived = TripDerivation.derive(store.positions(vehicle.id(), from, to),
        new TripDerivation.Settings(Duration.ofMinutes(values.get(Key.TRIP_STOP_MINUTES)),
            values.get(Key.TRIP_MIN_DISTANCE_M) / 1000.0, values.get(Key.MOVING_ABOVE_KMH)));
    Instant until = derived.resumeFrom() == null ? from : derived.resumeFrom();
    List<Audited> saved = store.save(vehicle, from, until, derived.trips());
    audit(vehicle, saved, until, EnumSet.allOf(Kind.class));
    return derived;
  }

  /** Audits the trips (in order of start) for the kinds asked, and stores what changed. */
  private void audit(Vehicle vehicle, List<Audited> audited, Instant knownUntil, Set<Kind> kinds) {
    if (audited.isEmpty()) {
      return;
    }
    Instant first = audited.get(0).start();
    Instant lastEnd = audited.stream().map(Audited::end).max(Comparator.naturalOrder()).orElseThrow();
    Instant from = first.minus(AROUND);
    Instant to = (knownUntil.isAfter(lastEnd) ? knownUntil : lastEnd).plus(AROUND);
    List<Audited> neighbours = store.trips(vehicle.id(), from, to);
    List<Sheet> sheetList = sheets.ofVehicle(vehicle.id(), local(from), local(to)).stream()
        .map(s -> new Sheet(s.sheetNo(), instant(s.start()), instant(s.end()),
            s.route().stream().map(stop -> new Place(stop.latitude(), stop.longitude())).toList()))
        .toList();
    List<Recorded> recorded = trips.ofVehicle(vehicle.id(), local(from), local(to)).stream()
        .map(t -> new Recorded(instant(t.startedAt()), t.endedAt() == null ? null : instant(t.endedAt()),
            t.distanceKm()))
        .toList();
    List<SealedDays> seals = fleet.seals(vehicle.id(), day(from), day(to));
    WorkingDays days = calendar.forRegion(vehicle.regionId());
    Facts facts = new Facts(new Place(vehicle.parkingLat(), vehicle.parkingLon()), TripStore.BEIJING,
        day -> !days.isWorkingDay(day),
        day -> seals.stream().anyMatch(s -> !day.isBefore(s.from()) && !day.isAfter(s.to())));
    Map<LocalDate, Settings> settingsByDay = new HashMap<>();
    Map<Long, List<Flag>> flags = new LinkedHashMap<>();
    for (Audited trip : audited) {
      Settings settings = settingsByDay.computeIfAbsent(day(trip.start()), day -> settings(vehicle, day));
      flags.put(trip.id(), AuditRules.flags(trip, neighbours, sheetList, recorded, facts, settings, knownUntil)
          .stream().filter(f -> kinds.contains(f.kind())).toList());
    }
    store.replaceFlags(vehicle, flags, kinds);
  }

  private Settings settings(Vehicle vehicle, LocalDate day) {
    Map<Key, Integer> values = rules.valuesFor(vehicle.regionId(), day);
    int tolerance = (int) vehicleRules.number(VehicleRules.Key.WINDOW_TOLERANCE_MINUTES, vehicle.regionId(), day);
    return new Settings(values.get(Key.ROUTE_DEVIATION_KM), values.get(Key.ODOMETER_MISMATCH_PERCENT),
        values.get(Key.SPEED_LIMIT_KMH), values.get(Key.NIGHT_STARTS_HOUR), values.get(Key.NIGHT_ENDS_HOUR),
        values.get(Key.PARKING_RADIUS_M), tolerance);
  }

  private static LocalDate day(Instant moment) {
    return LocalDate.ofInstant(moment, TripStore.BEIJING);
  }

  private static LocalDateTime local(Instant moment) {
    return LocalDateTime.ofInstant(moment, TripStore.BEIJING);
  }

  private static Instant instant(LocalDateTime local) {
    return local.atZone(TripStore.BEIJING).toInstant();
  }
}
