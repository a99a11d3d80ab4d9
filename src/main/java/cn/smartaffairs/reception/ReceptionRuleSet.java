package cn.smartaffairs.reception;

import java.util.Map;
import java.util.Set;

/**
 * The reception rules in force for a region on a day (read by {@link ReceptionRuleTables#inForce}): how many working
 * meals a reception may have, the accompanying-diner limits, the meal price standards per person, the room standard
 * by rank grade and the words that may not appear on a consumption list.
 */
public record ReceptionRuleSet(int workingMeals, int smallGroupMaxGuests, int smallGroupMaxAccompanying,
    int largeGroupGuestsPerAccompanying, Map<MealKind, Long> mealCapFen, Map<RankGrade, RoomStandard> rooms,
    Set<String> bannedWords) {

  /** The room a grade may have and its price per night. */
  public record RoomStandard(RoomKind roomKind, long priceCapFen) {}

  public ReceptionRuleSet {
    mealCapFen = Map.copyOf(mealCapFen);
    rooms = Map.copyOf(rooms);
    bannedWords = Set.copyOf(bannedWords);
  }

  /** The standard of a grade; a grade the table does not name gets that of {@link RankGrade#STAFF}. */
  public RoomStandard room(RankGrade grade) {
    RoomStandard own = rooms.get(grade == null ? RankGrade.STAFF : grade);
    return own != null ? own : rooms.get(RankGrade.STAFF);
  }
}
