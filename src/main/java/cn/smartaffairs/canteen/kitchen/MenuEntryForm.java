package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A dish put on one meal of one day's menu; kept in the session when refused. */
public class MenuEntryForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Meal meal;
  @NotNull private Long dishId;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Meal getMeal() { return meal; }
  public void setMeal(Meal meal) { this.meal = meal; }
  public Long getDishId() { return dishId; }
  public void setDishId(Long dishId) { this.dishId = dishId; }
}
