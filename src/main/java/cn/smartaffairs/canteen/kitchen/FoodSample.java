package cn.smartaffairs.canteen.kitchen;

import java.time.OffsetDateTime;

/** 留样: the sealed sample of one dish of one meal, labelled with dish, weight, time and the person who took it. */
public record FoodSample(long id, long menuItemId, String dishName, java.time.LocalDate serveDate, Meal meal,
    int weightGrams, OffsetDateTime takenAt, String takenBy, OffsetDateTime keepUntil,
    String storage, OffsetDateTime discardedAt) {

  public boolean mayBeDiscardedAt(java.time.Instant now) {
    return discardedAt == null && !now.isBefore(keepUntil.toInstant());
  }
}
