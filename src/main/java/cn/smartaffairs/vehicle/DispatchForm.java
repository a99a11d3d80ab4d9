package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 派车 by hand on the board: the request's row, the vehicle and driver chosen for it, and the board's day to go back
 * to; the hard rules are the domain's ({@link Dispatching#dispatchByHand}).
 */
public class DispatchForm implements Serializable {

  @NotNull private Long requestId;
  @NotNull private Long vehicleId;
  @NotNull private Long driverId;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;

  /** The board of the form's day, or of today when it names none. */
  String board() {
    return date == null ? "/vehicles/board" : "/vehicles/board?date=" + date;
  }

  public Long getRequestId() { return requestId; }
  public void setRequestId(Long requestId) { this.requestId = requestId; }
  public Long getVehicleId() { return vehicleId; }
  public void setVehicleId(Long vehicleId) { this.vehicleId = vehicleId; }
  public Long getDriverId() { return driverId; }
  public void setDriverId(Long driverId) { this.driverId = driverId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
}
