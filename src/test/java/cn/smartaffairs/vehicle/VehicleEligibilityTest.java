package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.vehicle.VehicleEligibility.Facts;
import cn.smartaffairs.vehicle.VehicleEligibility.Need;
import cn.smartaffairs.vehicle.VehicleEligibility.Reason;
import cn.smartaffairs.vehicle.VehicleEligibility.SealedDays;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of who may go out: plain facts in, reasons out, no Spring. */
class VehicleEligibilityTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 8);

  private static Facts car(VehicleStatus status, LocalDate insurance, LocalDate inspection, SealedDays... seals) {
    return new Facts(status, VehicleCategory.LAW_ENFORCEMENT, 4, insurance, inspection, List.of(seals));
  }

  private static Need trip(int passengers) {
    return new Need(DAY, DAY, VehicleCategory.LAW_ENFORCEMENT, passengers);
  }

  @Test
  void aVehicleInOrderMayGo() {
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, DAY, DAY), trip(4))).isEmpty();
  }

  @Test
  void insuranceAndInspectionAreValidThroughTheirLastDayOnly() {
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, DAY.minusDays(1), DAY), trip(1)))
        .containsExactly(Reason.INSURANCE_LAPSED);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, DAY, DAY.minusDays(1)), trip(1)))
        .containsExactly(Reason.INSPECTION_LAPSED);
    // a trip that ends the day after the insurance ends is not covered on its last day
    Need overnight = new Need(DAY.minusDays(1), DAY, VehicleCategory.LAW_ENFORCEMENT, 1);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, DAY.minusDays(1), DAY), overnight))
        .containsExactly(Reason.INSURANCE_LAPSED);
  }

  @Test
  void aSealOnAnyDayOfTheTripBarsTheVehicleAndOneEndedBeforeDoesNot() {
    LocalDate far = DAY.plusYears(1);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, far, far, new SealedDays(DAY, DAY.plusDays(6))),
        trip(1))).containsExactly(Reason.SEALED);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, far, far,
        new SealedDays(DAY.minusDays(7), DAY.minusDays(1))), trip(1))).isEmpty();
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.SEALED, far, far), trip(1))).containsExactly(Reason.SEALED);
  }

  @Test
  void aVehicleInRepairIsNotInService() {
    LocalDate far = DAY.plusYears(1);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.REPAIR, far, far), trip(1)))
        .containsExactly(Reason.NOT_IN_SERVICE);
  }

  @Test
  void categoryAndSeatsComeFromTheRequest() {
    LocalDate far = DAY.plusYears(1);
    Need confidential = new Need(DAY, DAY, VehicleCategory.CONFIDENTIAL, 5);
    assertThat(VehicleEligibility.reasons(car(VehicleStatus.IN_SERVICE, far, far), confidential))
        .containsExactly(Reason.WRONG_CATEGORY, Reason.TOO_FEW_SEATS);
  }

  @Test
  void everyReasonIsNamedAndOnlyTheDaysOnesConcernTheDay() {
    Facts wreck = car(VehicleStatus.SEALED, DAY.minusDays(1), DAY.minusDays(1));
    assertThat(VehicleEligibility.reasons(wreck, new Need(DAY, DAY, VehicleCategory.OTHER, 30)))
        .containsExactly(Reason.SEALED, Reason.INSURANCE_LAPSED, Reason.INSPECTION_LAPSED, Reason.WRONG_CATEGORY,
            Reason.TOO_FEW_SEATS);
    assertThat(VehicleEligibility.onDays(wreck, DAY, DAY))
        .containsExactly(Reason.SEALED, Reason.INSURANCE_LAPSED, Reason.INSPECTION_LAPSED)
        .allMatch(Reason::concernsTheDay);
    assertThat(Reason.WRONG_CATEGORY.concernsTheDay()).isFalse();
  }
}
