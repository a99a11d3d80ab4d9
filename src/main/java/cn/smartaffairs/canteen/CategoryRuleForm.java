package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of a category's rule: the monthly subsidy, the subsidy cap per meal and the daily limit, in yuan. */
public class CategoryRuleForm implements Serializable {

  @NotBlank private String category;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @NotBlank
  @YuanAmount private String monthlySubsidyYuan;
  @YuanAmount private String capYuan;
  @YuanAmount private String dailyLimitYuan;

  long monthlySubsidyFen() {
    return Money.ofFormYuan(monthlySubsidyYuan).fen();
  }

  /** The cap, or null when none is typed. */
  Long capFen() {
    return fenOrNull(capYuan);
  }

  /** The daily limit, or null when none is typed. */
  Long dailyLimitFen() {
    return fenOrNull(dailyLimitYuan);
  }

  static Long fenOrNull(String yuan) {
    Money money = Money.ofFormYuan(yuan);
    return money == null ? null : money.fen();
  }

  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getMonthlySubsidyYuan() { return monthlySubsidyYuan; }
  public void setMonthlySubsidyYuan(String monthlySubsidyYuan) { this.monthlySubsidyYuan = monthlySubsidyYuan; }
  public String getCapYuan() { return capYuan; }
  public void setCapYuan(String capYuan) { this.capYuan = capYuan; }
  public String getDailyLimitYuan() { return dailyLimitYuan; }
  public void setDailyLimitYuan(String dailyLimitYuan) { this.dailyLimitYuan = dailyLimitYuan; }
}
