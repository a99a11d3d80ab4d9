package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** A member of staff registered as driver (登记驾驶员): licence class and expiry, and the daily shift. */
public class DriverForm implements Serializable {

  /** The licence classes a driver of the fleet may hold (准驾车型). */
  static final java.util.List<String> LICENCE_CLASSES = java.util.List.of("C1", "C2", "B1", "B2", "A1", "A2");

  @NotNull private Long staffId;
  @NotBlank
  @Pattern(regexp = "A1|A2|B1|B2|C1|C2", message = "{vehicle.licenceClassInvalid}") private String licenceClass = "C1";
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate licenceExpires;
  @DateTimeFormat(pattern = "HH:mm") private LocalTime shiftStart = LocalTime.of(7, 30);
  @DateTimeFormat(pattern = "HH:mm") private LocalTime shiftEnd = LocalTime.of(19, 0);

  public Long getStaffId() { return staffId; }
  public void setStaffId(Long staffId) { this.staffId = staffId; }
  public String getLicenceClass() { return licenceClass; }
  public void setLicenceClass(String licenceClass) { this.licenceClass = licenceClass; }
  public LocalDate getLicenceExpires() { return licenceExpires; }
  public void setLicenceExpires(LocalDate licenceExpires) { this.licenceExpires = licenceExpires; }
  public LocalTime getShiftStart() { return shiftStart; }
  public void setShiftStart(LocalTime shiftStart) { this.shiftStart = shiftStart; }
  public LocalTime getShiftEnd() { return shiftEnd; }
  public void setShiftEnd(LocalTime shiftEnd) { this.shiftEnd = shiftEnd; }
}
