package cn.smartaffairs.organisation;

/** 部门单位, with its approved head count (编制数) and the number of staff now in post. */
public record Unit(long id, long regionId, String regionName, String code, String name, GovernmentLevel governmentLevel,
    UnitNature nature, int approvedHeadcount, long activeStaff) {}
