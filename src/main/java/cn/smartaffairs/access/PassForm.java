package cn.smartaffairs.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A pass applied for on 我的通行证: the kind, the plate of a vehicle pass, the days and the reason. */
public class PassForm implements Serializable {

  @NotNull private PassKind kind;
  @Size(max = 12) private String plate;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validFrom;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validTo;
  @NotBlank
  @Size(max = 200) private String reason;

  PassDraft draft() {
    return new PassDraft(kind, plate, validFrom, validTo, reason);
  }

  public PassKind getKind() { return kind; }
  public void setKind(PassKind kind) { this.kind = kind; }
  public String getPlate() { return plate; }
  public void setPlate(String plate) { this.plate = plate; }
  public LocalDate getValidFrom() { return validFrom; }
  public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
  public LocalDate getValidTo() { return validTo; }
  public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
