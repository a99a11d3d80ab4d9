package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.RuleTestData.DAY;
import static cn.smartaffairs.vehicle.RuleTestData.car;
import static cn.smartaffairs.vehicle.RuleTestData.conflictsWith;
import static cn.smartaffairs.vehicle.RuleTestData.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** 出车登记 on plain records: the readings and amounts a driver reports, and the requester's confirmation. */
class TripReportsTest {

  private static final long REQUESTER = 3;

  private static Trips.Trip trip(LocalDateTime endedAt, Integer endOdometerKm, LocalDateTime confirmedAt) {
    return new Trips.Trip(51, 31L, 11, "云A12345", 21, DAY.atTime(9, 0), 20_000, endedAt, endOdometerKm, 0, 0, null,
        null, 0, null, confirmedAt);
  }

  private static Trips.Trip open() {
    return trip(null, null, null);
  }

  private static Trips.Trip ended() {
    return trip(DAY.atTime(11, 0), 20_030, null);
  }

  private static Trips.TripEnd end(int odometerKm, Long tollsFen, BigDecimal fuelLitres) {
    return new Trips.TripEnd(odometerKm, tollsFen, null, fuelLitres, null, null);
  }

  @Test
  void theStartReadingIsNoLowerThanTheCarsLast() {
    assertThatCode(() -> Trips.Trip.checkStart(car(), 20_000, false)).doesNotThrowAnyException();
    refusedWith(() -> Trips.Trip.checkStart(car(), 19_999, false), "vehicle.odometerBelowLast");
    refusedWith(() -> Trips.Trip.checkStart(car(), null, false), "vehicle.odometerBelowLast");
  }

  @Test
  void aCarStillOutOnATripDoesNotSetOffAgain() {
    conflictsWith(() -> Trips.Trip.checkStart(car(), 20_000, true), "vehicle.vehicleOnTrip");
  }

  @Test
  void theEndReadingIsNoLowerThanTheStart() {
    assertThatCode(() -> open().checkEnd(end(20_000, null, null))).doesNotThrowAnyException();
    refusedWith(() -> open().checkEnd(end(19_999, null, null)), "vehicle.odometerBelowStart");
  }

  @Test
  void anEndedTripIsNotEndedAgain() {
    conflictsWith(() -> ended().checkEnd(end(20_050, null, null)), "vehicle.tripAlreadyEnded");
  }

  @Test
  void negativeAmountsAndQuantitiesAreRefused() {
    refusedWith(() -> open().checkEnd(end(20_010, -1L, null)), "vehicle.amountInvalid");
    refusedWith(() -> open().checkEnd(end(20_010, 0L, new BigDecimal("-0.5"))), "vehicle.amountInvalid");
  }

  @Test
  void amountsLeftEmptyCountAsZero() {
    Trips.TripEnd reported = open().checkEnd(end(20_010, 1_500L, new BigDecimal("12.5")));
    assertThat(reported.tollsFen()).isEqualTo(1_500L);
    assertThat(reported.parkingFen()).isZero();
    assertThat(reported.energyCostFen()).isZero();
    assertThat(reported.fuelLitres()).isEqualByComparingTo("12.5");
  }

  @Test
  void onlyTheRequesterConfirmsAnEndedTripAndOnlyOnce() {
    assertThatCode(() -> ended().checkConfirmation(REQUESTER, REQUESTER)).doesNotThrowAnyException();
    refusedWith(() -> ended().checkConfirmation(REQUESTER, 99), "vehicle.onlyRequesterConfirms");
    conflictsWith(() -> open().checkConfirmation(REQUESTER, REQUESTER), "vehicle.tripNotEnded");
    conflictsWith(() -> trip(DAY.atTime(11, 0), 20_030, DAY.atTime(12, 0)).checkConfirmation(REQUESTER, REQUESTER),
        "vehicle.tripAlreadyConfirmed");
  }
}
