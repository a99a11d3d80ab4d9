package cn.smartaffairs.space.rental;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A safety check (安全检查) of a let property: when, by whom, the result and what was found. */
public class SafetyCheckForm implements Serializable {

  @NotNull private Long lettableId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate checkedOn;
  @NotBlank
  @Size(max = 40) private String inspector;
  @NotBlank private String result;
  @Size(max = 1000) private String notes;

  RentalRecords.NewSafetyCheck toNewSafetyCheck() {
    return new RentalRecords.NewSafetyCheck(lettableId, checkedOn, inspector, result, notes);
  }

  public Long getLettableId() { return lettableId; }
  public void setLettableId(Long lettableId) { this.lettableId = lettableId; }
  public LocalDate getCheckedOn() { return checkedOn; }
  public void setCheckedOn(LocalDate checkedOn) { this.checkedOn = checkedOn; }
  public String getInspector() { return inspector; }
  public void setInspector(String inspector) { this.inspector = inspector; }
  public String getResult() { return result; }
  public void setResult(String result) { this.result = result; }
  public String getNotes() { return notes; }
  public void setNotes(String notes) { this.notes = notes; }
}
