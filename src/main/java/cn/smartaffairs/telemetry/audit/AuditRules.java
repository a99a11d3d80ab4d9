package cn.smartaffairs.telemetry.audit;

import cn.smartaffairs.vehicle.GpsFinding.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * GPS 核查: what a trip derived from positions shows against the dispatch sheets, the driver's record, the parking place,
 * the seals and the calendar. Pure: everything it needs is handed in, so each rule is tested on generated positions
 * without a database.
 * <ul>
 * <li>A trip is matched to every sheet whose approved window, widened by the tolerance, overlaps it; with none, it
 * moved with no sheet (NO_SHEET).</li>
 * <li>Matched, a position outside the widened window is OUTSIDE_WINDOW (measured: minutes before the window's start
 * plus minutes after its end), and a position farther than ROUTE_DEVIATION_KM from the route — parking place, the
 * sheets' places in order, parking place — is ROUTE_DEVIATION (the farthest position).</li>
 * <li>A recorded trip whose odometer readings differ from the GPS km of the derived trips it overlaps by more than
 * ODOMETER_MISMATCH_PERCENT of the odometer's km is ODOMETER_MISMATCH, on the last of those trips.</li>
 * <li>A trip ending farther than PARKING_RADIUS_M from the designated parking place, where the car then stood through
 * the middle of the night window, is NIGHT_AWAY unless a sheet's window covers that moment.</li>
 * <li>Moving on a rest day (holiday or weekend of the region's calendar) while sealed is SEALED_HOLIDAY_MOVE.</li>
 * <li>Faster than SPEED_LIMIT_KMH, or the terminal's overspeed alarm, is SPEEDING (the fastest position, else the
 * first alarmed one).</li>
 * </ul>
 */
final class AuditRules {

  /** The rule values the audit reads, in force on the trip's day; {@code toleranceMinutes} is module vehicle's. */
  record Settings(double deviationKm, int mismatchPercent, int speedLimitKmh, int nightStartsHour,
      int nightEndsHour, int parkingRadiusM, int toleranceMinutes) {}

  record Place(double latitude, double longitude) {}

  /** A dispatch sheet: its number, approved window and the places of its route in order. */
  record Sheet(String sheetNo, Instant start, Instant end, List<Place> route) {}

  /** A trip the driver recorded (出车登记); {@code end} and {@code odometerKm} are null while it is open. */
  record Recorded(Instant start, Instant end, Integer odometerKm) {}

  /**
   * A stored trip: its id, its positions (for a neighbour only its first and last are needed) and its GPS km.
   */
  record Audited(long id, List<Fix> points, double gpsKm) {
    Fix first() {
      return points.get(0);
    }

    Fix last() {
      return points.get(points.size() - 1);
    }

    Instant start() {
      return first().at();
    }

    Instant end() {
      return last().at();
    }

    boolean overlaps(Instant from, Instant to) {
      return start().isBefore(to) && end().isAfter(from);
    }
  }

  /** What is known of the vehicle: its designated parking place, the rest days of its region, its sealed days. */
  record Facts(Place parking, ZoneId zone, Predicate<LocalDate> restDay, Predicate<LocalDate> sealed) {}

  /** One flag with its evidence (the position that shows it) and the measured and allowed values. */
  record Flag(Kind kind, Instant at, int latitude, int longitude, BigDecimal measured, BigDecimal allowed,
      BigDecimal basis, String sheetNo) {

    static Flag at(Kind kind, Fix evidence, BigDecimal measured, BigDecimal allowed, BigDecimal basis,
        String sheetNo) {
      return new Flag(kind, evidence.at(), evidence.latitude(), evidence.longitude(), measured, allowed, basis,
          sheetNo);
    }
  }

  private AuditRules() {}

