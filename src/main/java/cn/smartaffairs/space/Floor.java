package cn.smartaffairs.space;

/** 楼层 of a building; {@code level} orders them (1 = ground floor, -1 = first basement). */
public record Floor(long id, long buildingId, int level, String name, int planCount) {}
