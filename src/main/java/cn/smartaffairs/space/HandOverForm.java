package cn.smartaffairs.space;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A room offered to another unit from a day, for a reason (移交); it moves when that unit receives it. */
public class HandOverForm implements Serializable {

  @NotNull(message = "{space.unitRequired}") private Long toUnitId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate on;
  @NotBlank
  @Size(max = AllocationRules.MAX_REASON) private String reason;

  public Long getToUnitId() { return toUnitId; }
  public void setToUnitId(Long toUnitId) { this.toUnitId = toUnitId; }
  public LocalDate getOn() { return on; }
  public void setOn(LocalDate on) { this.on = on; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
