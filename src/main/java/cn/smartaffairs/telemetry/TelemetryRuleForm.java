package cn.smartaffairs.telemetry;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a positioning rule (定位与核查规则): a whole number from a day on, with its source. */
public class TelemetryRuleForm implements Serializable {

  @NotNull private TelemetryRules.Key key;
  /** Each key's range is checked by {@link TelemetryRules#addVersion} and, last, by the database. */
  @NotNull private Integer value;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  /** The national default rather than the region's own; only the platform administrator may set it. */
  private boolean national;
  @Size(max = 200) private String source;

  public TelemetryRules.Key getKey() { return key; }
  public void setKey(TelemetryRules.Key key) { this.key = key; }
  public Integer getValue() { return value; }
  public void setValue(Integer value) { this.value = value; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
}
