package cn.smartaffairs.organisation;

/** A tenant: the city level (市本级) or one of its counties/districts. */
public record Region(long id, String code, String name, String kind, Long parentId) {}
