package cn.smartaffairs.asset;

import cn.smartaffairs.platform.BusinessRuleException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 资产卡片: one asset of a unit — its number in the region, name, class (GB/T 14885-2022), spec and model, serial
 * number, purchase date, original value (fen), funding source, whether it is depreciated and over how many months,
 * the owning unit, its keeper, its location (a room of the office-space register) and its status. When the asset is
 * an official vehicle it carries the vehicle's id in module vehicle (ADR 0015). {@code standing} is its depreciation
 * and book value at the end of the month it was read in.
 */
public record Asset(long id, long regionId, String number, String name, String classCode, String className,
    String specModel, String serialNo, LocalDate purchasedOn, long originalValueFen, FundingSource fundingSource,
    boolean depreciated, Integer lifeMonths, long unitId, String unitName, Long keeperStaffId, String keeperName,
    Long locationRoomId, String locationName, Long vehicleId, AssetStatus status, LocalDate statusSince, int version,
    Depreciation.Standing standing) {

  /** The standing at the end of a month. */
  public Depreciation.Standing standingAt(YearMonth month) {
    return Depreciation.at(originalValueFen, purchasedOn, depreciated, lifeMonths, month);
  }

  @JsonProperty
  public long bookValueFen() {
    return standing.bookValueFen();
  }

  @JsonProperty
  public long accumulatedDepreciationFen() {
    return standing.accumulatedFen();
  }

  /** The status after a move to {@code target}; refused when the move is not allowed from the present status. */
  public AssetStatus moveTo(AssetStatus target) {
    if (target == null || !status.mayMoveTo(target)) {
      throw new BusinessRuleException("asset.statusMoveRefused");
    }
    return target;
  }

  Asset withLocationName(String location) {
    return new Asset(id, regionId, number, name, classCode, className, specModel, serialNo, purchasedOn,
        originalValueFen, fundingSource, depreciated, lifeMonths, unitId, unitName, keeperStaffId, keeperName,
        locationRoomId, location, vehicleId, status, statusSince, version, standing);
  }
}
