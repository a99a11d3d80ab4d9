package cn.smartaffairs.security;

/** A role held in a region, and for unit roles in one unit (kept in the page session, hence serialisable). */
public record RoleGrant(Role role, Long regionId, Long unitId) implements java.io.Serializable {}
