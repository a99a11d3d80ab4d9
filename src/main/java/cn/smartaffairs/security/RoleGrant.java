package cn.smartaffairs.security;

/** A role held in a region, and for unit roles in one unit. */
public record RoleGrant(Role role, Long regionId, Long unitId) {}
