package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepConditionTest {

  @Test
  void numbersCompareAsNumbersNotAsText() {
    var aboveFiveThousand = new StepCondition("amount", ">", "5000");
    assertThat(aboveFiveThousand.holds(Map.of("amount", 10000))).isTrue();
    assertThat(aboveFiveThousand.holds(Map.of("amount", "800"))).isFalse();
    assertThat(aboveFiveThousand.holds(Map.of("amount", 5000.0))).isFalse();
    assertThat(new StepCondition("amount", ">=", "5000").holds(Map.of("amount", 5000))).isTrue();
  }

  @Test
  void textComparesForEqualityAndIsoDatesInOrder() {
    assertThat(new StepCondition("destination", "!=", "本市").holds(Map.of("destination", "省城"))).isTrue();
    assertThat(new StepCondition("destination", "=", "本市").holds(Map.of("destination", "本市"))).isTrue();
    assertThat(new StepCondition("returnOn", "<", "2026-12-31").holds(Map.of("returnOn", "2026-12-30"))).isTrue();
  }

  @Test
  void aMissingFactIsRefusedRatherThanSkippingTheStep() {
    assertThatThrownBy(() -> new StepCondition("headCount", ">=", "10").holds(Map.of()))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void anUnknownOperatorIsRefused() {
    assertThatThrownBy(() -> new StepCondition("amount", "=>", "1")).isInstanceOf(BusinessRuleException.class);
  }
}
