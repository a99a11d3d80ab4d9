package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.reception.ReceptionRules.Documents;
import cn.smartaffairs.reception.ReceptionRules.Guest;
import cn.smartaffairs.reception.ReceptionRules.Meal;
import cn.smartaffairs.reception.ReceptionRules.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reception rules at their boundaries, with the national default values (RULES.md §3). */
class ReceptionRulesTest {

  static final ReceptionRuleSet NATIONAL = new ReceptionRuleSet(1, 10, 3, 3,
      Map.of(MealKind.BREAKFAST, 5000L, MealKind.LUNCH, 9000L, MealKind.DINNER, 9000L),
      Map.of(RankGrade.PROVINCIAL_HEAD, new ReceptionRuleSet.RoomStandard(RoomKind.SUITE, 80000),
          RankGrade.BUREAU_HEAD, new ReceptionRuleSet.RoomStandard(RoomKind.STANDARD, 45000),
          RankGrade.STAFF, new ReceptionRuleSet.RoomStandard(RoomKind.STANDARD, 30000)),
      Set.of("鱼翅", "燕窝", "香烟", "茅台"));

  static final LocalDate ARRIVAL = LocalDate.of(2026, 12, 8);
  static final LocalDate DEPARTURE = LocalDate.of(2026, 12, 10);

