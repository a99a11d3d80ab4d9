package cn.smartaffairs.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of one reception rule value: a count, or an amount typed in yuan for the price standards. */
public class RuleValueForm implements Serializable {

  @NotNull private ReceptionRuleTables.Key key;
  @NotBlank
  @Pattern(regexp = "\\d{1,9}(\\.\\d{1,2})?", message = "{reception.form.valueInvalid}") private String value;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @Size(max = 200) private String source;
  private boolean national;

  /** The value as stored: fen for an amount, the whole number otherwise (a fraction is refused). */
  long storedValue() {
    if (key.money()) {
      return cn.smartaffairs.platform.Money.parseYuan(value).fen();
    }
    if (value.contains(".")) {
      throw new cn.smartaffairs.platform.BusinessRuleException("reception.form.valueWhole");
    }
    return Long.parseLong(value);
  }

  public ReceptionRuleTables.Key getKey() { return key; }
  public void setKey(ReceptionRuleTables.Key key) { this.key = key; }
  public String getValue() { return value; }
  public void setValue(String value) { this.value = value; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
