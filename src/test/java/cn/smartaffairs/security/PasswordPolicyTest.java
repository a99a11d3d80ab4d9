package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A password has at least 8 characters from at least 3 of: lower case, upper case, digits, other characters. */
class PasswordPolicyTest {

  @ParameterizedTest
  @ValueSource(strings = {"Demo@2026", "abcdefG1", "abcdef1!", "ABCDEF1!", "abcdeFG!", "aB3$aB3$aB3$", "abc123中文中文"})
  void passwordsWithEightCharactersOfThreeClassesAreAccepted(String password) {
    assertThat(PasswordPolicy.isAcceptable(password)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ab1!xyz", "aB3$", ""})
  void passwordsShorterThanEightAreRefusedEvenWithEveryClass(String password) {
    assertThat(PasswordPolicy.isAcceptable(password)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "!@#$%^&*()_+", "password2026",
      "PASSWORD2026",
      "Passwordpassword", "2026!!!!2026", "密码密码密码密码密码"})
  void passwordsOfOnlyOneOrTwoClassesAreRefusedHoweverLong(String password) {
    assertThat(PasswordPolicy.isAcceptable(password)).isFalse();
  }

  @Test
  void nullIsRefused() {
    assertThat(PasswordPolicy.isAcceptable(null)).isFalse();
  }

  @Test
  void checkNamesTheRuleAndItsNumbersForTheMessage() {
    assertThatThrownBy(() -> PasswordPolicy.check("weak"))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("account.passwordTooWeak");
          assertThat(e.arguments()).containsExactly(8, 3);
        });
  }

  @Test
  void checkLetsAnAcceptablePasswordThrough() {
    PasswordPolicy.check("Strong#2026");
  }
}
