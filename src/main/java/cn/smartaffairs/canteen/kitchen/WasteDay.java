package cn.smartaffairs.canteen.kitchen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** 浪费率: the day's weighed waste by kind against the food prepared, meal by meal and for the whole day. */
public record WasteDay(CanteenSite site, LocalDate date, List<MealWaste> meals) {

  public record MealWaste(Meal meal, BigDecimal preparedKg, BigDecimal preparationKg, BigDecimal unsoldKg,
      BigDecimal plateKg) {

    public BigDecimal wasteKg() {
      return preparationKg.add(unsoldKg).add(plateKg);
    }

    /** Waste ÷ food prepared; null while nothing prepared has been weighed. */
    public BigDecimal rate() {
      return WasteDay.rate(wasteKg(), preparedKg);
    }
  }

  public BigDecimal preparedKg() {
    return meals.stream().map(MealWaste::preparedKg).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal wasteKg() {
    return meals.stream().map(MealWaste::wasteKg).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The daily waste rate: all waste of the day ÷ all food prepared that day, to four decimals. */
  public BigDecimal rate() {
    return rate(wasteKg(), preparedKg());
  }

  static BigDecimal rate(BigDecimal waste, BigDecimal prepared) {
    return prepared.signum() == 0 ? null : waste.divide(prepared, 4, RoundingMode.HALF_UP);
  }
}
