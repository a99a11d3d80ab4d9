package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** 出车: the driver reads the odometer as they set off on a dispatch; {@code dispatchId} names the task's card. */
public class TripStartForm implements Serializable {

  @NotNull private Long dispatchId;
  @NotNull
  @Min(0)
  @Max(9_999_999) private Integer odometerKm;

  public Long getDispatchId() { return dispatchId; }
  public void setDispatchId(Long dispatchId) { this.dispatchId = dispatchId; }
  public Integer getOdometerKm() { return odometerKm; }
  public void setOdometerKm(Integer odometerKm) { this.odometerKm = odometerKm; }
}