  /**
   * Every flag of the trip. {@code neighbours}: the stored trips around it (itself among them); {@code knownUntil}: how
   * far the vehicle's positions have been read, where a stay with no later trip ends for now.
   */
  static List<Flag> flags(Audited trip, List<Audited> neighbours, List<Sheet> sheets, List<Recorded> recorded,
      Facts facts, Settings settings, Instant knownUntil) {
    List<Flag> flags = new ArrayList<>(againstSheets(trip, sheets, facts, settings));
    odometer(trip, neighbours, recorded, settings).ifPresent(flags::add);
    nightAway(trip, neighbours, sheets, facts, settings, knownUntil).ifPresent(flags::add);
    sealedHolidayMove(trip, facts).ifPresent(flags::add);
    speeding(trip, settings).ifPresent(flags::add);
    return flags;
  }

  /** NO_SHEET, or OUTSIDE_WINDOW and ROUTE_DEVIATION against the sheets the trip is matched to. */
  static List<Flag> againstSheets(Audited trip, List<Sheet> sheets, Facts facts, Settings settings) {
    Duration tolerance = Duration.ofMinutes(settings.toleranceMinutes());
    List<Sheet> matched = sheets.stream()
        .filter(s -> trip.overlaps(s.start().minus(tolerance), s.end().plus(tolerance))).toList();
    if (matched.isEmpty()) {
      return List.of(Flag.at(Kind.NO_SHEET, trip.first(), oneDecimal(trip.gpsKm()), null, null, null));
    }
    List<Flag> flags = new ArrayList<>();
    String sheetNo = matched.stream().map(Sheet::sheetNo).distinct().collect(Collectors.joining("、"));
    Instant windowStart = matched.stream().map(Sheet::start).min(Comparator.naturalOrder()).orElseThrow();
    Instant windowEnd = matched.stream().map(Sheet::end).max(Comparator.naturalOrder()).orElseThrow();
    Instant allowedFrom = windowStart.minus(tolerance);
    Instant allowedTo = windowEnd.plus(tolerance);
    trip.points().stream().filter(p -> p.at().isBefore(allowedFrom) || p.at().isAfter(allowedTo)).findFirst()
        .ifPresent(outside -> {
          long minutes = positiveMinutes(trip.start(), windowStart) + positiveMinutes(windowEnd, trip.end());
          flags.add(Flag.at(Kind.OUTSIDE_WINDOW, outside, BigDecimal.valueOf(minutes),
              BigDecimal.valueOf(settings.toleranceMinutes()), null, sheetNo));
        });
    List<Place> route = new ArrayList<>();
    route.add(facts.parking());
    matched.forEach(s -> route.addAll(s.route()));
    route.add(facts.parking());
    Fix farthest = null;
    double farthestKm = -1;
    for (Fix p : trip.points()) {
      double km = kmFromRoute(p, route);
      if (km > farthestKm) {
        farthestKm = km;
        farthest = p;
      }
    }
    if (farthest != null && farthestKm > settings.deviationKm()) {
      flags.add(Flag.at(Kind.ROUTE_DEVIATION, farthest, oneDecimal(farthestKm),
          oneDecimal(settings.deviationKm()), null, sheetNo));
    }
    return flags;
  }

  static Optional<Flag> odometer(Audited trip, List<Audited> neighbours, List<Recorded> recorded,
      Settings settings) {
    for (Recorded r : recorded) {
      if (r.end() == null || r.odometerKm() == null || !trip.overlaps(r.start(), r.end())) {
        continue;
      }
      List<Audited> driven = new ArrayList<>(neighbours.stream().filter(n -> n.overlaps(r.start(), r.end()))
          .filter(n -> n.id() != trip.id()).toList());
      driven.add(trip);
      Audited last = driven.stream().max(Comparator.comparing(Audited::start)).orElseThrow();
      if (last.id() != trip.id()) {
        continue; // the flag goes on the last trip of the record, once
      }
      double gpsKm = driven.stream().mapToDouble(Audited::gpsKm).sum();
      int odometerKm = r.odometerKm();
      if (Math.abs(gpsKm - odometerKm) > odometerKm * settings.mismatchPercent() / 100.0) {
        return Optional.of(Flag.at(Kind.ODOMETER_MISMATCH, trip.last(), oneDecimal(gpsKm),
            BigDecimal.valueOf(settings.mismatchPercent()), BigDecimal.valueOf(odometerKm), null));
      }
    }
    return Optional.empty();
  }

