package cn.smartaffairs.reception;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of 《党政机关国内公务接待管理规定》(2013) that a machine can check, pure and without Spring: no reception
 * without a 公函; one working meal; accompanying diners ≤ 3 for up to 10 guests and ≤ a third of the guests beyond; the
 * meal and room standards; no banned items on the bill; and the four documents agreeing before a reception closes. The
 * values come from {@link ReceptionRuleSet}; each broken rule throws a {@link BusinessRuleException} whose message
 * names it.
 */
public final class ReceptionRules {

  static final int MAX_GUESTS = 200;
  /** No line of a reception's bill reaches ten million yuan; a larger figure is a typing error (and keeps sums exact). */
  static final long MAX_AMOUNT_FEN = 1_000_000_000L;

  private ReceptionRules() {}

  /** A guest as the letter names them. */
  public record Guest(String name, String unit, String post, RankGrade grade) {}

  /** A planned meal. */
  public record Meal(LocalDate date, MealKind kind, int accompanying, long pricePerPersonFen) {}

  /** A planned stay of one guest. */
  public record Stay(RankGrade grade, RoomKind roomKind, int nights, long pricePerNightFen) {}

  /** The 公函: number, sending unit, purpose, dates and at least one guest. */
  public static void checkLetter(String letterNo, String guestUnit, String purpose, LocalDate arrival,
      LocalDate departure, List<Guest> guests) {
    if (letterNo == null || letterNo.isBlank()) {
      throw new BusinessRuleException("reception.rule.letterRequired");
    }
    if (guestUnit == null || guestUnit.isBlank()) {
      throw new BusinessRuleException("reception.rule.guestUnitRequired");
    }
    if (purpose == null || purpose.isBlank()) {
      throw new BusinessRuleException("reception.rule.purposeRequired");
    }
    if (arrival == null || departure == null) {
      throw new BusinessRuleException("reception.rule.datesRequired");
    }
    if (departure.isBefore(arrival)) {
      throw new BusinessRuleException("reception.rule.departureBeforeArrival");
    }
    if (guests == null || guests.isEmpty()) {
      throw new BusinessRuleException("reception.rule.guestsRequired");
    }
    if (guests.size() > MAX_GUESTS) {
      throw new BusinessRuleException("reception.rule.tooManyGuests", MAX_GUESTS);
    }
    for (Guest guest : guests) {
      if (guest == null || blank(guest.name()) || blank(guest.unit()) || blank(guest.post())) {
        throw new BusinessRuleException("reception.rule.guestIncomplete");
      }
    }
  }

  /** At most this many accompanying diners for a party of {@code guests}. */
  public static int maxAccompanying(int guests, ReceptionRuleSet rules) {
    if (guests <= rules.smallGroupMaxGuests()) {
      return rules.smallGroupMaxAccompanying();
    }
    return guests / rules.largeGroupGuestsPerAccompanying();
  }

  /** The plan's meals against the number of working meals, the visit's dates, the diners and the price standard. */
  public static void checkMeals(List<Meal> meals, int guests, LocalDate arrival, LocalDate departure,
      ReceptionRuleSet rules) {
    if (meals.size() > rules.workingMeals()) {
      throw new BusinessRuleException("reception.rule.tooManyMeals", rules.workingMeals());
    }
    int max = maxAccompanying(guests, rules);
    for (Meal meal : meals) {
      if (meal == null || meal.date() == null || meal.kind() == null || meal.accompanying() < 0
          || meal.pricePerPersonFen() < 0) {
        throw new BusinessRuleException("reception.rule.mealIncomplete");
      }
      if (meal.date().isBefore(arrival) || meal.date().isAfter(departure)) {
        throw new BusinessRuleException("reception.rule.mealOutsideVisit", meal.date(), arrival, departure);
      }
      if (meal.accompanying() > max) {
        throw new BusinessRuleException("reception.rule.tooManyAccompanying", guests, max, meal.accompanying());
      }
      Long cap = rules.mealCapFen().get(meal.kind());
      if (cap != null && meal.pricePerPersonFen() > cap) {
        throw new BusinessRuleException("reception.rule.mealOverStandard", yuan(meal.pricePerPersonFen()), yuan(cap));
      }
    }
  }

