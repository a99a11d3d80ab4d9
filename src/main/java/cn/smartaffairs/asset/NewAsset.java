package cn.smartaffairs.asset;

import java.time.LocalDate;

/**
 * An asset to register. Number: blank for the next of the region (ZC-year-sequence). Life: blank for the shortest life
 * of the class's rule; a longer one may be given. For an official vehicle give {@code vehicleId}: its unit, purchase
 * date and price come from the vehicle register and are not typed again.
 */
public record NewAsset(String number, String name, String classCode, String specModel, String serialNo,
    LocalDate purchasedOn, Long originalValueFen, FundingSource fundingSource, Integer lifeMonths, Long unitId,
    Long keeperStaffId, Long locationRoomId, Long vehicleId, AssetStatus status) {}
