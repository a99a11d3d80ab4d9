package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A driver's training (培训) or assessment (考核), typed in the driver's row; {@code driverId} is the row's, set from the
 * address, so that a refused record comes back to its own row.
 */
public class DriverRecordForm implements Serializable {

  /** The kinds of record. */
  static final java.util.List<String> KINDS = java.util.List.of("TRAINING", "ASSESSMENT");

  private Long driverId;
  @NotBlank
  @Pattern(regexp = "TRAINING|ASSESSMENT", message = "{vehicle.driverRecordKindInvalid}") private String kind = "TRAINING";
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate heldOn;
  @NotBlank
  @Size(max = 100) private String topic;
  @Size(max = 50) private String result;

  public Long getDriverId() { return driverId; }
  public void setDriverId(Long driverId) { this.driverId = driverId; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public LocalDate getHeldOn() { return heldOn; }
  public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
  public String getTopic() { return topic; }
  public void setTopic(String topic) { this.topic = topic; }
  public String getResult() { return result; }
  public void setResult(String result) { this.result = result; }
}
