package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** 车辆编制 of one unit and category; that it may not fall below the vehicles held is the domain's rule. */
public class QuotaForm implements Serializable {

  @NotNull private Long unitId;
  @NotNull private VehicleCategory category;
  @NotNull
  @Min(0)
  @Max(500) private Integer quota;

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public VehicleCategory getCategory() { return category; }
  public void setCategory(VehicleCategory category) { this.category = category; }
  public Integer getQuota() { return quota; }
  public void setQuota(Integer quota) { this.quota = quota; }
}
