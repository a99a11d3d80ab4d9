package cn.smartaffairs.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** An incident as reported: when (Beijing time), where and what happened. */
public class IncidentForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime occurredAt;
  @NotBlank
  @Size(max = 100) private String place;
  @NotBlank
  @Size(max = 1000) private String description;

  public LocalDateTime getOccurredAt() { return occurredAt; }
  public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
  public String getPlace() { return place; }
  public void setPlace(String place) { this.place = place; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
}
