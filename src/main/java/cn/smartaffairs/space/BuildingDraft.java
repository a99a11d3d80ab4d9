package cn.smartaffairs.space;

import java.math.BigDecimal;

/** What a space manager enters to register a building; the region is the manager's own unless given. */
public record BuildingDraft(Long regionId, String code, String name, String address, String ownership,
    String titleCertificate, Integer yearBuilt, BigDecimal totalBuildingArea,
    BigDecimal totalUseArea) {}
