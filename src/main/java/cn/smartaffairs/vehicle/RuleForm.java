package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a vehicle rule (用车规则): its value from a day on, for one category or all, with its source. */
public class RuleForm implements Serializable {

  @NotNull private VehicleRules.Key key;
  /** Empty for every category. */
  private VehicleCategory category;
  @NotNull
  @DecimalMin("0")
  @DecimalMax("99999999999.999") private BigDecimal value;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  /** The national default rather than the region's own; only the platform administrator may set it. */
  private boolean national;
  @Size(max = 200) private String source;

  public VehicleRules.Key getKey() { return key; }
  public void setKey(VehicleRules.Key key) { this.key = key; }
  public VehicleCategory getCategory() { return category; }
  public void setCategory(VehicleCategory category) { this.category = category; }
  public BigDecimal getValue() { return value; }
  public void setValue(BigDecimal value) { this.value = value; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
}
