package cn.smartaffairs.space;

import java.math.BigDecimal;

/**
 * One unit's allocated use-area against its approved head count (编制) times the per-head area of its building
 * grade, with the excess in m² and the rule that applies.
 */
public record UnitCompliance(long unitId, String name, String governmentLevel, int approvedHeadcount,
    String buildingGrade, BigDecimal allowedArea, BigDecimal occupiedArea, BigDecimal excess,
    boolean overStandard, String rule) {}
