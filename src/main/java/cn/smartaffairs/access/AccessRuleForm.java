package cn.smartaffairs.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a security rule value (安保规则): a whole number from a day on, with its source. */
public class AccessRuleForm implements Serializable {

  @NotNull private AccessRules.Key key;
  /** Each key's range is checked by {@link AccessRules#addVersion} and, last, by the database. */
  @NotNull private Integer value;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  /** The national default rather than the region's own; only the platform administrator may set it. */
  private boolean national;
  @Size(max = 200) private String source;

  public AccessRules.Key getKey() { return key; }
  public void setKey(AccessRules.Key key) { this.key = key; }
  public Integer getValue() { return value; }
  public void setValue(Integer value) { this.value = value; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
}
