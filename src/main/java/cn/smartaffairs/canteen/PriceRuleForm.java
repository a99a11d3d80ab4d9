package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of a meal's price for a category when the terminal sends no amount: its hours and its price in yuan. */
public class PriceRuleForm implements Serializable {

  @NotBlank private String mealPeriod;
  @NotBlank private String category;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime startsAt;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime endsAt;
  @NotBlank
  @YuanAmount private String priceYuan;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  long priceFen() {
    return Money.ofFormYuan(priceYuan).fen();
  }

  public String getMealPeriod() { return mealPeriod; }
  public void setMealPeriod(String mealPeriod) { this.mealPeriod = mealPeriod; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public LocalTime getStartsAt() { return startsAt; }
  public void setStartsAt(LocalTime startsAt) { this.startsAt = startsAt; }
  public LocalTime getEndsAt() { return endsAt; }
  public void setEndsAt(LocalTime endsAt) { this.endsAt = endsAt; }
  public String getPriceYuan() { return priceYuan; }
  public void setPriceYuan(String priceYuan) { this.priceYuan = priceYuan; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
