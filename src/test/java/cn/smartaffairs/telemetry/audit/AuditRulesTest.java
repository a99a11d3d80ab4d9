package cn.smartaffairs.telemetry.audit;

import static cn.smartaffairs.telemetry.audit.GeneratedDay.AIRPORT_HOTEL;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.ARCHIVE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.BEIJING;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.CENTRE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.HOSPITAL_FAR;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.PARKING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.calendar.DayKind;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.telemetry.audit.AuditRules.Audited;
import cn.smartaffairs.telemetry.audit.AuditRules.Facts;
import cn.smartaffairs.telemetry.audit.AuditRules.Flag;
import cn.smartaffairs.telemetry.audit.AuditRules.Place;
import cn.smartaffairs.telemetry.audit.AuditRules.Recorded;
import cn.smartaffairs.telemetry.audit.AuditRules.Settings;
import cn.smartaffairs.telemetry.audit.AuditRules.Sheet;
import cn.smartaffairs.vehicle.GpsFinding.Kind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each flag of the GPS audit on a generated day: positions cut into trips as the job does, then audited against the
 * sheets, the driver's record, the parking place, the seals and the calendar — each rule broken once and kept once.
 */
class AuditRulesTest {

  /** The national defaults: 3 km, 15 %, 120 km/h, night 22–6, 300 m, and vehicle's window tolerance of 30 minutes. */
  static final Settings RULES = new Settings(3, 15, 120, 22, 6, 300, 30);
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 16);
  /** 国庆节 2026 as the calendar's seed has it (V5), with the 调休 Saturday worked. */
  static final WorkingDays CALENDAR = new WorkingDays(nationalDay(), null, BEIJING);
  static final Facts AT_HOME = facts(day -> false);

  // ---- NO_SHEET, OUTSIDE_WINDOW, ROUTE_DEVIATION ------------------------------------------------------------

  @Test
  void aTripWithNoSheetForItsTimeIsFlaggedWithItsKilometres() {
    Audited trip = onlyTrip(GeneratedDay.from(at(10, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(ARCHIVE, 40).driveTo(PARKING, 40).switchOff());

    List<Flag> flags = audit(trip, List.of(), List.of(), knownUntil(trip, 1));

    assertThat(kinds(flags)).containsExactly(Kind.NO_SHEET);
    assertThat(flags.get(0).at()).isEqualTo(trip.start());
    assertThat(flags.get(0).measured()).isEqualByComparingTo(AuditRules.oneDecimal(trip.gpsKm()));
  }

  @Test
  void aTripWithinItsSheetsWindowAndRouteRaisesNothing() {
    Audited trip = onlyTrip(GeneratedDay.from(at(9, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(CENTRE, 30).standing(Duration.ofMinutes(3)).driveTo(ARCHIVE, 30).standing(Duration.ofMinutes(4))
        .driveTo(CENTRE, 30).driveTo(PARKING, 30).switchOff());

    assertThat(audit(trip, List.of(sheet("PC-1", 9, 0, 11, 0)), List.of(), knownUntil(trip, 1))).isEmpty();
  }

  @Test
  void setOffAnHourBeforeTheWindowIsOutsideItBeyondTheTolerance() {
    GeneratedDay day = GeneratedDay.from(at(7, 50), PARKING).standing(Duration.ofMinutes(1)).driveTo(CENTRE, 20);
    for (int errand = 0; errand < 6; errand++) { // back and forth, never standing long enough to end the trip
      day.driveTo(ARCHIVE, 20).standing(Duration.ofMinutes(4)).driveTo(CENTRE, 20).standing(Duration.ofMinutes(4));
    }
    Audited trip = onlyTrip(day.driveTo(PARKING, 20).switchOff());

    List<Flag> flags = audit(trip, List.of(sheet("PC-2", 9, 0, 10, 0)), List.of(), knownUntil(trip, 1));

    assertThat(kinds(flags)).containsExactly(Kind.OUTSIDE_WINDOW);
    Flag outside = flags.get(0);
    assertThat(outside.at()).as("the first position before the tolerance").isEqualTo(trip.start());
    assertThat(outside.measured()).as("minutes before the window").isEqualByComparingTo("69");
    assertThat(outside.allowed()).isEqualByComparingTo("30");
    assertThat(outside.sheetNo()).isEqualTo("PC-2");
  }

  @Test
  void aDetourFiveKilometresOffTheSheetsRouteIsADeviationAtItsFarthestPoint() {
    Audited trip = onlyTrip(GeneratedDay.from(at(9, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(CENTRE, 40).driveTo(HOSPITAL_FAR, 40).driveTo(ARCHIVE, 40).driveTo(PARKING, 40).switchOff());

    List<Flag> flags = audit(trip, List.of(sheet("PC-3", 9, 0, 11, 0)), List.of(), knownUntil(trip, 1));

    assertThat(kinds(flags)).containsExactly(Kind.ROUTE_DEVIATION);
    Flag deviation = flags.get(0);
    assertThat(deviation.latitude()).isEqualTo(25_080_000);
    assertThat(deviation.measured()).isGreaterThan(new BigDecimal("3")).isLessThan(new BigDecimal("6"));
    assertThat(deviation.allowed()).isEqualByComparingTo("3");
  }

  // ---- ODOMETER_MISMATCH ----------------------------------------------------------------------------------------

  @Test
  void gpsKilometresFarFromTheOdometersAreFlaggedOnceOnTheRecordsLastTrip() {
    List<Audited> trips = trips(GeneratedDay.from(at(9, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(HOSPITAL_FAR, 40).standing(Duration.ofMinutes(20)).driveTo(PARKING, 40).switchOff());
    assertThat(trips).hasSize(2);
    double gpsKm = trips.get(0).gpsKm() + trips.get(1).gpsKm();
    Recorded recorded = new Recorded(instant(8, 55), instant(10, 30), 5);
    Sheet sheet = new Sheet("PC-4", instant(9, 0), instant(11, 0),
        List.of(new Place(PARKING[0], PARKING[1]), new Place(HOSPITAL_FAR[0], HOSPITAL_FAR[1])));

    List<Flag> first = audit(trips.get(0), trips, List.of(sheet), List.of(recorded), knownUntil(trips.get(1), 1));
    List<Flag> last = audit(trips.get(1), trips, List.of(sheet), List.of(recorded), knownUntil(trips.get(1), 1));

    assertThat(kinds(first)).isEmpty();
    assertThat(kinds(last)).containsExactly(Kind.ODOMETER_MISMATCH);
    assertThat(last.get(0).measured()).isEqualByComparingTo(AuditRules.oneDecimal(gpsKm));
    assertThat(last.get(0).basis()).isEqualByComparingTo("5");
    assertThat(last.get(0).allowed()).isEqualByComparingTo("15");
    Recorded honest = new Recorded(instant(8, 55), instant(10, 30), (int) Math.round(gpsKm));
    assertThat(audit(trips.get(1), trips, List.of(sheet), List.of(honest), knownUntil(trips.get(1), 1))).isEmpty();
    Recorded open = new Recorded(instant(8, 55), null, null);
    assertThat(audit(trips.get(1), trips, List.of(sheet), List.of(open), knownUntil(trips.get(1), 1))).isEmpty();
  }

  // ---- NIGHT_AWAY -----------------------------------------------------------------------------------------------

  @Test
  void aNightAtTheAirportHotelIsANightAwayAtItsMiddle() {
    Audited trip = onlyTrip(GeneratedDay.from(at(19, 20), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(AIRPORT_HOTEL, 60).switchOff());
    Instant nextMorning = WEDNESDAY.plusDays(1).atTime(7, 30).atZone(BEIJING).toInstant();

    List<Flag> flags = AuditRules.flags(trip, List.of(trip), List.of(), List.of(), AT_HOME, RULES, nextMorning);

    assertThat(kinds(flags)).containsExactly(Kind.NO_SHEET, Kind.NIGHT_AWAY);
    Flag night = flags.get(1);
    assertThat(night.at()).isEqualTo(WEDNESDAY.plusDays(1).atTime(2, 0).atZone(BEIJING).toInstant());
    assertThat(night.latitude()).isEqualTo(25_101_000);
    assertThat(night.measured()).isGreaterThan(new BigDecimal("20000"));
    assertThat(night.allowed()).isEqualByComparingTo("300");
  }

  @Test
  void aNightAtHomeOrNotYetOverOrOnAnOvernightSheetIsNoNightAway() {
    Audited home = onlyTrip(GeneratedDay.from(at(19, 20), AIRPORT_HOTEL).standing(Duration.ofMinutes(1))
        .driveTo(PARKING, 60).switchOff());
    Audited away = onlyTrip(GeneratedDay.from(at(19, 20), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(AIRPORT_HOTEL, 60).switchOff());
    Instant nextMorning = WEDNESDAY.plusDays(1).atTime(7, 30).atZone(BEIJING).toInstant();
    Instant midnight = WEDNESDAY.plusDays(1).atStartOfDay(BEIJING).toInstant();
    Sheet overnight = new Sheet("PC-5", instant(19, 0), nextMorning,
        List.of(new Place(PARKING[0], PARKING[1]), new Place(AIRPORT_HOTEL[0], AIRPORT_HOTEL[1])));

    assertThat(AuditRules.nightAway(home, List.of(home), List.of(), AT_HOME, RULES, nextMorning)).isEmpty();
    assertThat(AuditRules.nightAway(away, List.of(away), List.of(), AT_HOME, RULES, midnight)).isEmpty();
    assertThat(AuditRules.nightAway(away, List.of(away), List.of(overnight), AT_HOME, RULES, nextMorning)).isEmpty();
  }

  @Test
  void theMiddleOfTheNextNightFollowsTheWindow() {
    Instant evening = WEDNESDAY.atTime(20, 0).atZone(BEIJING).toInstant();
    Instant small = WEDNESDAY.atTime(3, 0).atZone(BEIJING).toInstant();

    assertThat(AuditRules.middleOfNextNight(evening, BEIJING, RULES))
        .isEqualTo(WEDNESDAY.plusDays(1).atTime(2, 0).atZone(BEIJING).toInstant());
    assertThat(AuditRules.middleOfNextNight(small, BEIJING, RULES))
        .isEqualTo(WEDNESDAY.plusDays(1).atTime(2, 0).atZone(BEIJING).toInstant());
    Settings earlyNight = new Settings(3, 15, 120, 0, 4, 300, 30);
    assertThat(AuditRules.middleOfNextNight(evening, BEIJING, earlyNight))
        .isEqualTo(WEDNESDAY.plusDays(1).atTime(2, 0).atZone(BEIJING).toInstant());
  }

  // ---- SEALED_HOLIDAY_MOVE --------------------------------------------------------------------------------------

  @Test
  void aSealedCarThatMovesOnNationalDayIsFlaggedAndOnAWorkingDayOrUnsealedItIsNot() {
    Predicate<LocalDate> sealedOverNationalDay = day -> !day.isBefore(LocalDate.of(2026, 9, 30))
        && !day.isAfter(LocalDate.of(2026, 10, 12));
    Audited holiday = onlyTrip(GeneratedDay.from(LocalDateTime.of(2026, 10, 1, 10, 0), PARKING)
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).driveTo(PARKING, 30).switchOff());
    Audited workingDay = onlyTrip(GeneratedDay.from(LocalDateTime.of(2026, 10, 12, 10, 0), PARKING)
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).driveTo(PARKING, 30).switchOff());

    List<Flag> flags = AuditRules.flags(holiday, List.of(holiday), List.of(), List.of(),
        facts(sealedOverNationalDay), RULES, holiday.end());

    assertThat(kinds(flags)).containsExactly(Kind.NO_SHEET, Kind.SEALED_HOLIDAY_MOVE);
    assertThat(flags.get(1).at()).isEqualTo(holiday.start());
    assertThat(AuditRules.sealedHolidayMove(workingDay, facts(sealedOverNationalDay))).isEmpty();
    assertThat(AuditRules.sealedHolidayMove(holiday, AT_HOME)).isEmpty();
  }

  // ---- SPEEDING -------------------------------------------------------------------------------------------------

  @Test
  void fasterThanTheLimitOrTheTerminalsAlarmIsSpeeding() {
    Audited fast = onlyTrip(GeneratedDay.from(at(10, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(CENTRE, 40).driveTo(AIRPORT_HOTEL, 130).driveTo(PARKING, 90).switchOff());
    Audited alarmed = onlyTrip(GeneratedDay.from(at(14, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(CENTRE, 40).alarmOn().driveTo(AIRPORT_HOTEL, 110).alarmOff().driveTo(PARKING, 90).switchOff());
    Audited lawful = onlyTrip(GeneratedDay.from(at(16, 0), PARKING).standing(Duration.ofMinutes(1))
        .driveTo(AIRPORT_HOTEL, 110).driveTo(PARKING, 90).switchOff());

    Flag speeding = AuditRules.speeding(fast, RULES).orElseThrow();
    assertThat(speeding.measured()).isEqualByComparingTo("130");
    assertThat(speeding.allowed()).isEqualByComparingTo("120");
    assertThat(AuditRules.speeding(alarmed, RULES).orElseThrow().measured()).isEqualByComparingTo("110");
    assertThat(AuditRules.speeding(lawful, RULES)).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static List<Flag> audit(Audited trip, List<Sheet> sheets, List<Recorded> recorded, Instant knownUntil) {
    return audit(trip, List.of(trip), sheets, recorded, knownUntil);
  }

  private static List<Flag> audit(Audited trip, List<Audited> neighbours, List<Sheet> sheets,
      List<Recorded> recorded, Instant knownUntil) {
    return AuditRules.flags(trip, neighbours, sheets, recorded, AT_HOME, RULES, knownUntil);
  }

  private static Audited onlyTrip(GeneratedDay day) {
    List<Audited> trips = trips(day);
    assertThat(trips).hasSize(1);
    return trips.get(0);
  }

  private static List<Audited> trips(GeneratedDay day) {
    List<Audited> trips = new ArrayList<>();
    for (TripDerivation.Trip trip : TripDerivation.derive(day.fixes(), TripDerivationTest.RULES).trips()) {
      trips.add(new Audited(trips.size() + 1, trip.points(), trip.gpsKm()));
    }
    return trips;
  }

  private static Sheet sheet(String no, int fromHour, int fromMinute, int toHour, int toMinute) {
    return new Sheet(no, instant(fromHour, fromMinute), instant(toHour, toMinute),
        List.of(new Place(CENTRE[0], CENTRE[1]), new Place(ARCHIVE[0], ARCHIVE[1]), new Place(CENTRE[0], CENTRE[1])));
  }

  private static Facts facts(Predicate<LocalDate> sealed) {
    return new Facts(new Place(PARKING[0], PARKING[1]), BEIJING, day -> !CALENDAR.isWorkingDay(day), sealed);
  }

  private static Map<LocalDate, DayKind> nationalDay() {
    Map<LocalDate, DayKind> days = new LinkedHashMap<>();
    for (int d = 1; d <= 7; d++) {
      days.put(LocalDate.of(2026, 10, d), DayKind.HOLIDAY);
    }
    days.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
    return days;
  }

  private static Instant knownUntil(Audited trip, int hoursLater) {
    return trip.end().plus(Duration.ofHours(hoursLater));
  }

  private static LocalDateTime at(int hour, int minute) {
    return WEDNESDAY.atTime(hour, minute);
  }

  private static Instant instant(int hour, int minute) {
    return at(hour, minute).atZone(BEIJING).toInstant();
  }

  private static List<Kind> kinds(List<Flag> flags) {
    return flags.stream().map(Flag::kind).toList();
  }
}
