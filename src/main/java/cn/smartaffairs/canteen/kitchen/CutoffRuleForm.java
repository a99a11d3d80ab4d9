package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** When pre-orders of a meal close (days before, at a time of day), from a day on; the rules decide the ranges. */
public class CutoffRuleForm implements Serializable {

  @NotNull private Meal meal;
  @NotNull private Integer daysBefore;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime cutoffTime;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  public Meal getMeal() { return meal; }
  public void setMeal(Meal meal) { this.meal = meal; }
  public Integer getDaysBefore() { return daysBefore; }
  public void setDaysBefore(Integer daysBefore) { this.daysBefore = daysBefore; }
  public LocalTime getCutoffTime() { return cutoffTime; }
  public void setCutoffTime(LocalTime cutoffTime) { this.cutoffTime = cutoffTime; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