  static Optional<Flag> nightAway(Audited trip, List<Audited> neighbours, List<Sheet> sheets, Facts facts,
      Settings settings, Instant knownUntil) {
    if (settings.nightStartsHour() == settings.nightEndsHour()) {
      return Optional.empty();
    }
    Instant stayUntil = neighbours.stream().map(Audited::start).filter(start -> start.isAfter(trip.end()))
        .min(Comparator.naturalOrder()).orElse(knownUntil);
    Instant middle = middleOfNextNight(trip.end(), facts.zone(), settings);
    if (stayUntil == null || !middle.isBefore(stayUntil)) {
      return Optional.empty(); // the car left before the middle of the night, or that moment is still to come
    }
    Fix stood = trip.last();
    double metres = Geo.km(stood.lat(), stood.lon(), facts.parking().latitude(), facts.parking().longitude()) * 1000;
    Duration tolerance = Duration.ofMinutes(settings.toleranceMinutes());
    boolean onDuty = sheets.stream()
        .anyMatch(s -> !middle.isBefore(s.start().minus(tolerance)) && !middle.isAfter(s.end().plus(tolerance)));
    if (metres <= settings.parkingRadiusM() || onDuty) {
      return Optional.empty();
    }
    return Optional.of(new Flag(Kind.NIGHT_AWAY, middle, stood.latitude(), stood.longitude(),
        BigDecimal.valueOf(Math.round(metres)), BigDecimal.valueOf(settings.parkingRadiusM()), null, null));
  }

  /** The middle of the first night window whose middle is not before {@code after}. */
  static Instant middleOfNextNight(Instant after, ZoneId zone, Settings settings) {
    LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
    for (int i = 0; i < 3; i++, day = day.plusDays(1)) {
      ZonedDateTime start = day.atTime(settings.nightStartsHour(), 0).atZone(zone);
      LocalDate endDay = settings.nightEndsHour() > settings.nightStartsHour() ? day : day.plusDays(1);
      ZonedDateTime end = endDay.atTime(settings.nightEndsHour(), 0).atZone(zone);
      Instant middle = start.toInstant().plus(Duration.between(start, end).dividedBy(2));
      if (!middle.isBefore(after)) {
        return middle;
      }
    }
    throw new IllegalStateException("no night after " + after);
  }

  static Optional<Flag> sealedHolidayMove(Audited trip, Facts facts) {
    return trip.points().stream().filter(p -> {
      LocalDate day = LocalDate.ofInstant(p.at(), facts.zone());
      return facts.restDay().test(day) && facts.sealed().test(day);
    }).findFirst().map(p -> Flag.at(Kind.SEALED_HOLIDAY_MOVE, p, oneDecimal(trip.gpsKm()), null, null, null));
  }

  static Optional<Flag> speeding(Audited trip, Settings settings) {
    Fix fastest = trip.points().stream().max(Comparator.comparingInt(Fix::speedDkmh)).orElseThrow();
    Fix evidence = fastest.speedKmh() > settings.speedLimitKmh()
        ? fastest
        : trip.points().stream().filter(Fix::overspeedAlarm).findFirst().orElse(null);
    return Optional.ofNullable(evidence).map(p -> Flag.at(Kind.SPEEDING, p, oneDecimal(p.speedKmh()),
        BigDecimal.valueOf(settings.speedLimitKmh()), null, null));
  }

  private static double kmFromRoute(Fix p, List<Place> route) {
    double nearest = Double.MAX_VALUE;
    for (int i = 1; i < route.size(); i++) {
      Place a = route.get(i - 1);
      Place b = route.get(i);
      nearest = Math.min(nearest,
          Geo.kmToSegment(p.lat(), p.lon(), a.latitude(), a.longitude(), b.latitude(), b.longitude()));
    }
    return nearest;
  }

  private static long positiveMinutes(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMinutes());
  }

  static BigDecimal oneDecimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
