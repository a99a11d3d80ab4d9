package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;

/** 发放月度补贴: the month whose subsidies every account of the region receives (once). */
public class SubsidyForm implements Serializable {

  @NotNull
  @DateTimeFormat(pattern = "yyyy-MM") private YearMonth month;

  public YearMonth getMonth() { return month; }
  public void setMonth(YearMonth month) { this.month = month; }
}
