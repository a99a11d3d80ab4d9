package cn.smartaffairs.space;

import java.math.BigDecimal;

/**
 * One person's office against the standard on a day: the use-area they occupy (a shared room divided among its
 * occupants), the area their unit's government level and their rank on that day allow, the excess in m² (0 when
 * within) and the rule that applies.
 */
public record PersonCompliance(long staffId, String name, long unitId, String unitName, String rankCode, String rank,
    String governmentLevel, BigDecimal allowedArea, BigDecimal occupiedArea,
    BigDecimal excess, boolean overStandard, String rule, String rooms) {

  /** How a choice of this person reads: "严彬健 · 一级主任科员". */
  public String nameAndRank() {
    return name + " · " + rank;
  }
}
