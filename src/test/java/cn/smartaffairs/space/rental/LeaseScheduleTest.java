package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseScheduleTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Test
  void aMonthlyLeaseOfOneYearOwesTwelveEqualInstalmentsDueOnTheFirstOfEachMonth() {
    List<Instalment> schedule = LeaseSchedule.instalments(START, 12, RentFrequency.MONTHLY, 120_000_00L, null);

    assertThat(schedule).hasSize(12);
    assertThat(schedule).allSatisfy(i -> assertThat(i.amountFen()).isEqualTo(10_000_00L));
    assertThat(schedule.get(0).dueDate()).isEqualTo(START);
    assertThat(schedule.get(0).periodEnd()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(schedule.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(schedule.get(11).periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(LeaseSchedule.endOf(START, 12)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void theLastInstalmentAbsorbsTheRoundingSoTheTotalIsExact() {
    // 100,000.01 yuan a year does not divide into twelve months of whole fen
    List<Instalment> schedule = LeaseSchedule.instalments(START, 12, RentFrequency.MONTHLY, 100_000_01L, null);

    assertThat(LeaseSchedule.total(schedule)).isEqualTo(100_000_01L);
    assertThat(schedule.subList(0, 11)).allSatisfy(i -> assertThat(i.amountFen()).isEqualTo(833_333L));
    assertThat(schedule.get(11).amountFen()).isEqualTo(100_000_01L - 11 * 833_333L);
  }

  @Test
  void aQuarterlyLeaseOfThreeYearsWithAThreePercentIncreaseCompoundsEachAnniversary() {
    List<Instalment> schedule = LeaseSchedule.instalments(START, 36, RentFrequency.QUARTERLY, 400_000_00L,
        new BigDecimal("3"));

    assertThat(schedule).hasSize(12);
    assertThat(schedule.subList(0, 4)).allSatisfy(i -> assertThat(i.amountFen()).isEqualTo(100_000_00L));
    assertThat(schedule.subList(4, 8)).allSatisfy(i -> assertThat(i.amountFen()).isEqualTo(103_000_00L));
    // the third year: 400,000 × 1.03² = 424,360 yuan, 106,090 a quarter
    assertThat(schedule.subList(8, 12)).allSatisfy(i -> assertThat(i.amountFen()).isEqualTo(106_090_00L));
    assertThat(LeaseSchedule.total(schedule)).isEqualTo(400_000_00L + 412_000_00L + 424_360_00L);
    assertThat(schedule.get(4).dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void anIncreaseThatLeavesFractionsOfAFenStillAddsUpToTheRoundedExactTotal() {
    List<Instalment> schedule = LeaseSchedule.instalments(LocalDate.of(2026, 3, 15), 60, RentFrequency.MONTHLY,
        98_765_43L, new BigDecimal("2.75"));

    BigDecimal exact = BigDecimal.ZERO;
    BigDecimal yearRent = new BigDecimal(98_765_43L);
    for (int year = 0; year < 5; year++) {
      exact = exact.add(yearRent);
      yearRent = yearRent.multiply(new BigDecimal("1.0275"));
    }
    assertThat(schedule).hasSize(60);
    assertThat(LeaseSchedule.total(schedule))
        .isEqualTo(exact.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    assertThat(schedule.get(12).amountFen()).as("the second year's months cost 2.75 % more")
        .isEqualTo(Math.round(98_765_43L * 1.0275 / 12));
    assertThat(Math.abs(schedule.get(59).amountFen() - schedule.get(58).amountFen())).isLessThanOrEqualTo(1L);
  }

  @Test
  void aTermThatDoesNotFillTheLastQuarterEndsWithAShorterInstalment() {
    List<Instalment> schedule = LeaseSchedule.instalments(START, 14, RentFrequency.QUARTERLY, 120_000_00L, null);

    assertThat(schedule).hasSize(5);
    assertThat(schedule.get(4).periodStart()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(schedule.get(4).periodEnd()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(schedule.get(4).amountFen()).isEqualTo(20_000_00L);
    assertThat(LeaseSchedule.total(schedule)).isEqualTo(140_000_00L);
  }

  @Test
  void aYearlyLeaseStartingOnTheLastDayOfAMonthKeepsItsPeriodsContiguous() {
    List<Instalment> schedule = LeaseSchedule.instalments(LocalDate.of(2028, 2, 29), 24, RentFrequency.YEARLY,
        50_000_00L, null);

    assertThat(schedule).hasSize(2);
    assertThat(schedule.get(0).periodEnd().plusDays(1)).isEqualTo(schedule.get(1).periodStart());
    assertThat(schedule.get(1).periodEnd()).isEqualTo(LeaseSchedule.endOf(LocalDate.of(2028, 2, 29), 24));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> LeaseSchedule.instalments(START, 0, RentFrequency.MONTHLY, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeaseSchedule.instalments(START, 12, RentFrequency.MONTHLY, 100, new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
