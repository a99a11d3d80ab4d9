package cn.smartaffairs.space;

import java.math.BigDecimal;

/** A room to register on a floor of a building. */
public record RoomDraft(long buildingId, long floorId, String number, BigDecimal useArea, RoomKind kind, String note) {}
