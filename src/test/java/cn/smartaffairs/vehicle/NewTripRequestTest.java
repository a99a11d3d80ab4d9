package cn.smartaffairs.vehicle;

import static cn.smartaffairs.vehicle.RuleTestData.DAY;
import static cn.smartaffairs.vehicle.RuleTestData.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** 提交用车申请: what a request must hold before it goes to approval, checked on the draft alone. */
class NewTripRequestTest {

  private static final TripRequest.Stop CENTRE = new TripRequest.Stop("市行政中心", 25.0, 102.7);
  private static final TripRequest.Stop ARCHIVE = new TripRequest.Stop("市档案馆", 25.01, 102.71);

  private static NewTripRequest draft(String purpose, Integer passengers, VehicleCategory category) {
    return draft(purpose, passengers, category, DAY.atTime(9, 0), DAY.atTime(11, 0));
  }

  private static NewTripRequest draft(String purpose, Integer passengers, VehicleCategory category,
      LocalDateTime start, LocalDateTime end) {
    return new NewTripRequest(purpose, passengers, category, null, CENTRE, null, List.of(ARCHIVE), start, end, null);
  }

  private static Instant at(LocalDateTime beijing) {
    return beijing.atZone(PlatformConfiguration.ZONE).toInstant();
  }

  @Test
  void aPurposeIsRequiredAndAtMostTwoHundredCharacters() {
    refusedWith(() -> draft("  ", 2, VehicleCategory.OTHER).checkParty(), "vehicle.purposeRequired");
    refusedWith(() -> draft(null, 2, VehicleCategory.OTHER).checkParty(), "vehicle.purposeRequired");
    refusedWith(() -> draft("字".repeat(201), 2, VehicleCategory.OTHER).checkParty(), "vehicle.purposeRequired");
    assertThatCode(() -> draft(" " + "字".repeat(200) + " ", 2, VehicleCategory.OTHER).checkParty())
        .doesNotThrowAnyException();
    assertThat(draft(" 调研 ", 2, VehicleCategory.OTHER).trimmedPurpose()).isEqualTo("调研");
  }

  @Test
  void oneToFiftyNinePassengersRide() {
    refusedWith(() -> draft("调研", 0, VehicleCategory.OTHER).checkParty(), "vehicle.passengersInvalid");
    refusedWith(() -> draft("调研", 60, VehicleCategory.OTHER).checkParty(), "vehicle.passengersInvalid");
    refusedWith(() -> draft("调研", null, VehicleCategory.OTHER).checkParty(), "vehicle.passengersInvalid");
    assertThatCode(() -> draft("调研", 59, VehicleCategory.OTHER).checkParty()).doesNotThrowAnyException();
  }

  @Test
  void aCategoryIsRequired() {
    refusedWith(() -> draft("调研", 2, null).checkParty(), "vehicle.categoryRequired");
  }

  @Test
  void aPartyLargerThanEveryCarOfTheCategoryIsRefusedNamingTheSeats() {
    assertThatThrownBy(() -> draft("六人调研", 6, VehicleCategory.OTHER).checkFitsOneVehicle(OptionalInt.of(4)))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("vehicle.tooManyPassengers");
          assertThat(e.arguments()).containsExactly(6, "其他按规定配备", 4);
        });
    assertThatCode(() -> draft("四人调研", 4, VehicleCategory.OTHER).checkFitsOneVehicle(OptionalInt.of(4)))
        .doesNotThrowAnyException();
  }

  @Test
  void aRegionWithoutTheCategoryMayStillAskForMutualAid() {
    assertThatCode(() -> draft("应急", 30, VehicleCategory.EMERGENCY).checkFitsOneVehicle(OptionalInt.empty()))
        .doesNotThrowAnyException();
  }

  @Test
  void aRouteNeedsAnOriginAndAStopEachNamedAndOnTheGlobe() {
    assertThatCode(() -> NewTripRequest.checkRoute(CENTRE, List.of(ARCHIVE))).doesNotThrowAnyException();
    refusedWith(() -> NewTripRequest.checkRoute(null, List.of(ARCHIVE)), "vehicle.routeRequired");
    refusedWith(() -> NewTripRequest.checkRoute(CENTRE, List.of()), "vehicle.routeRequired");
    refusedWith(() -> NewTripRequest.checkRoute(CENTRE, List.of(new TripRequest.Stop(" ", 25, 102))),
        "vehicle.routeRequired");
    refusedWith(() -> NewTripRequest.checkRoute(new TripRequest.Stop("北极以北", 91, 102), List.of(ARCHIVE)),
        "vehicle.routeRequired");
  }

  @Test
  void theWindowEndsAfterItStarts() {
    Instant before = at(DAY.atTime(8, 0));
    refusedWith(() -> draft("调研", 2, VehicleCategory.OTHER, DAY.atTime(9, 0), DAY.atTime(9, 0)).checkWindow(before),
        "vehicle.windowInvalid");
    refusedWith(() -> draft("调研", 2, VehicleCategory.OTHER, null, DAY.atTime(9, 0)).checkWindow(before),
        "vehicle.windowInvalid");
  }

  @Test
  void aWindowThatStartedAlreadyIsRefusedInBeijingTime() {
    NewTripRequest nineToEleven = draft("调研", 2, VehicleCategory.OTHER);
    assertThatCode(() -> nineToEleven.checkWindow(at(DAY.atTime(9, 0)))).doesNotThrowAnyException();
    refusedWith(() -> nineToEleven.checkWindow(at(DAY.atTime(9, 1))), "vehicle.windowInThePast");
  }

  @Test
  void aTripReturnsToItsOriginUnlessTheRequesterSaysOtherwise() {
    assertThat(draft("调研", 2, VehicleCategory.OTHER).returns()).isTrue();
    assertThat(new NewTripRequest("调研", 2, VehicleCategory.OTHER, null, CENTRE, null, List.of(ARCHIVE),
        DAY.atTime(9, 0), DAY.atTime(11, 0), false).returns()).isFalse();
  }
}
