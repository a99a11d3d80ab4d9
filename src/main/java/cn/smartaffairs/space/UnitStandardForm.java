package cn.smartaffairs.space;

import cn.smartaffairs.organisation.GovernmentLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new version of a per-unit building grade (建筑面积等级): m² per approved head, and the smaller figure above a head
 * count; that the larger unit's figure is the smaller is the rule table's.
 */
public class UnitStandardForm implements Serializable {

  @NotNull private GovernmentLevel governmentLevel;
  @NotBlank
  @Size(max = 10) private String buildingGrade;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.standardArea}")
  @DecimalMax(value = "999.99", message = "{space.form.standardArea}")
  @Digits(integer = 3, fraction = 2, message = "{space.form.standardArea}") private BigDecimal useAreaPerHead;
  @NotNull
  @Min(value = 1, message = "{space.form.headcount}") private Integer largeUnitHeadcount;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.standardArea}")
  @DecimalMax(value = "999.99", message = "{space.form.standardArea}")
  @Digits(integer = 3, fraction = 2, message = "{space.form.standardArea}") private BigDecimal largeUnitPerHead;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @Size(max = 200) private String source;
  private boolean national;

  public GovernmentLevel getGovernmentLevel() { return governmentLevel; }
  public void setGovernmentLevel(GovernmentLevel governmentLevel) { this.governmentLevel = governmentLevel; }
  public String getBuildingGrade() { return buildingGrade; }
  public void setBuildingGrade(String buildingGrade) { this.buildingGrade = buildingGrade; }
  public BigDecimal getUseAreaPerHead() { return useAreaPerHead; }
  public void setUseAreaPerHead(BigDecimal useAreaPerHead) { this.useAreaPerHead = useAreaPerHead; }
  public Integer getLargeUnitHeadcount() { return largeUnitHeadcount; }
  public void setLargeUnitHeadcount(Integer largeUnitHeadcount) { this.largeUnitHeadcount = largeUnitHeadcount; }
  public BigDecimal getLargeUnitPerHead() { return largeUnitPerHead; }
  public void setLargeUnitPerHead(BigDecimal largeUnitPerHead) { this.largeUnitPerHead = largeUnitPerHead; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
