package cn.smartaffairs.asset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of the shortest useful life of a class from a day on, for the region or (platform admin) the nation. */
public class LifeRuleForm implements Serializable {

  @NotBlank private String classCode;
  @NotNull
  @Min(1)
  @Max(1200) private Integer lifeMonths;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  private boolean national;

  public String getClassCode() { return classCode; }
  public void setClassCode(String classCode) { this.classCode = classCode; }
  public Integer getLifeMonths() { return lifeMonths; }
  public void setLifeMonths(Integer lifeMonths) { this.lifeMonths = lifeMonths; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
