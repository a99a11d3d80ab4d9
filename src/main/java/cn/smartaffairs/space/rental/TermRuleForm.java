package cn.smartaffairs.space.rental;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of the lease-term rule (longest term, reminder lead) from a day on; the ceilings are the rules'. */
public class TermRuleForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String name;
  @NotNull private Integer maxTermMonths;
  @NotNull private Integer reminderLeadDays;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  private boolean national;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Integer getMaxTermMonths() { return maxTermMonths; }
  public void setMaxTermMonths(Integer maxTermMonths) { this.maxTermMonths = maxTermMonths; }
  public Integer getReminderLeadDays() { return reminderLeadDays; }
  public void setReminderLeadDays(Integer reminderLeadDays) { this.reminderLeadDays = reminderLeadDays; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
