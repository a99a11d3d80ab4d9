package cn.smartaffairs.asset;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that registers an asset (资产登记). For a vehicle of the fleet the unit, purchase date and value come from
 * the vehicle register and may stay empty.
 */
public class AssetForm implements Serializable {

  @Size(max = 40)
  @Pattern(regexp = "^[0-9A-Za-z-]*$", message = "{asset.numberInvalid}") private String number;
  @Size(max = 100) private String name;
  @NotBlank private String classCode;
  @Size(max = 100) private String specModel;
  @Size(max = 60) private String serialNo;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate purchasedOn;
  @YuanAmount private String originalValue;
  private FundingSource fundingSource = FundingSource.FISCAL;
  private Integer lifeMonths;
  private Long unitId;
  private Long keeperStaffId;
  private Long locationRoomId;
  private Long vehicleId;
  private AssetStatus status = AssetStatus.IN_USE;

  NewAsset toDraft() {
    Long fen = originalValue == null || originalValue.isBlank() ? null : Money.ofFormYuan(originalValue).fen();
    return new NewAsset(number, name, classCode, specModel, serialNo, purchasedOn, fen, fundingSource, lifeMonths,
        unitId, keeperStaffId, locationRoomId, vehicleId, status);
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getClassCode() { return classCode; }
  public void setClassCode(String classCode) { this.classCode = classCode; }
  public String getSpecModel() { return specModel; }
  public void setSpecModel(String specModel) { this.specModel = specModel; }
  public String getSerialNo() { return serialNo; }
  public void setSerialNo(String serialNo) { this.serialNo = serialNo; }
  public LocalDate getPurchasedOn() { return purchasedOn; }
  public void setPurchasedOn(LocalDate purchasedOn) { this.purchasedOn = purchasedOn; }
  public String getOriginalValue() { return originalValue; }
  public void setOriginalValue(String originalValue) { this.originalValue = originalValue; }
  public FundingSource getFundingSource() { return fundingSource; }
  public void setFundingSource(FundingSource fundingSource) { this.fundingSource = fundingSource; }
  public Integer getLifeMonths() { return lifeMonths; }
  public void setLifeMonths(Integer lifeMonths) { this.lifeMonths = lifeMonths; }
  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public Long getKeeperStaffId() { return keeperStaffId; }
  public void setKeeperStaffId(Long keeperStaffId) { this.keeperStaffId = keeperStaffId; }
  public Long getLocationRoomId() { return locationRoomId; }
  public void setLocationRoomId(Long locationRoomId) { this.locationRoomId = locationRoomId; }
  public Long getVehicleId() { return vehicleId; }
  public void setVehicleId(Long vehicleId) { this.vehicleId = vehicleId; }
  public AssetStatus getStatus() { return status; }
  public void setStatus(AssetStatus status) { this.status = status; }
}
