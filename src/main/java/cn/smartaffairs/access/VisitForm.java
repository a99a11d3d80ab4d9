package cn.smartaffairs.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A visitor as a host (我的访客) or the visitor (访客预约) types it. Presence and length here; the ID number, the mobile
 * number, the plate and the day are checked by {@link Visits} and refused beside their fields.
 */
public class VisitForm implements Serializable {

  @NotBlank
  @Size(max = 50) private String visitorName;
  @NotBlank
  @Size(max = 30) private String idNumber;
  @NotBlank
  @Size(max = 20) private String mobile;
  @Size(max = 12) private String plate;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate visitOn;
  @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) private LocalTime windowFrom;
  @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) private LocalTime windowTo;
  @NotBlank
  @Size(max = 200) private String purpose;

  VisitDraft draft(Long hostStaffId) {
    return new VisitDraft(visitorName, idNumber, mobile, plate, visitOn, windowFrom, windowTo, purpose, hostStaffId);
  }

  public String getVisitorName() { return visitorName; }
  public void setVisitorName(String visitorName) { this.visitorName = visitorName; }
  public String getIdNumber() { return idNumber; }
  public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
  public String getMobile() { return mobile; }
  public void setMobile(String mobile) { this.mobile = mobile; }
  public String getPlate() { return plate; }
  public void setPlate(String plate) { this.plate = plate; }
  public LocalDate getVisitOn() { return visitOn; }
  public void setVisitOn(LocalDate visitOn) { this.visitOn = visitOn; }
  public LocalTime getWindowFrom() { return windowFrom; }
  public void setWindowFrom(LocalTime windowFrom) { this.windowFrom = windowFrom; }
  public LocalTime getWindowTo() { return windowTo; }
  public void setWindowTo(LocalTime windowTo) { this.windowTo = windowTo; }
  public String getPurpose() { return purpose; }
  public void setPurpose(String purpose) { this.purpose = purpose; }
}
