package cn.smartaffairs.space;

import cn.smartaffairs.organisation.GovernmentLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of one per-person office standard (办公室使用面积标准): level, grade, the most m², from a day. */
public class OfficeStandardForm implements Serializable {

  @NotNull private GovernmentLevel governmentLevel;
  @NotBlank
  @Size(max = 20) private String grade;
  @NotBlank
  @Size(max = 40) private String postLabel;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.standardArea}")
  @DecimalMax(value = "999.99", message = "{space.form.standardArea}")
  @Digits(integer = 3, fraction = 2, message = "{space.form.standardArea}") private BigDecimal maxUseArea;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @Size(max = 200) private String source;
  /** The national default (全国默认) rather than the region's own version: the platform administrator's. */
  private boolean national;

  public GovernmentLevel getGovernmentLevel() { return governmentLevel; }
  public void setGovernmentLevel(GovernmentLevel governmentLevel) { this.governmentLevel = governmentLevel; }
  public String getGrade() { return grade; }
  public void setGrade(String grade) { this.grade = grade; }
  public String getPostLabel() { return postLabel; }
  public void setPostLabel(String postLabel) { this.postLabel = postLabel; }
  public BigDecimal getMaxUseArea() { return maxUseArea; }
  public void setMaxUseArea(BigDecimal maxUseArea) { this.maxUseArea = maxUseArea; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