  /** A guest's room against the standard of their grade; nights within the visit. */
  public static void checkStay(Stay stay, LocalDate arrival, LocalDate departure, ReceptionRuleSet rules) {
    if (stay.roomKind() == null || stay.nights() < 1 || stay.pricePerNightFen() < 0) {
      throw new BusinessRuleException("reception.rule.stayIncomplete");
    }
    long visitNights = Math.max(1, departure.toEpochDay() - arrival.toEpochDay());
    if (stay.nights() > visitNights) {
      throw new BusinessRuleException("reception.rule.stayLongerThanVisit", stay.nights(), visitNights);
    }
    ReceptionRuleSet.RoomStandard standard = rules.room(stay.grade());
    if (!stay.roomKind().within(standard.roomKind())) {
      throw new BusinessRuleException("reception.rule.suiteNotAllowed");
    }
    if (stay.pricePerNightFen() > standard.priceCapFen()) {
      throw new BusinessRuleException("reception.rule.roomOverStandard", yuan(stay.pricePerNightFen()),
          yuan(standard.priceCapFen()));
    }
  }

  /** The first banned word within a consumption item, if any (case-insensitive). */
  public static Optional<String> bannedWordIn(String item, Collection<String> bannedWords) {
    if (item == null) {
      return Optional.empty();
    }
    String text = item.toLowerCase(Locale.ROOT);
    return bannedWords.stream().sorted().filter(word -> text.contains(word.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** A consumption line: within the visit, a positive amount, nothing banned. */
  public static void checkConsumption(String item, long amountFen, LocalDate spentOn, LocalDate arrival,
      LocalDate departure, ReceptionRuleSet rules) {
    if (blank(item) || spentOn == null) {
      throw new BusinessRuleException("reception.rule.consumptionIncomplete");
    }
    if (amountFen <= 0) {
      throw new BusinessRuleException("reception.rule.amountPositive");
    }
    if (amountFen > MAX_AMOUNT_FEN) {
      throw new BusinessRuleException("reception.rule.amountTooLarge", yuan(MAX_AMOUNT_FEN));
    }
    if (spentOn.isBefore(arrival) || spentOn.isAfter(departure)) {
      throw new BusinessRuleException("reception.rule.consumptionOutsideVisit", spentOn, arrival, departure);
    }
    bannedWordIn(item, rules.bannedWords()).ifPresent(word -> {
      throw new BusinessRuleException("reception.rule.bannedItem", word);
    });
  }

  /** What the planned meals and rooms cost: each meal for the guests and the accompanying diners, each room's nights. */
  public static long estimatedCostFen(int guests, List<Meal> meals, List<Stay> stays) {
    long total = 0;
    for (Meal meal : meals) {
      total = Math.addExact(total, Math.multiplyExact((long) guests + meal.accompanying(), meal.pricePerPersonFen()));
    }
    for (Stay stay : stays) {
      total = Math.addExact(total, Math.multiplyExact((long) stay.nights(), stay.pricePerNightFen()));
    }
    return total;
  }

  /** What the four documents say at closing. */
  public record Documents(boolean letterRegistered, boolean approved, int consumptionLines, long consumptionTotalFen,
      boolean listGenerated, int guests, Integer listGuests, Long listTotalFen, LocalDate arrival, LocalDate departure,
      LocalDate listArrival, LocalDate listDeparture) {}

  /**
   * The four documents (公函, 接待审批单, 消费清单, 接待清单) are all present and agree: the 接待清单 names as many
   * guests as the letter, the same dates and the consumption list's total.
   */
  public static void checkClosing(Documents documents) {
    if (!documents.letterRegistered()) {
      throw new BusinessRuleException("reception.rule.letterRequired");
    }
    if (!documents.approved()) {
      throw new BusinessRuleException("reception.close.notApproved");
    }
    if (documents.consumptionLines() == 0) {
      throw new BusinessRuleException("reception.close.noConsumption");
    }
    if (!documents.listGenerated()) {
      throw new BusinessRuleException("reception.close.noList");
    }
    if (documents.listGuests() == null || documents.listGuests() != documents.guests()) {
      throw new BusinessRuleException("reception.close.guestCountDiffers", documents.listGuests(), documents.guests());
    }
    if (!documents.arrival().equals(documents.listArrival())
        || !documents.departure().equals(documents.listDeparture())) {
      throw new BusinessRuleException("reception.close.datesDiffer");
    }
    if (documents.listTotalFen() == null || documents.listTotalFen() != documents.consumptionTotalFen()) {
      throw new BusinessRuleException("reception.close.amountsDiffer",
          yuan(documents.listTotalFen() == null ? 0 : documents.listTotalFen()),
          yuan(documents.consumptionTotalFen()));
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String yuan(long fen) {
    return cn.smartaffairs.platform.Money.ofFen(fen).toString();
  }
}
