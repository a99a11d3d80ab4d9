package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Sample weight and keeping time, licence reminders, from a day on; the legal minimums are the rules' to check. */
public class FoodSafetyRuleForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @NotNull private Integer sampleMinGrams;
  @NotNull private Integer sampleKeepHours;
  @NotNull private Integer licenceReminderDays;

  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public Integer getSampleMinGrams() { return sampleMinGrams; }
  public void setSampleMinGrams(Integer sampleMinGrams) { this.sampleMinGrams = sampleMinGrams; }
  public Integer getSampleKeepHours() { return sampleKeepHours; }
  public void setSampleKeepHours(Integer sampleKeepHours) { this.sampleKeepHours = sampleKeepHours; }
  public Integer getLicenceReminderDays() { return licenceReminderDays; }
  public void setLicenceReminderDays(Integer licenceReminderDays) { this.licenceReminderDays = licenceReminderDays; }
}
