package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  void publishedCodesOfRealCompaniesAreValid() {
    assertThat(CreditCode.isValid("91110108551385082Q")).isTrue();
    assertThat(CreditCode.isValid("91440300708461136T")).isTrue();
    assertThat(CreditCode.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
  }

  @Test
  void aWrongCheckCharacterATypoOrAForbiddenLetterIsRefused() {
    assertThat(CreditCode.isValid("91110108551385082R")).as("check character").isFalse();
    assertThat(CreditCode.isValid("91110108551385083Q")).as("one digit changed").isFalse();
    assertThat(CreditCode.isValid("9111010855138508IQ")).as("I is not in the alphabet").isFalse();
    assertThat(CreditCode.isValid("91110108551385082")).as("17 characters").isFalse();
    assertThat(CreditCode.isValid(null)).isFalse();
  }

  @Test
  void theCheckCharacterCompletesAnyValidPrefix() {
    String prefix = "12350000MB0123456";
    assertThat(CreditCode.isValid(prefix + CreditCode.checkCharacter(prefix))).isTrue();
  }
}
