package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The states of a purchase request and of a received batch decide their own moves. */
class ProcurementStatesTest {

  @Test
  void aQuoteGoesIntoTheRoundThatIsOpenAndNoneOnceAwarded() {
    assertThat(PurchaseRequestStatus.QUOTING.biddingRound()).isEqualTo(OptionalInt.of(1));
    assertThat(PurchaseRequestStatus.SECOND_ROUND.biddingRound()).isEqualTo(OptionalInt.of(2));
    assertThat(PurchaseRequestStatus.AWARDED.biddingRound()).isEmpty();
  }

  @Test
  void theSecondRoundOpensOnlyFromQuotingAndOnlyItEndsInAnAward() {
    assertThat(PurchaseRequestStatus.values()).filteredOn(PurchaseRequestStatus::mayOpenSecondRound)
        .containsExactly(PurchaseRequestStatus.QUOTING);
    assertThat(PurchaseRequestStatus.values()).filteredOn(PurchaseRequestStatus::mayAward)
        .containsExactly(PurchaseRequestStatus.SECOND_ROUND);
  }

  @Test
  void aFailedPesticideTestRejectsTheBatchWhateverTheInspectorTicked() {
    assertThat(PesticideTest.FAIL.verdict(true)).isEqualTo(InspectionResult.REJECTED);
    assertThat(PesticideTest.PASS.verdict(true)).isEqualTo(InspectionResult.ACCEPTED);
    assertThat(PesticideTest.NOT_APPLICABLE.verdict(true)).isEqualTo(InspectionResult.ACCEPTED);
    assertThat(PesticideTest.PASS.verdict(false)).isEqualTo(InspectionResult.REJECTED);
  }

  @Test
  void aTestThatIsNoneOfTheThreeIsRefusedInWords() {
    assertThat(PesticideTest.of("NOT_APPLICABLE")).isEqualTo(PesticideTest.NOT_APPLICABLE);
    assertThatThrownBy(() -> PesticideTest.of("pass")).isInstanceOf(BusinessRuleException.class)
        .hasMessage("canteen.kitchen.pesticideTestRequired");
    assertThatThrownBy(() -> PesticideTest.of(null)).hasMessage("canteen.kitchen.pesticideTestRequired");
  }

  @Test
  void onlyTheTwoFoodLicencesLicenseFood() {
    assertThat(LicenceKind.values()).filteredOn(LicenceKind::food)
        .containsExactly(LicenceKind.FOOD_BUSINESS, LicenceKind.FOOD_PRODUCTION);
    assertThat(LicenceKind.of("ANIMAL_QUARANTINE")).contains(LicenceKind.ANIMAL_QUARANTINE);
    assertThat(LicenceKind.of("FOOD_")).isEmpty();
  }
}
