package cn.smartaffairs.workorder;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** The region's overdue ladder: remind before the deadline, supervise after it; kept in the session when refused. */
public class EscalationForm implements Serializable {

  @NotNull
  @Min(value = 1, message = "{workOrderRule.mustBePositive}") private Integer remindBeforeMinutes;
  @NotNull
  @Min(value = 0, message = "{workOrderRule.notNegative}") private Integer superviseAfterWorkDays;

  public Integer getRemindBeforeMinutes() { return remindBeforeMinutes; }
  public void setRemindBeforeMinutes(Integer remindBeforeMinutes) { this.remindBeforeMinutes = remindBeforeMinutes; }
  public Integer getSuperviseAfterWorkDays() { return superviseAfterWorkDays; }
  public void setSuperviseAfterWorkDays(Integer superviseAfterWorkDays) {
    this.superviseAfterWorkDays = superviseAfterWorkDays;
  }
}
