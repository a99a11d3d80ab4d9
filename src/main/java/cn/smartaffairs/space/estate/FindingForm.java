package cn.smartaffairs.space.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A problem found at a unit (检查发现的问题) and the day it must be put right by; photos travel beside it. */
public class FindingForm implements Serializable {

  @NotNull private Long unitId;
  private Long itemId;
  @Size(max = 200) private String location;
  @NotBlank
  @Size(max = 1000) private String description;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate deadline;

  EstateRecords.NewFinding toNewFinding(long campaignId) {
    return new EstateRecords.NewFinding(campaignId, unitId, itemId, null, location, description, deadline);
  }

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public Long getItemId() { return itemId; }
  public void setItemId(Long itemId) { this.itemId = itemId; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public LocalDate getDeadline() { return deadline; }
  public void setDeadline(LocalDate deadline) { this.deadline = deadline; }
}
