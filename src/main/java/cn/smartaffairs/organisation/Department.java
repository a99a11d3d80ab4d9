package cn.smartaffairs.organisation;

/** 内设机构: a node of a unit's department tree. */
public record Department(long id, long unitId, Long parentId, String name) {}
