package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** One weighing of a meal: what was prepared or a kind of waste ({@link WeighingKind}), in kilograms. */
public class WeighingForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Meal meal;
  @NotNull(message = "{canteen.kitchen.wasteKindRequired}") private WeighingKind kind;
  @NotNull
  @Positive(message = "{canteen.kitchen.weightInvalid}")
  @Digits(integer = 8, fraction = 2, message = "{canteen.kitchen.weightInvalid}") private BigDecimal kg;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Meal getMeal() { return meal; }
  public void setMeal(Meal meal) { this.meal = meal; }
  public WeighingKind getKind() { return kind; }
  public void setKind(WeighingKind kind) { this.kind = kind; }
  public BigDecimal getKg() { return kg; }
  public void setKg(BigDecimal kg) { this.kg = kg; }
}
