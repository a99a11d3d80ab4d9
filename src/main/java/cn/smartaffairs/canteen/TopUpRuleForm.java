package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of the region's online top-up limits, in yuan, and how long an unpaid order waits, in minutes. */
public class TopUpRuleForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @NotBlank
  @YuanAmount private String maxPerTopUpYuan;
  @NotBlank
  @YuanAmount private String maxPerDayYuan;
  @NotNull
  @Min(1)
  @Max(1440) private Integer orderLifetimeMinutes;

  long maxPerTopUpFen() {
    return Money.ofFormYuan(maxPerTopUpYuan).fen();
  }

  long maxPerDayFen() {
    return Money.ofFormYuan(maxPerDayYuan).fen();
  }

  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getMaxPerTopUpYuan() { return maxPerTopUpYuan; }
  public void setMaxPerTopUpYuan(String maxPerTopUpYuan) { this.maxPerTopUpYuan = maxPerTopUpYuan; }
  public String getMaxPerDayYuan() { return maxPerDayYuan; }
  public void setMaxPerDayYuan(String maxPerDayYuan) { this.maxPerDayYuan = maxPerDayYuan; }
  public Integer getOrderLifetimeMinutes() { return orderLifetimeMinutes; }
  public void setOrderLifetimeMinutes(Integer orderLifetimeMinutes) {
    this.orderLifetimeMinutes = orderLifetimeMinutes;
  }
}
