package cn.smartaffairs.approval;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** Who stands in for whom, from when until when (Beijing time); kept in the session when refused. */
public class DeputyForm implements Serializable {

  @NotNull private Long principalId;
  @NotNull private Long deputyId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime from;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime until;

  public Long getPrincipalId() { return principalId; }
  public void setPrincipalId(Long principalId) { this.principalId = principalId; }
  public Long getDeputyId() { return deputyId; }
  public void setDeputyId(Long deputyId) { this.deputyId = deputyId; }
  public LocalDateTime getFrom() { return from; }
  public void setFrom(LocalDateTime from) { this.from = from; }
  public LocalDateTime getUntil() { return until; }
  public void setUntil(LocalDateTime until) { this.until = until; }
}
