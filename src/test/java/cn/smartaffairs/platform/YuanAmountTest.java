package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a yuan field of a form takes, and the fen it becomes. */
class YuanAmountTest {

  record Plain(@YuanAmount String yuan) {}

  record Signed(@YuanAmount(signed = true) String yuan) {}

  record Rounded(@YuanAmount(rounded = true) String yuan) {}

  static jakarta.validation.ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  @Test
  void anAmountWithAtMostTwoDecimalsOrGroupedOrEmptyIsTaken() {
    assertThat(validator.validate(new Plain("12.5"))).isEmpty();
    assertThat(validator.validate(new Plain("1,234.50"))).isEmpty();
    assertThat(validator.validate(new Plain(""))).as("empty is @NotBlank's to refuse").isEmpty();
    assertThat(validator.validate(new Plain(null))).isEmpty();
  }

  @Test
  void textThatIsNoAmountAThirdDecimalOrANegativeAmountIsRefused() {
    assertThat(validator.validate(new Plain("十元"))).hasSize(1);
    assertThat(validator.validate(new Plain("12.3.4"))).hasSize(1);
    assertThat(validator.validate(new Plain("12.345"))).hasSize(1);
    assertThat(validator.validate(new Plain("-1"))).hasSize(1);
    assertThat(validator.validate(new Signed("-1"))).isEmpty();
  }

  @Test
  void aRoundingFieldTakesAThirdDecimalAndRoundsItToTheFen() {
    assertThat(validator.validate(new Rounded("12.345"))).isEmpty();
    assertThat(Money.ofFormYuanRounded("12.345").fen()).isEqualTo(1235);
    assertThat(Money.ofFormYuanRounded(" ")).isNull();
    assertThat(validator.validate(new Rounded("-0.01"))).hasSize(1);
  }

  @Test
  void anAmountTooLargeToWriteOutIsRefusedAtOnce() {
    assertThat(validator.validate(new Rounded("1e999999999"))).hasSize(1);
    assertThat(validator.validate(new Plain("1e999999999"))).hasSize(1);
  }

  @Test
  void aValidFieldBecomesFenAndAnEmptyOneNothing() {
    assertThat(Money.ofFormYuan("1,234.5").fen()).isEqualTo(123450);
    assertThat(Money.ofFormYuan("")).isNull();
  }
}
