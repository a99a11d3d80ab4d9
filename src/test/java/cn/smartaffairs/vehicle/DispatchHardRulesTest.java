package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.RuleTestData.CITY;
import static cn.smartaffairs.vehicle.RuleTestData.COUNTY;
import static cn.smartaffairs.vehicle.RuleTestData.DAY;
import static cn.smartaffairs.vehicle.RuleTestData.booked;
import static cn.smartaffairs.vehicle.RuleTestData.car;
import static cn.smartaffairs.vehicle.RuleTestData.conflictsWith;
import static cn.smartaffairs.vehicle.RuleTestData.driver;
import static cn.smartaffairs.vehicle.RuleTestData.refusedWith;
import static cn.smartaffairs.vehicle.RuleTestData.request;
import static cn.smartaffairs.vehicle.RuleTestData.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 派车的硬性规则, each kept and broken on plain records: the vehicle, its region, the driver, no overlap. */
class DispatchHardRulesTest {

  private static final LocalTime SEVEN = LocalTime.of(7, 0);
  private static final LocalTime SEVEN_PM = LocalTime.of(19, 0);

  private static void check(TripRequest request, Vehicle vehicle, Drivers.Driver driver) {
    DispatchRules.check(request, vehicle, List.of(), driver);
  }

  @Test
  void aCarInServiceOfTheCategoryWithTheSeatsAndADriverOnShiftMayGo() {
    assertThatCode(() -> check(waiting(), car(), driver())).doesNotThrowAnyException();
  }

