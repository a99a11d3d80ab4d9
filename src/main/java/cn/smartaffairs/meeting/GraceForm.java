package cn.smartaffairs.meeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of 签到时限: the minutes after a meeting's start before an unchecked booking is released. */
public class GraceForm implements Serializable {

  @NotNull
  @Min(value = 1, message = "{meeting.graceInvalid}")
  @Max(value = 240, message = "{meeting.graceInvalid}") private Integer graceMinutes;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  public Integer getGraceMinutes() { return graceMinutes; }
  public void setGraceMinutes(Integer graceMinutes) { this.graceMinutes = graceMinutes; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
