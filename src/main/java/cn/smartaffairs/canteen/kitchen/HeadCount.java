package cn.smartaffairs.canteen.kitchen;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** 报餐人数: diners of one meal and the portions of each dish the kitchen is to cook. */
public record HeadCount(CanteenSite site, LocalDate date, Meal meal, long diners, ZonedDateTime cutoff,
    List<Dish> dishes) {

  public record Dish(String name, long portions) {}
}