  @Test
  void aCarInRepairIsNotInService() {
    Vehicle inRepair = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.REPAIR, DAY.plusYears(1), DAY.plusYears(1));
    refusedWith(() -> check(waiting(), inRepair, driver()), "vehicle.notInService");
  }

  @Test
  void aCarSealedOnTheTripsDayIsRefusedNamingTheDay() {
    assertThatThrownBy(() -> DispatchRules.vehicleMayGo(waiting(), car(),
        List.of(new VehicleEligibility.SealedDays(DAY.minusDays(1), DAY.plusDays(1)))))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("vehicle.ineligible.SEALED");
          assertThat(e.arguments()).containsExactly("云A12345", DAY);
        });
    assertThatCode(() -> DispatchRules.vehicleMayGo(waiting(), car(),
        List.of(new VehicleEligibility.SealedDays(DAY.minusDays(7), DAY.minusDays(1))))).doesNotThrowAnyException();
  }

  @Test
  void insuranceMustLastThroughTheTripsLastDay() {
    Vehicle endsThatDay = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY, DAY.plusYears(1));
    Vehicle endedTheDayBefore = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY.minusDays(1),
        DAY.plusYears(1));
    assertThatCode(() -> check(waiting(), endsThatDay, driver())).doesNotThrowAnyException();
    refusedWith(() -> check(waiting(), endedTheDayBefore, driver()), "vehicle.ineligible.INSURANCE_LAPSED");
  }

  @Test
  void theAnnualInspectionMustLastThroughTheTripsLastDay() {
    Vehicle lapsed = car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY.plusYears(1), DAY.minusDays(1));
    refusedWith(() -> check(waiting(), lapsed, driver()), "vehicle.ineligible.INSPECTION_LAPSED");
  }

  @Test
  void aCarOfAnotherCategoryIsRefusedNamingTheCategoryAskedFor() {
    Vehicle lawEnforcement = car(CITY, VehicleCategory.LAW_ENFORCEMENT, 5, VehicleStatus.IN_SERVICE, DAY.plusYears(1),
        DAY.plusYears(1));
    assertThatThrownBy(() -> check(waiting(), lawEnforcement, driver()))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("vehicle.wrongCategory");
          assertThat(e.arguments()).containsExactly("云A12345", "其他按规定配备");
        });
  }

  @Test
  void theDriversSeatDoesNotCountForPassengers() {
    TripRequest four = request(TripRequestStatus.APPROVED, 4, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of());
    TripRequest five = request(TripRequestStatus.APPROVED, 5, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of());
    assertThatCode(() -> check(four, car(), driver())).doesNotThrowAnyException();
    assertThatThrownBy(() -> check(five, car(), driver()))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("vehicle.tooFewSeats");
          assertThat(e.arguments()).containsExactly("云A12345", 4, 5);
        });
  }

  @Test
  void anotherRegionsCarServesOnlyOnceBothRegionsConsented() {
    Vehicle countyCar = car(COUNTY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY.plusYears(1),
        DAY.plusYears(1));
    TripRequest asked = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of(CITY));
    TripRequest agreed = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0),
        List.of(CITY, COUNTY));
    TripRequest onlyTheCounty = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.atTime(11, 0),
        List.of(COUNTY));
    refusedWith(() -> DispatchRules.vehicleRegionMayServe(waiting(), countyCar), "vehicle.aidNotConsented");
    refusedWith(() -> DispatchRules.vehicleRegionMayServe(asked, countyCar), "vehicle.aidNotConsented");
    refusedWith(() -> DispatchRules.vehicleRegionMayServe(onlyTheCounty, countyCar), "vehicle.aidNotConsented");
    assertThatCode(() -> DispatchRules.vehicleRegionMayServe(agreed, countyCar)).doesNotThrowAnyException();
  }

  @Test
  void theDriverBelongsToTheCarsRegion() {
    Drivers.Driver countyDriver = driver(COUNTY, true, DAY.plusYears(2), SEVEN, SEVEN_PM);
    refusedWith(() -> check(waiting(), car(), countyDriver), "vehicle.driverOtherRegion");
  }

  @Test
  void anUnavailableDriverIsRefused() {
    Drivers.Driver onLeave = driver(CITY, false, DAY.plusYears(2), SEVEN, SEVEN_PM);
    refusedWith(() -> check(waiting(), car(), onLeave), "vehicle.driverUnavailable");
  }

  @Test
  void theLicenceMustBeValidThroughTheTripsLastDay() {
    Drivers.Driver endsThatDay = driver(CITY, true, DAY, SEVEN, SEVEN_PM);
    Drivers.Driver endedTheDayBefore = driver(CITY, true, DAY.minusDays(1), SEVEN, SEVEN_PM);
    assertThatCode(() -> check(waiting(), car(), endsThatDay)).doesNotThrowAnyException();
    assertThatThrownBy(() -> check(waiting(), car(), endedTheDayBefore))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("vehicle.licenceExpired");
          assertThat(e.arguments()).containsExactly("张师傅", DAY.minusDays(1));
        });
  }

  @Test
  void theWholeTripLiesWithinTheDriversShiftItsEdgesIncluded() {
    TripRequest edges = request(TripRequestStatus.APPROVED, 2, DAY.atTime(7, 0), DAY.atTime(19, 0), List.of());
    TripRequest evening = request(TripRequestStatus.APPROVED, 2, DAY.atTime(18, 30), DAY.atTime(19, 30), List.of());
    TripRequest early = request(TripRequestStatus.APPROVED, 2, DAY.atTime(6, 30), DAY.atTime(8, 0), List.of());
    assertThatCode(() -> check(edges, car(), driver())).doesNotThrowAnyException();
    refusedWith(() -> check(evening, car(), driver()), "vehicle.outsideShift");
    refusedWith(() -> check(early, car(), driver()), "vehicle.outsideShift");
  }

  @Test
  void aTripPastMidnightIsOnNoShift() {
    Drivers.Driver allDay = driver(CITY, true, DAY.plusYears(2), LocalTime.MIN, LocalTime.MAX);
    TripRequest overnight = request(TripRequestStatus.APPROVED, 2, DAY.atTime(9, 0), DAY.plusDays(1).atTime(8, 0),
        List.of());
    refusedWith(() -> check(overnight, car(), allDay), "vehicle.outsideShift");
  }

  @Test
  void theCarIsNamedBeforeItsRegionAndTheRegionBeforeTheDriver() {
    Vehicle countyCarInRepair = car(COUNTY, VehicleCategory.OTHER, 5, VehicleStatus.REPAIR, DAY.plusYears(1),
        DAY.plusYears(1));
    Drivers.Driver onLeave = driver(CITY, false, DAY.plusYears(2), SEVEN, SEVEN_PM);
    Vehicle countyCar = car(COUNTY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY.plusYears(1),
        DAY.plusYears(1));
    refusedWith(() -> check(waiting(), countyCarInRepair, onLeave), "vehicle.notInService");
    refusedWith(() -> check(waiting(), countyCar, onLeave), "vehicle.aidNotConsented");
  }

  @Test
  void aCarHeldByAnOverlappingDispatchIsBusy() {
    conflictsWith(() -> DispatchRules.bothFree(waiting(), car(), driver(), List.of(booked(11, 99, 10, 12))),
        "vehicle.vehicleBusy");
  }

  @Test
  void aDriverHeldByAnOverlappingDispatchIsBusy() {
    conflictsWith(() -> DispatchRules.bothFree(waiting(), car(), driver(), List.of(booked(99, 21, 8, 10))),
        "vehicle.driverBusy");
  }

  @Test
  void dispatchesThatOnlyTouchTheWindowOrHoldOthersDoNotCollide() {
    List<Booking> held = List.of(booked(11, 21, 7, 9), booked(11, 21, 11, 12), booked(99, 98, 9, 11));
    assertThatCode(() -> DispatchRules.bothFree(waiting(), car(), driver(), held)).doesNotThrowAnyException();
  }
}
