package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The limits every text and date entering the platform must keep, checked without a request. */
class InputLimitsRulesTest {

  private static void refusedWith(Runnable check, String messageKey) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(InputLimits.Refused.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
  }

  @Test
  void aTextOfTwoThousandCharactersIsTakenAndOneMoreIsRefusedNamingTheLimit() {
    assertThatCode(() -> InputLimits.checkText("字".repeat(2000))).doesNotThrowAnyException();
    assertThatThrownBy(() -> InputLimits.checkText("字".repeat(2001)))
        .isInstanceOfSatisfying(InputLimits.Refused.class, e -> {
          assertThat(e.messageKey()).isEqualTo("error.input.tooLong");
          assertThat(e.arguments()).containsExactly(2000);
        });
  }

  @Test
  void tabsAndLineBreaksAreOrdinaryText() {
    assertThatCode(() -> InputLimits.checkText("第一行\r\n第二行\t备注")).doesNotThrowAnyException();
  }

  @Test
  void aNulCharacterIsRefused() {
    refusedWith(() -> InputLimits.checkText("abc\u0000def"), "error.input.controlCharacter");
  }

  @Test
  void deleteAndTheC1ControlCharactersAreRefused() {
    refusedWith(() -> InputLimits.checkText("a\u007fb"), "error.input.controlCharacter");
    refusedWith(() -> InputLimits.checkText("a\u0085b"), "error.input.controlCharacter");
    refusedWith(() -> InputLimits.checkText("a\u001bb"), "error.input.controlCharacter");
  }

  @Test
  void unicodeNonCharactersAreRefused() {
    refusedWith(() -> InputLimits.checkText("a\ufffeb"), "error.input.controlCharacter");
    refusedWith(() -> InputLimits.checkText("a\uffffb"), "error.input.controlCharacter");
  }

  @Test
  void aNoBreakSpaceAndChineseTextPass() {
    assertThatCode(() -> InputLimits.checkText("机关\u00a0事务 ①")).doesNotThrowAnyException();
  }

  @Test
  void aMissingTextIsNotTheseLimitsConcern() {
    assertThatCode(() -> InputLimits.checkText(null)).doesNotThrowAnyException();
  }

  @Test
  void yearsFrom1900To9999AreTaken() {
    assertThatCode(() -> InputLimits.checkYear(LocalDate.of(1900, 1, 1))).doesNotThrowAnyException();
    assertThatCode(() -> InputLimits.checkYear(LocalDate.of(9999, 12, 31))).doesNotThrowAnyException();
    assertThatCode(() -> InputLimits.checkYear(YearMonth.of(2025, 3))).doesNotThrowAnyException();
  }

  @Test
  void aDateBefore1900OrAfter9999IsRefusedNamingTheRange() {
    assertThatThrownBy(() -> InputLimits.checkYear(LocalDate.of(1899, 12, 31)))
        .isInstanceOfSatisfying(InputLimits.Refused.class, e -> {
          assertThat(e.messageKey()).isEqualTo("error.input.yearOutOfRange");
          assertThat(e.arguments()).containsExactly(1900, 9999);
        });
    refusedWith(() -> InputLimits.checkYear(LocalDateTime.of(10000, 1, 1, 0, 0)), "error.input.yearOutOfRange");
  }

  @Test
  void momentsAreHeldToTheSameYearsEvenAtTheFarEndsOfTheirRange() {
    assertThatCode(() -> InputLimits.checkYear(Instant.parse("1900-01-01T00:00:00Z"))).doesNotThrowAnyException();
    assertThatCode(() -> InputLimits.checkYear(Instant.parse("9999-12-31T23:59:59Z"))).doesNotThrowAnyException();
    refusedWith(() -> InputLimits.checkYear(Instant.parse("1899-12-31T23:59:59Z")), "error.input.yearOutOfRange");
    refusedWith(() -> InputLimits.checkYear(Instant.MAX), "error.input.yearOutOfRange");
    refusedWith(() -> InputLimits.checkYear(Instant.MIN), "error.input.yearOutOfRange");
  }

  @Test
  void valuesWithoutAYearPass() {
    assertThatCode(() -> InputLimits.checkYear(LocalTime.NOON)).doesNotThrowAnyException();
    assertThatCode(() -> InputLimits.checkYear("not a date")).doesNotThrowAnyException();
    assertThatCode(() -> InputLimits.checkYear(null)).doesNotThrowAnyException();
  }
}
