package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.access.ResidentIdNumber.Problem;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GB 11643-1999: length 18, area, a date of birth that exists, and the ISO 7064 MOD 11-2 check character. */
class ResidentIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

  @ParameterizedTest
  @ValueSource(strings = {
      "11010519491231002X", // the standard's own example, check character X
      "440304200002291236", // born on 29 February of a leap year
      "320102198001010016",
      "11010519000101001X", // born on the first day the platform accepts
      "510107202612070014"}) // born yesterday
  void numbersThatPassEveryCheckAreValid(String number) {
    assertThat(ResidentIdNumber.problem(number, TODAY)).isEmpty();
    assertThat(ResidentIdNumber.parse(number, TODAY).value()).isEqualTo(number);
  }

  @Test
  void aLowerCaseXAndSpacesAreAcceptedAsTyped() {
    assertThat(ResidentIdNumber.parse(" 110105 19491231 002x ", TODAY).value()).isEqualTo("11010519491231002X");
  }

  @ParameterizedTest
  @CsvSource({
      "'', MISSING",
      "11010519491231002, LENGTH", // 17 characters
      "11010519491231002X1, LENGTH", // 19
      "110105194912310, LENGTH", // the old 15-digit number is not accepted
      "1101051949123100XX, CHARACTERS", // X only as the check character
      "11010519491231002Y, CHARACTERS",
      "１１０１０５１９４９１２３１００２X, CHARACTERS", // full-width digits
      "010105194912310026, AREA", // no region 0
      "110000194912310022, AREA", // a province with no city and county
      "110105194913310021, BIRTH_DATE", // month 13
      "440304199902291236, BIRTH_DATE", // 29 February 1999 never was
      "510107202612090015, BIRTH_DATE", // born tomorrow
      "110105189912310023, BIRTH_DATE", // before 1900
      "110105194912310021, CHECK_DIGIT", // the example with 1 where X belongs
      "110105194912310020, CHECK_DIGIT",
      "440304200002291237, CHECK_DIGIT"})
  void eachBrokenCheckIsNamed(String number, Problem problem) {
    assertThat(ResidentIdNumber.problem(ResidentIdNumber.normalise(number), TODAY)).contains(problem);
    assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY)).isInstanceOf(InvalidIdNumberException.class)
        .hasMessage("access.idNumber." + problem.name());
  }

  @Test
  void theCheckCharacterUsesTheWeightsOfIso7064Mod11Dash2() {
    // Σ = 1×7 + 1×9 + 0×10 + 1×5 + 0×8 + 5×4 + 1×2 + 9×1 + 4×6 + 9×3 + 1×7 + 2×9 + 3×10 + 1×5 + 0×8 + 0×4 + 2×2 = 167,
    // 167 mod 11 = 2 → X
    assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(ResidentIdNumber.checkCharacter("44030420000229123")).isEqualTo('6');
  }

  @Test
  void theNumberIsShownMaskedAndNeverWholeInItsText() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
    assertThat(id.masked()).isEqualTo("110***********002X");
    assertThat(id.toString()).doesNotContain("19491231");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
  }
}
