package cn.smartaffairs.reception;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The working meal as planned again (after a refusal, or before submission): it replaces the planned meals. */
public class MealForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private MealKind kind = MealKind.LUNCH;
  @NotNull
  @Min(0)
  @Max(100) private Integer accompanying;
  @NotBlank
  @YuanAmount private String price;
  private boolean inCanteen;

  NewReception.MealLine line() {
    return new NewReception.MealLine(date, kind, accompanying, Money.ofFormYuan(price).fen(), inCanteen);
  }

  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public MealKind getKind() { return kind; }
  public void setKind(MealKind kind) { this.kind = kind; }
  public Integer getAccompanying() { return accompanying; }
  public void setAccompanying(Integer accompanying) { this.accompanying = accompanying; }
  public String getPrice() { return price; }
  public void setPrice(String price) { this.price = price; }
  public boolean isInCanteen() { return inCanteen; }
  public void setInCanteen(boolean inCanteen) { this.inCanteen = inCanteen; }
}
