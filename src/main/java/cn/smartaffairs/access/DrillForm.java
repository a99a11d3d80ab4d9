package cn.smartaffairs.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A drill held: the unit, the day, emergency or fire, what was drilled and how many took part. */
public class DrillForm implements Serializable {

  @NotNull private Long unitId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate heldOn;
  @NotNull private Drills.Kind kind;
  @NotBlank
  @Size(max = 200) private String title;
  @NotNull
  @Min(1)
  @Max(100_000) private Integer participants;

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public LocalDate getHeldOn() { return heldOn; }
  public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
  public Drills.Kind getKind() { return kind; }
  public void setKind(Drills.Kind kind) { this.kind = kind; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public Integer getParticipants() { return participants; }
  public void setParticipants(Integer participants) { this.participants = participants; }
}
