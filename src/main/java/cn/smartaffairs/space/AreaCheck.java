package cn.smartaffairs.space;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of the area check, in m² to the hundredth: shares of a shared room, allowances and excess. */
final class AreaCheck {

  private AreaCheck() {}

  /** Each occupant's share of a room used by several people. */
  static BigDecimal share(BigDecimal roomArea, int occupants) {
    if (occupants <= 0) {
      throw new IllegalArgumentException("a room's share needs at least one occupant");
    }
    return roomArea.divide(BigDecimal.valueOf(occupants), 2, RoundingMode.HALF_UP);
  }

  /** How far the occupied area exceeds the allowed one; zero when within. */
  static BigDecimal excess(BigDecimal occupied, BigDecimal allowed) {
    BigDecimal over = occupied.subtract(allowed);
    return over.signum() > 0 ? over.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
  }

  /** A unit's allowance: head count times the per-head use-area, the lower one for a unit above the grade's size. */
  static BigDecimal unitAllowance(int approvedHeadcount, BigDecimal perHead, int largeUnitHeadcount,
      BigDecimal largeUnitPerHead) {
    BigDecimal rate = approvedHeadcount > largeUnitHeadcount ? largeUnitPerHead : perHead;
    return rate.multiply(BigDecimal.valueOf(approvedHeadcount)).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal perHeadRate(int approvedHeadcount, BigDecimal perHead, int largeUnitHeadcount,
      BigDecimal largeUnitPerHead) {
    return approvedHeadcount > largeUnitHeadcount ? largeUnitPerHead : perHead;
  }
}
