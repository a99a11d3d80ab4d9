package cn.smartaffairs.space;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a recovery deadline (腾退期限): how many months, 1 to 24, from a day. */
public class DeadlineForm implements Serializable {

  @NotNull private AreaStandards.Deadline kind;
  @NotNull
  @Min(value = 1, message = "{space.form.months}")
  @Max(value = 24, message = "{space.form.months}") private Integer months;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @Size(max = 200) private String source;
  private boolean national;

  public AreaStandards.Deadline getKind() { return kind; }
  public void setKind(AreaStandards.Deadline kind) { this.kind = kind; }
  public Integer getMonths() { return months; }
  public void setMonths(Integer months) { this.months = months; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
