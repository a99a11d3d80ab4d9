package cn.smartaffairs.workorder;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a category's deadlines (respond, resolve) from a day on; kept in the session when refused. */
public class DeadlineRuleForm implements Serializable {

  @NotBlank private String category;
  @NotBlank private String priority;
  @NotNull
  @Min(value = 1, message = "{workOrderRule.mustBePositive}") private Integer respondMinutes;
  @NotNull
  @Min(value = 0, message = "{workOrderRule.notNegative}") private Integer resolveWorkingDays;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  private boolean national;

  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getPriority() { return priority; }
  public void setPriority(String priority) { this.priority = priority; }
  public Integer getRespondMinutes() { return respondMinutes; }
  public void setRespondMinutes(Integer respondMinutes) { this.respondMinutes = respondMinutes; }
  public Integer getResolveWorkingDays() { return resolveWorkingDays; }
  public void setResolveWorkingDays(Integer resolveWorkingDays) { this.resolveWorkingDays = resolveWorkingDays; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
