package cn.smartaffairs.space;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/** A building to register (登记楼宇) in the manager's region; that its use-area fits its building area is the register's. */
public class BuildingForm implements Serializable {

  @NotBlank
  @Size(max = 30) private String code;
  @NotBlank
  @Size(max = 100) private String name;
  @NotBlank
  @Size(max = 200) private String address;
  @NotBlank
  @Size(max = 100) private String ownership;
  @Size(max = 60) private String titleCertificate;
  @Min(value = 1800, message = "{space.yearBuiltInvalid}")
  @Max(value = 2200, message = "{space.yearBuiltInvalid}") private Integer yearBuilt;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.area}")
  @Digits(integer = 8, fraction = 2, message = "{space.form.area}") private BigDecimal totalBuildingArea;
  @NotNull
  @DecimalMin(value = "0", inclusive = false, message = "{space.form.area}")
  @Digits(integer = 8, fraction = 2, message = "{space.form.area}") private BigDecimal totalUseArea;

  BuildingDraft toDraft() {
    return new BuildingDraft(null, code, name, address, ownership, titleCertificate, yearBuilt, totalBuildingArea,
        totalUseArea);
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public String getOwnership() { return ownership; }
  public void setOwnership(String ownership) { this.ownership = ownership; }
  public String getTitleCertificate() { return titleCertificate; }
  public void setTitleCertificate(String titleCertificate) { this.titleCertificate = titleCertificate; }
  public Integer getYearBuilt() { return yearBuilt; }
  public void setYearBuilt(Integer yearBuilt) { this.yearBuilt = yearBuilt; }
  public BigDecimal getTotalBuildingArea() { return totalBuildingArea; }
  public void setTotalBuildingArea(BigDecimal totalBuildingArea) { this.totalBuildingArea = totalBuildingArea; }
  public BigDecimal getTotalUseArea() { return totalUseArea; }
  public void setTotalUseArea(BigDecimal totalUseArea) { this.totalUseArea = totalUseArea; }
}
