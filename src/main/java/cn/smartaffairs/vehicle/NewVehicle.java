package cn.smartaffairs.vehicle;

import java.time.LocalDate;

/** What registering a vehicle needs; price in fen (excluding purchase tax), displacement in ml (null for a BEV). */
public record NewVehicle(Long unitId, String plate, VehicleCategory category, String brand, String model,
    boolean domestic, boolean newEnergy, Integer displacementMl, Long priceFen, Integer seats,
    LocalDate purchasedOn, Integer odometerKm, String parkingPlace, Double parkingLat,
    Double parkingLon, LocalDate insuranceUntil, LocalDate inspectionUntil) {}
