package cn.smartaffairs.space;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 使用协议: an agreement with a unit and the rooms it covers; its 分配使用凭证 is printed from it. */
public record Agreement(long id, long regionId, long unitId, String unitName, String agreementNo, LocalDate termFrom,
    LocalDate termTo, LocalDate signedOn, BigDecimal area, List<UnitAllocation> rooms) {

  /** The area an agreement allocates: the sum of its rooms' allocated areas, whether still held or not. */
  static BigDecimal totalArea(List<UnitAllocation> rooms) {
    return rooms.stream().map(UnitAllocation::area).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
