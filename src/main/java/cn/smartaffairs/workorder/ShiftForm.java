package cn.smartaffairs.workorder;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** A duty shift (值班) of one handler, for all kinds of orders or one; kept in the session when refused. */
public class ShiftForm implements Serializable {

  @NotNull private Long userId;
  private String kind;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime startsAt;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime endsAt;

  public Long getUserId() { return userId; }
  public void setUserId(Long userId) { this.userId = userId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public LocalDateTime getStartsAt() { return startsAt; }
  public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
  public LocalDateTime getEndsAt() { return endsAt; }
  public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
}
