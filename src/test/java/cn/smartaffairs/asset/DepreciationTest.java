package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Depreciation by 政府会计准则第3号: straight line, no residual value, monthly from the month of acquisition. */
class DepreciationTest {

  private static final LocalDate MARCH_10 = LocalDate.of(2024, 3, 10);

  @Test
  void theMonthOfAcquisitionIsTheFirstMonthCharged() {
    Depreciation.Standing march = Depreciation.at(720_000, MARCH_10, true, 72, YearMonth.of(2024, 3));

    assertThat(march.monthsCharged()).isEqualTo(1);
    assertThat(march.accumulatedFen()).isEqualTo(10_000);
    assertThat(march.bookValueFen()).isEqualTo(710_000);
  }

  @Test
  void aMonthBeforeAcquisitionChargesNothing() {
    Depreciation.Standing february = Depreciation.at(720_000, MARCH_10, true, 72, YearMonth.of(2024, 2));

    assertThat(february.accumulatedFen()).isZero();
    assertThat(february.bookValueFen()).isEqualTo(720_000);
  }

  @Test
  void straightLineOverTheLife() {
    Depreciation.Standing afterTwoYears = Depreciation.at(720_000, MARCH_10, true, 72, YearMonth.of(2026, 2));

    assertThat(afterTwoYears.monthsCharged()).isEqualTo(24);
    assertThat(afterTwoYears.accumulatedFen()).isEqualTo(240_000);
    assertThat(afterTwoYears.bookValueFen()).isEqualTo(480_000);
  }

  @Test
  void noResidualValueAndNothingMoreOnceFullyDepreciated() {
    Depreciation.Standing lastMonth = Depreciation.at(720_000, MARCH_10, true, 72, YearMonth.of(2030, 2));
    Depreciation.Standing yearsLater = Depreciation.at(720_000, MARCH_10, true, 72, YearMonth.of(2035, 6));

    assertThat(lastMonth.bookValueFen()).isZero();
    assertThat(lastMonth.fullyDepreciated()).isTrue();
    assertThat(yearsLater.monthsCharged()).isEqualTo(72);
    assertThat(yearsLater.accumulatedFen()).isEqualTo(720_000);
  }

  @Test
  void monthlyChargesInWholeFenAddUpToTheOriginalValue() {
    long value = 1_000_001;
    int life = 72;

    long sum = IntStream.rangeClosed(1, life).mapToLong(m -> Depreciation.chargeOf(value, life, m)).sum();

    assertThat(sum).isEqualTo(value);
    assertThat(IntStream.rangeClosed(1, life).mapToLong(m -> Depreciation.chargeOf(value, life, m)))
        .allMatch(charge -> charge == 13_889 || charge == 13_888);
    assertThat(Depreciation.chargeOf(value, life, life + 1)).isZero();
  }

  @Test
  void landAndHeritageAreNotDepreciated() {
    Depreciation.Standing land = Depreciation.at(50_000_000_00L, LocalDate.of(2000, 1, 1), false, null,
        YearMonth.of(2026, 12));

    assertThat(land.accumulatedFen()).isZero();
    assertThat(land.bookValueFen()).isEqualTo(50_000_000_00L);
    assertThat(land.fullyDepreciated()).isFalse();
  }

  @Test
  void aDepreciatedAssetNeedsALife() {
    assertThatThrownBy(() -> Depreciation.at(100, MARCH_10, true, null, YearMonth.of(2024, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
