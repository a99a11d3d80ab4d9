package cn.smartaffairs.canteen;

import java.time.Instant;

/**
 * 单位挂账: one charge to a unit in the canteen, settled by the unit from its monthly statement. {@code chargeNo} is
 * the readable number the statement and the caller's documents quote; {@code reference} is the caller's own, unique in
 * the region, so a repeated request answers this charge.
 */
public record UnitCharge(long id, long regionId, long unitId, String unitName, String chargeNo, long amountFen,
    String description, String reference, String chargedBy, Instant chargedAt) {}
