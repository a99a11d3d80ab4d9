package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 会议费上限 = attendees × days × the class's cap per person and day, in fen, shown in yuan without needless zeros. */
class FeeCapTest {

  @Test
  void theCapIsAttendeesTimesDaysTimesTheDailyRate() {
    assertThat(new FeeCap(3, 40, 2, 55_000).totalFen()).isEqualTo(40L * 2 * 55_000);
  }

  @Test
  void aMeetingWithoutAttendeesOrDaysMayCostNothing() {
    assertThat(new FeeCap(3, 0, 2, 55_000).totalFen()).isZero();
    assertThat(new FeeCap(3, 40, 0, 55_000).totalFen()).isZero();
  }

  @Test
  void wholeYuanAreShownWithoutDecimals() {
    assertThat(new FeeCap(2, 10, 1, 60_000).totalYuan()).isEqualTo("6000");
    assertThat(new FeeCap(2, 10, 1, 60_000).perPersonDayYuan()).isEqualTo("600");
  }

  @Test
  void jiaoAndFenAreShownOnlyAsFarAsThereAreAny() {
    assertThat(FeeCap.yuan(12_350)).isEqualTo("123.5");
    assertThat(FeeCap.yuan(12_345)).isEqualTo("123.45");
    assertThat(FeeCap.yuan(0)).isEqualTo("0");
  }

  @Test
  void anOverflowingCapIsRefusedRatherThanWrappedToANegativeAmount() {
    assertThatThrownBy(() -> new FeeCap(1, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE / 2).totalFen())
        .isInstanceOf(ArithmeticException.class);
  }
}
