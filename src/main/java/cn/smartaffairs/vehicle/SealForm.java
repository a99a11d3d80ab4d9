package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** 节假日封存: the first and last day a vehicle stays sealed; kept in the session when refused. */
public class SealForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate from;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate to;

  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate from) { this.from = from; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate to) { this.to = to; }
}
