package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 登记车辆 as the page binds it: the price typed in yuan (a third decimal rounded, as the form always did), the
 * displacement in litres; the caps, the quota and the domestic brand are the domain's rules ({@link Fleet#register}).
 */
public class VehicleForm implements Serializable {

  @NotNull private Long unitId;
  @NotBlank
  @Size(max = 20)
  @PlateNumber.Written private String plate;
  @NotNull private VehicleCategory category;
  @NotBlank
  @Size(max = 50) private String brand;
  @NotBlank
  @Size(max = 80) private String model;
  private boolean domestic = true;
  private boolean newEnergy;
  @DecimalMin("0")
  @DecimalMax("10") private BigDecimal displacementLitres;
  @NotBlank
  @YuanAmount(rounded = true) private String priceYuan;
  @NotNull
  @Min(2)
  @Max(60) private Integer seats = 5;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate purchasedOn;
  @Min(0) private Integer odometerKm = 0;
  @NotNull private Long parkingPlaceId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate insuranceUntil;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate inspectionUntil;

  /** The registration, parked at {@code parking} (the place chosen, with its coordinates). */
  NewVehicle toNewVehicle(Drivers.Place parking) {
    return new NewVehicle(unitId, plate, category, brand, model, domestic, newEnergy,
        displacementLitres == null ? null : displacementLitres.movePointRight(3).intValue(),
        Money.ofFormYuanRounded(priceYuan).fen(), seats, purchasedOn, odometerKm, parking.name(), parking.latitude(),
        parking.longitude(), insuranceUntil, inspectionUntil);
  }

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public String getPlate() { return plate; }
  public void setPlate(String plate) { this.plate = plate; }
  public VehicleCategory getCategory() { return category; }
  public void setCategory(VehicleCategory category) { this.category = category; }
  public String getBrand() { return brand; }
  public void setBrand(String brand) { this.brand = brand; }
  public String getModel() { return model; }
  public void setModel(String model) { this.model = model; }
  public boolean isDomestic() { return domestic; }
  public void setDomestic(boolean domestic) { this.domestic = domestic; }
  public boolean isNewEnergy() { return newEnergy; }
  public void setNewEnergy(boolean newEnergy) { this.newEnergy = newEnergy; }
  public BigDecimal getDisplacementLitres() { return displacementLitres; }
  public void setDisplacementLitres(BigDecimal displacementLitres) { this.displacementLitres = displacementLitres; }
  public String getPriceYuan() { return priceYuan; }
  public void setPriceYuan(String priceYuan) { this.priceYuan = priceYuan; }
  public Integer getSeats() { return seats; }
  public void setSeats(Integer seats) { this.seats = seats; }
  public LocalDate getPurchasedOn() { return purchasedOn; }
  public void setPurchasedOn(LocalDate purchasedOn) { this.purchasedOn = purchasedOn; }
  public Integer getOdometerKm() { return odometerKm; }
  public void setOdometerKm(Integer odometerKm) { this.odometerKm = odometerKm; }
  public Long getParkingPlaceId() { return parkingPlaceId; }
  public void setParkingPlaceId(Long parkingPlaceId) { this.parkingPlaceId = parkingPlaceId; }
  public LocalDate getInsuranceUntil() { return insuranceUntil; }
  public void setInsuranceUntil(LocalDate insuranceUntil) { this.insuranceUntil = insuranceUntil; }
  public LocalDate getInspectionUntil() { return inspectionUntil; }
  public void setInspectionUntil(LocalDate inspectionUntil) { this.inspectionUntil = inspectionUntil; }
}
