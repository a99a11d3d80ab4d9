package cn.smartaffairs.telemetry.audit;

import static cn.smartaffairs.telemetry.audit.GeneratedDay.ARCHIVE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.CENTRE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.PARKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 行程识别 on generated positions: where trips begin and end, and how far they went. */
class TripDerivationTest {

  static final TripDerivation.Settings RULES = new TripDerivation.Settings(Duration.ofMinutes(5), 0.5, 5);
  static final LocalDateTime MORNING = LocalDateTime.of(2026, 12, 14, 8, 0);

  @Test
  void aDriveFromTheParkingPlaceToTheArchiveIsOneTripWithItsGreatCircleKilometres() {
    List<Fix> day = GeneratedDay.from(MORNING, PARKING).parkedOff(Duration.ofMinutes(10))
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 40).switchOff().parkedOff(Duration.ofMinutes(30)).fixes();

    TripDerivation.Result result = TripDerivation.derive(day, RULES);

    assertThat(result.trips()).hasSize(1);
    TripDerivation.Trip trip = result.trips().get(0);
    assertThat(trip.first().at()).isEqualTo(MORNING.plusMinutes(11).atZone(GeneratedDay.BEIJING).toInstant());
    assertThat(trip.first().speedDkmh()).as("it sets off from where it stood").isZero();
    assertThat(trip.last().accOn()).isFalse();
    assertThat(trip.gpsKm()).isCloseTo(Geo.km(PARKING[0], PARKING[1], ARCHIVE[0], ARCHIVE[1]), within(0.01));
    assertThat(trip.maxSpeedKmh()).isEqualTo(40.0);
    assertThat(result.resumeFrom()).isEqualTo(day.get(day.size() - 1).at());
  }

  @Test
  void whatCountsAsMovingIsTheRegionsRuleTheLiveMapReadsToo() {
    List<Fix> creeping = GeneratedDay.from(MORNING, PARKING).standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 8)
        .switchOff().fixes();

    assertThat(TripDerivation.derive(creeping, RULES).trips()).as("8 km/h is moving above 5").hasSize(1);
    assertThat(TripDerivation.derive(creeping, new TripDerivation.Settings(Duration.ofMinutes(5), 0.5, 10)).trips())
        .as("a region that calls up to 10 km/h standing sees no trip").isEmpty();
  }

  @Test
  void standingLongerThanTheStopTimeEndsATripAndAShorterWaitDoesNot() {
    List<Fix> day = GeneratedDay.from(MORNING, PARKING).standing(Duration.ofMinutes(1)).driveTo(CENTRE, 30)
        .standing(Duration.ofMinutes(3)).driveTo(ARCHIVE, 30).standing(Duration.ofMinutes(20))
        .driveTo(PARKING, 30).switchOff().fixes();

    List<TripDerivation.Trip> trips = TripDerivation.derive(day, RULES).trips();

    assertThat(trips).hasSize(2);
    assertThat(trips.get(0).last().lat()).as("the first trip ends where the car stopped at the archive")
        .isCloseTo(ARCHIVE[0], within(1e-6));
    assertThat(trips.get(0).gpsKm()).isCloseTo(Geo.km(PARKING[0], PARKING[1], CENTRE[0], CENTRE[1])
        + Geo.km(CENTRE[0], CENTRE[1], ARCHIVE[0], ARCHIVE[1]), within(0.01));
    assertThat(trips.get(1).first().lat()).isCloseTo(ARCHIVE[0], within(1e-6));
  }

  @Test
  void aTerminalSilentForLongerThanTheStopTimeEndsTheTrip() {
    List<Fix> day = GeneratedDay.from(MORNING, PARKING).standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30)
        .silent(Duration.ofMinutes(30)).driveTo(PARKING, 30).switchOff().fixes();

    assertThat(TripDerivation.derive(day, RULES).trips()).hasSize(2);
  }

  @Test
  void movingTheCarAcrossTheYardIsNoTrip() {
    double[] acrossTheYard = {PARKING[0] + 0.0015, PARKING[1]};
    List<Fix> day = GeneratedDay.from(MORNING, PARKING).standing(Duration.ofMinutes(1))
        .driveTo(acrossTheYard, 10).switchOff().fixes();

    assertThat(TripDerivation.derive(day, RULES).trips()).isEmpty();
  }

  @Test
  void aTripUnderWayIsLeftForLaterAndReadingResumesAtItsStart() {
    List<Fix> day = GeneratedDay.from(MORNING, PARKING).parkedOff(Duration.ofMinutes(5))
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 40).standing(Duration.ofMinutes(2)).fixes();

    TripDerivation.Result result = TripDerivation.derive(day, RULES);

    assertThat(result.trips()).isEmpty();
    assertThat(result.resumeFrom()).isEqualTo(MORNING.plusMinutes(6).atZone(GeneratedDay.BEIJING).toInstant());
  }

  @Test
  void positionsWithoutALocationFixArePassedOver() {
    List<Fix> day = new ArrayList<>(GeneratedDay.from(MORNING, PARKING).standing(Duration.ofMinutes(1))
        .driveTo(ARCHIVE, 40).switchOff().fixes());
    Fix middle = day.get(day.size() / 2);
    // an unlocated position reports 0,0: counted, it would add thousands of kilometres
    day.set(day.size() / 2, new Fix(middle.at(), 0, 0, middle.speedDkmh(), 0, 1));

    assertThat(TripDerivation.derive(day, RULES).trips().get(0).gpsKm()).isLessThan(2);
  }
}
