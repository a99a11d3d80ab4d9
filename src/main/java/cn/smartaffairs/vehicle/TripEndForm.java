package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * 回车登记 on the driver's phone: the odometer, tolls, parking and the fuel or energy bought, amounts typed in yuan (a
 * third decimal rounded, as the form always did; nothing typed is none). {@code tripId} is the trip's, set from the
 * address, so that a refused form comes back to its own task.
 */
public class TripEndForm implements Serializable {

  private Long tripId;
  @NotNull
  @Min(0)
  @Max(9_999_999) private Integer odometerKm;
  @YuanAmount(rounded = true) private String tollsYuan;
  @YuanAmount(rounded = true) private String parkingYuan;
  @YuanAmount(rounded = true) private String energyCostYuan;
  @DecimalMin("0")
  @DecimalMax("999999.99") private BigDecimal fuelLitres;
  @DecimalMin("0")
  @DecimalMax("999999.99") private BigDecimal chargingKwh;

  Trips.TripEnd toTripEnd() {
    return new Trips.TripEnd(odometerKm, fen(tollsYuan), fen(parkingYuan), fuelLitres, chargingKwh,
        fen(energyCostYuan));
  }

  private static long fen(String yuan) {
    Money money = Money.ofFormYuanRounded(yuan);
    return money == null ? 0 : money.fen();
  }

  public Long getTripId() { return tripId; }
  public void setTripId(Long tripId) { this.tripId = tripId; }
  public Integer getOdometerKm() { return odometerKm; }
  public void setOdometerKm(Integer odometerKm) { this.odometerKm = odometerKm; }
  public String getTollsYuan() { return tollsYuan; }
  public void setTollsYuan(String tollsYuan) { this.tollsYuan = tollsYuan; }
  public String getParkingYuan() { return parkingYuan; }
  public void setParkingYuan(String parkingYuan) { this.parkingYuan = parkingYuan; }
  public String getEnergyCostYuan() { return energyCostYuan; }
  public void setEnergyCostYuan(String energyCostYuan) { this.energyCostYuan = energyCostYuan; }
  public BigDecimal getFuelLitres() { return fuelLitres; }
  public void setFuelLitres(BigDecimal fuelLitres) { this.fuelLitres = fuelLitres; }
  public BigDecimal getChargingKwh() { return chargingKwh; }
  public void setChargingKwh(BigDecimal chargingKwh) { this.chargingKwh = chargingKwh; }
}