  static String brokenRule(Runnable check) {
    try {
      check.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  @ParameterizedTest(name = "{0} guests → at most {1} accompanying")
  @CsvSource({"1, 3", "9, 3", "10, 3", "11, 3", "12, 4", "14, 4", "15, 5", "30, 10", "31, 10"})
  void accompanyingDinersAreThreeUpToTenGuestsThenAThirdRoundedDown(int guests, int max) {
    assertThat(ReceptionRules.maxAccompanying(guests, NATIONAL)).isEqualTo(max);
  }

  @ParameterizedTest(name = "{0} guests with {1} accompanying → {2}")
  @CsvSource({"10, 3, ok", "10, 4, reception.rule.tooManyAccompanying", "11, 3, ok",
      "11, 4, reception.rule.tooManyAccompanying", "12, 4, ok", "12, 5, reception.rule.tooManyAccompanying"})
  void aMealWithTooManyAccompanyingDinersIsRefused(int guests, int accompanying, String expected) {
    var meal = new Meal(ARRIVAL, MealKind.LUNCH, accompanying, 9000);
    String broken = brokenRule(() -> ReceptionRules.checkMeals(List.of(meal), guests, ARRIVAL, DEPARTURE, NATIONAL));
    assertThat(broken == null ? "ok" : broken).isEqualTo(expected);
  }

  @Test
  void aRegionThatAllowsTwoDinersForSmallPartiesIsHeldToTwo() {
    var stricter = new ReceptionRuleSet(1, 5, 2, 3, NATIONAL.mealCapFen(), NATIONAL.rooms(), NATIONAL.bannedWords());
    assertThat(ReceptionRules.maxAccompanying(5, stricter)).isEqualTo(2);
    assertThat(ReceptionRules.maxAccompanying(6, stricter)).isEqualTo(2);
    assertThat(ReceptionRules.maxAccompanying(9, stricter)).isEqualTo(3);
  }

  @Test
  void theMealPriceMayReachTheStandardButNotExceedIt() {
    assertThatCode(() -> ReceptionRules.checkMeals(List.of(new Meal(ARRIVAL, MealKind.LUNCH, 1, 9000)), 4, ARRIVAL,
        DEPARTURE, NATIONAL)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReceptionRules.checkMeals(List.of(new Meal(ARRIVAL, MealKind.LUNCH, 1, 9001)), 4,
        ARRIVAL, DEPARTURE, NATIONAL)).hasMessage("reception.rule.mealOverStandard");
    assertThatThrownBy(() -> ReceptionRules.checkMeals(List.of(new Meal(ARRIVAL, MealKind.BREAKFAST, 1, 5001)), 4,
        ARRIVAL, DEPARTURE, NATIONAL)).hasMessage("reception.rule.mealOverStandard");
  }

  @Test
  void onlyTheWorkingMealsTheRuleAllowsMayBePlanned() {
    var one = new Meal(ARRIVAL, MealKind.LUNCH, 1, 8000);
    var two = new Meal(DEPARTURE, MealKind.LUNCH, 1, 8000);
    assertThatCode(() -> ReceptionRules.checkMeals(List.of(one), 4, ARRIVAL, DEPARTURE, NATIONAL))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ReceptionRules.checkMeals(List.of(one, two), 4, ARRIVAL, DEPARTURE, NATIONAL))
        .hasMessage("reception.rule.tooManyMeals");
  }

  @Test
  void aMealOutsideTheVisitIsRefusedOnTheFirstAndLastDayItIsNot() {
    assertThat(brokenRule(() -> ReceptionRules.checkMeals(List.of(new Meal(ARRIVAL.minusDays(1), MealKind.LUNCH, 0,
        100)), 2, ARRIVAL, DEPARTURE, NATIONAL))).isEqualTo("reception.rule.mealOutsideVisit");
    assertThat(brokenRule(() -> ReceptionRules.checkMeals(List.of(new Meal(DEPARTURE, MealKind.DINNER, 0, 100)), 2,
        ARRIVAL, DEPARTURE, NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkMeals(List.of(new Meal(DEPARTURE.plusDays(1), MealKind.LUNCH, 0,
        100)), 2, ARRIVAL, DEPARTURE, NATIONAL))).isEqualTo("reception.rule.mealOutsideVisit");
  }

  @Test
  void noReceptionWithoutALetterOrGuests() {
    var guest = new Guest("张三", "省财政厅", "处长", null);
    assertThat(brokenRule(() -> ReceptionRules.checkLetter(" ", "省财政厅", "调研", ARRIVAL, DEPARTURE,
        List.of(guest)))).isEqualTo("reception.rule.letterRequired");
    assertThat(brokenRule(() -> ReceptionRules.checkLetter("财函〔2026〕1号", "省财政厅", "调研", ARRIVAL, DEPARTURE,
        List.of()))).isEqualTo("reception.rule.guestsRequired");
    assertThat(brokenRule(() -> ReceptionRules.checkLetter("财函〔2026〕1号", "省财政厅", "调研", DEPARTURE, ARRIVAL,
        List.of(guest)))).isEqualTo("reception.rule.departureBeforeArrival");
    assertThat(brokenRule(() -> ReceptionRules.checkLetter("财函〔2026〕1号", "省财政厅", "调研", ARRIVAL, ARRIVAL,
        List.of(guest)))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkLetter("财函〔2026〕1号", "省财政厅", "调研", ARRIVAL, DEPARTURE,
        List.of(new Guest("李四", "省财政厅", " ", null))))).isEqualTo("reception.rule.guestIncomplete");
  }

  @Test
  void aSuiteOnlyForTheGradesTheRuleAllowsAndNotAboveThePrice() {
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(RankGrade.PROVINCIAL_HEAD, RoomKind.SUITE, 2, 80000),
        ARRIVAL, DEPARTURE, NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(RankGrade.BUREAU_HEAD, RoomKind.SUITE, 2, 40000),
        ARRIVAL, DEPARTURE, NATIONAL))).isEqualTo("reception.rule.suiteNotAllowed");
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(RankGrade.PROVINCIAL_HEAD, RoomKind.STANDARD, 1,
        30000), ARRIVAL, DEPARTURE, NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(null, RoomKind.STANDARD, 2, 30000), ARRIVAL,
        DEPARTURE, NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(null, RoomKind.STANDARD, 2, 30001), ARRIVAL,
        DEPARTURE, NATIONAL))).isEqualTo("reception.rule.roomOverStandard");
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(RankGrade.SECTION_HEAD, RoomKind.STANDARD, 2,
        30000), ARRIVAL, DEPARTURE, NATIONAL))).as("a grade the table does not name has the STAFF standard").isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkStay(new Stay(null, RoomKind.STANDARD, 3, 30000), ARRIVAL,
        DEPARTURE, NATIONAL))).isEqualTo("reception.rule.stayLongerThanVisit");
  }

  @Test
  void bannedItemsAreFoundWithinTheItemsWords() {
    assertThat(ReceptionRules.bannedWordIn("红烧鱼翅（位）", NATIONAL.bannedWords())).contains("鱼翅");
    assertThat(ReceptionRules.bannedWordIn("家常豆腐", NATIONAL.bannedWords())).isEmpty();
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("贵州茅台 2瓶", 300000, ARRIVAL, ARRIVAL, DEPARTURE,
        NATIONAL))).isEqualTo("reception.rule.bannedItem");
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("工作餐", 36000, ARRIVAL, ARRIVAL, DEPARTURE,
        NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("工作餐", 0, ARRIVAL, ARRIVAL, DEPARTURE, NATIONAL)))
        .isEqualTo("reception.rule.amountPositive");
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("会场租赁", ReceptionRules.MAX_AMOUNT_FEN, ARRIVAL,
        ARRIVAL, DEPARTURE, NATIONAL))).isNull();
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("会场租赁", ReceptionRules.MAX_AMOUNT_FEN + 1, ARRIVAL,
        ARRIVAL, DEPARTURE, NATIONAL))).isEqualTo("reception.rule.amountTooLarge");
    assertThat(brokenRule(() -> ReceptionRules.checkConsumption("工作餐", 100, DEPARTURE.plusDays(1), ARRIVAL,
        DEPARTURE, NATIONAL))).isEqualTo("reception.rule.consumptionOutsideVisit");
  }

  @Test
  void theEstimateCountsGuestsAndAccompanyingDinersAndEveryNight() {
    long fen = ReceptionRules.estimatedCostFen(4, List.of(new Meal(ARRIVAL, MealKind.LUNCH, 2, 9000)),
        List.of(new Stay(null, RoomKind.STANDARD, 2, 30000), new Stay(null, RoomKind.STANDARD, 1, 25000)));
    assertThat(fen).isEqualTo(6 * 9000 + 2 * 30000 + 25000);
  }

  static Documents complete() {
    return new Documents(true, true, 2, 90000, true, 3, 3, 90000L, ARRIVAL, DEPARTURE, ARRIVAL, DEPARTURE);
  }

  @Test
  void aReceptionClosesOnlyWithFourConsistentDocuments() {
    assertThatCode(() -> ReceptionRules.checkClosing(complete())).doesNotThrowAnyException();
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, false, 2, 90000, true, 3, 3, 90000L,
        ARRIVAL, DEPARTURE, ARRIVAL, DEPARTURE)))).isEqualTo("reception.close.notApproved");
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, true, 0, 0, true, 3, 3, 0L, ARRIVAL,
        DEPARTURE, ARRIVAL, DEPARTURE)))).isEqualTo("reception.close.noConsumption");
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, true, 2, 90000, false, 3, null, null,
        ARRIVAL, DEPARTURE, null, null)))).isEqualTo("reception.close.noList");
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, true, 2, 90000, true, 4, 3, 90000L,
        ARRIVAL, DEPARTURE, ARRIVAL, DEPARTURE)))).isEqualTo("reception.close.guestCountDiffers");
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, true, 2, 90000, true, 3, 3, 90000L,
        ARRIVAL, DEPARTURE.plusDays(1), ARRIVAL, DEPARTURE)))).isEqualTo("reception.close.datesDiffer");
    assertThat(brokenRule(() -> ReceptionRules.checkClosing(new Documents(true, true, 3, 90001, true, 3, 3, 90000L,
        ARRIVAL, DEPARTURE, ARRIVAL, DEPARTURE)))).isEqualTo("reception.close.amountsDiffer");
  }

  @Test
  void statesAllowOnlyTheirMoves() {
    assertThat(ReceptionStatus.REGISTERED.after(ReceptionStatus.Move.SUBMIT))
        .isEqualTo(ReceptionStatus.PENDING_APPROVAL);
    assertThat(ReceptionStatus.REJECTED.allows(ReceptionStatus.Move.EDIT_PLAN)).isTrue();
    assertThat(ReceptionStatus.PENDING_APPROVAL.allows(ReceptionStatus.Move.EDIT_PLAN)).isFalse();
    assertThat(ReceptionStatus.APPROVED.allows(ReceptionStatus.Move.SUBMIT)).isFalse();
    assertThatThrownBy(() -> ReceptionStatus.CLOSED.after(ReceptionStatus.Move.CANCEL))
        .isInstanceOf(cn.smartaffairs.platform.ConflictException.class);
  }
}
