package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The arithmetic of the area check. */
class AreaCheckTest {

  @Test
  void aSharedRoomIsDividedEquallyToTheHundredth() {
    assertThat(AreaCheck.share(new BigDecimal("30.00"), 2)).isEqualByComparingTo("15.00");
    assertThat(AreaCheck.share(new BigDecimal("20.00"), 3)).isEqualByComparingTo("6.67");
    assertThatThrownBy(() -> AreaCheck.share(BigDecimal.TEN, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theExcessIsWhatLiesAboveTheAllowanceAndNeverNegative() {
    assertThat(AreaCheck.excess(new BigDecimal("30"), new BigDecimal("24"))).isEqualByComparingTo("6");
    assertThat(AreaCheck.excess(new BigDecimal("9"), new BigDecimal("9"))).isEqualByComparingTo("0");
    assertThat(AreaCheck.excess(new BigDecimal("8"), new BigDecimal("9"))).isEqualByComparingTo("0");
  }

  @Test
  void aLargeUnitGetsTheLowerPerHeadArea() {
    BigDecimal perHead = new BigDecimal("15");
    BigDecimal large = new BigDecimal("12");
    assertThat(AreaCheck.unitAllowance(200, perHead, 200, large)).isEqualByComparingTo("3000");
    assertThat(AreaCheck.unitAllowance(201, perHead, 200, large)).isEqualByComparingTo("2412");
  }
}
