package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A compliance flag marked handled (合规预警 · 标记已处理) from its row: the flag's identity (vehicle, kind, day, trip),
 * what the manager noted, and the filtered page to go back to.
 */
public class FlagHandlingForm implements Serializable {

  @NotNull private Long vehicleId;
  @NotNull private VehicleCompliance.Kind kind;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate day;
  private Long tripId;
  @Size(max = 500) private String note;
  private String back;

  /** Back to the same filtered page; only a path of this list is followed, never another address. */
  String target() {
    return back != null && back.startsWith("/vehicles/compliance") && !back.startsWith("//")
        ? back
        : "/vehicles/compliance";
  }

  /** Whether this is the form of the flag in a row of the list. */
  public boolean isFor(VehicleCompliance.Flag flag) {
    return vehicleId != null && flag.is(vehicleId, kind, day, tripId);
  }

  public Long getVehicleId() { return vehicleId; }
  public void setVehicleId(Long vehicleId) { this.vehicleId = vehicleId; }
  public VehicleCompliance.Kind getKind() { return kind; }
  public void setKind(VehicleCompliance.Kind kind) { this.kind = kind; }
  public LocalDate getDay() { return day; }
  public void setDay(LocalDate day) { this.day = day; }
  public Long getTripId() { return tripId; }
  public void setTripId(Long tripId) { this.tripId = tripId; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public String getBack() { return back; }
  public void setBack(String back) { this.back = back; }
}
