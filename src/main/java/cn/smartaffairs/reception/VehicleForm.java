package cn.smartaffairs.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The visit's car: from a named place to another and back, in a window; passengers default to the guests. */
public class VehicleForm implements Serializable {

  @NotNull private Long originPlaceId;
  @NotNull private Long destinationPlaceId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime start;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime end;
  @Min(1)
  @Max(59) private Integer passengers;

  ReceptionPlans.VehicleLine line() {
    return new ReceptionPlans.VehicleLine(originPlaceId, destinationPlaceId, start, end, passengers);
  }

  public Long getOriginPlaceId() { return originPlaceId; }
  public void setOriginPlaceId(Long originPlaceId) { this.originPlaceId = originPlaceId; }
  public Long getDestinationPlaceId() { return destinationPlaceId; }
  public void setDestinationPlaceId(Long destinationPlaceId) { this.destinationPlaceId = destinationPlaceId; }
  public LocalDateTime getStart() { return start; }
  public void setStart(LocalDateTime start) { this.start = start; }
  public LocalDateTime getEnd() { return end; }
  public void setEnd(LocalDateTime end) { this.end = end; }
  public Integer getPassengers() { return passengers; }
  public void setPassengers(Integer passengers) { this.passengers = passengers; }
}
