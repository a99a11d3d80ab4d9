package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.space.rental.LeaseTermRules.TermRule;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules of a lease on their own: no database, no Spring. */
class LeaseRulesTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  private static NewLease lease(LocalDate start, int months, long annualRentFen, String increase) {
    return new NewLease(1, 2, "ZL-2026-001", start, months, RentFrequency.QUARTERLY, annualRentFen,
        increase == null ? null : new BigDecimal(increase));
  }

  private static String keyOf(Runnable rule) {
    try {
      rule.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  private static Lease active(LocalDate start, LocalDate end, LeaseStatus status) {
    return new Lease(7, 1, 1, "临街商铺", 2, "某公司", "ZL-2026-001", start, 36, end, RentFrequency.QUARTERLY,
        12_000_000, null, status, 0, "出租期限", 0, 0);
  }

  @Test
  void aLeaseStatesItsStartRunsAMonthOrMoreAndHasARent() {
    assertThatCode(() -> LeaseRules.checkTerms(lease(START, 36, 12_000_000, "3.5"))).doesNotThrowAnyException();
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(null, 36, 12_000_000, null))))
        .isEqualTo("space.rental.leaseIncomplete");
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(START, 0, 12_000_000, null))))
        .isEqualTo("space.rental.termInvalid");
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(START, 12, 0, null)))).isEqualTo("space.rental.rentInvalid");
  }

  @Test
  void theYearlyIncreaseIsZeroToAHundredPercentWithTwoDecimalsAtMost() {
    assertThatCode(() -> LeaseRules.checkTerms(lease(START, 12, 100, "0"))).doesNotThrowAnyException();
    assertThatCode(() -> LeaseRules.checkTerms(lease(START, 12, 100, "100.00"))).doesNotThrowAnyException();
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(START, 12, 100, "-1"))))
        .isEqualTo("space.rental.increaseInvalid");
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(START, 12, 100, "100.01"))))
        .isEqualTo("space.rental.increaseInvalid");
    assertThat(keyOf(() -> LeaseRules.checkTerms(lease(START, 12, 100, "2.125"))))
        .isEqualTo("space.rental.increaseInvalid");
  }

  @Test
  void aTermLongerThanTheRuleInForceIsRefusedNamingTheRule() {
    TermRule fiveYears = new TermRule(1, null, "出租期限不超过5年", 60, 30, LocalDate.of(2020, 1, 1));
    assertThatCode(() -> LeaseRules.checkTermAllowed(60, fiveYears)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LeaseRules.checkTermAllowed(61, fiveYears))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("space.rental.termTooLong");
          assertThat(e.arguments()).contains(61, "出租期限不超过5年", 60, "2020-01-01");
        });
  }

  @Test
  void onlyAnActiveLeaseEndsEarlyOnADayWithinItsTerm() {
    LocalDate end = LocalDate.of(2028, 12, 31);
    assertThatCode(() -> LeaseRules.checkTermination(active(START, end, LeaseStatus.ACTIVE), START))
        .doesNotThrowAnyException();
    assertThatCode(() -> LeaseRules.checkTermination(active(START, end, LeaseStatus.ACTIVE), end.minusDays(1)))
        .doesNotThrowAnyException();
    assertThat(keyOf(() -> LeaseRules.checkTermination(active(START, end, LeaseStatus.ACTIVE), end)))
        .isEqualTo("space.rental.terminationDateInvalid");
    assertThat(keyOf(() -> LeaseRules.checkTermination(active(START, end, LeaseStatus.ACTIVE), START.minusDays(1))))
        .isEqualTo("space.rental.terminationDateInvalid");
    assertThat(keyOf(() -> LeaseRules.checkTermination(active(START, end, LeaseStatus.ACTIVE), null)))
        .isEqualTo("space.rental.terminationDateInvalid");
    assertThatThrownBy(
        () -> LeaseRules.checkTermination(active(START, end, LeaseStatus.TERMINATED), START.plusMonths(3)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aLeaseIsNotEndedBeforeAPeriodAlreadyPaidFor() {
    assertThatCode(() -> LeaseRules.checkNothingPaidAfter(0)).doesNotThrowAnyException();
    assertThat(keyOf(() -> LeaseRules.checkNothingPaidAfter(1))).isEqualTo("space.rental.terminationAfterPaid");
  }
}
