package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import java.time.LocalDate;

/** 公务车辆: one vehicle of the fleet with its designated parking place. Money in fen, displacement in ml. */
public record Vehicle(long id, long regionId, long unitId, String unitName, String plate, VehicleCategory category,
    String brand, String model, boolean domestic, boolean newEnergy, Integer displacementMl,
    long priceFen, int seats, LocalDate purchasedOn, int odometerKm, String parkingPlace,
    double parkingLat, double parkingLon, VehicleStatus status, LocalDate insuranceUntil,
    LocalDate inspectionUntil) {

  public String priceYuan() {
    return Money.ofFen(priceFen).plain();
  }

  /** Seats on the registration include the driver's. */
  int passengerSeats() {
    return seats - 1;
  }
}
