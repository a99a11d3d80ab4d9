package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/** 常用地点: a named place and where it is on the globe, for requests to pick from. */
public class PlaceForm implements Serializable {

  @NotBlank
  @Size(max = 60) private String name;
  @NotNull
  @DecimalMin("-90")
  @DecimalMax("90") private BigDecimal latitude;
  @NotNull
  @DecimalMin("-180")
  @DecimalMax("180") private BigDecimal longitude;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public BigDecimal getLatitude() { return latitude; }
  public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
  public BigDecimal getLongitude() { return longitude; }
  public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
}
