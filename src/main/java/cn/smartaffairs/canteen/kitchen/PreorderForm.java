package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 报餐 of one meal: the dishes ticked, one portion each (a dish ticked twice is two). Nothing is typed: a refusal is
 * the page's message.
 */
public class PreorderForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Meal meal;
  private List<Long> item;

  /** The dishes ticked and their portions, in the order ticked. */
  Map<Long, Integer> portions() {
    Map<Long, Integer> portions = new LinkedHashMap<>();
    if (item != null) {
      item.forEach(dish -> portions.merge(dish, 1, Integer::sum));
    }
    return portions;
  }

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Meal getMeal() { return meal; }
  public void setMeal(Meal meal) { this.meal = meal; }
  public List<Long> getItem() { return item; }
  public void setItem(List<Long> item) { this.item = item; }
}
