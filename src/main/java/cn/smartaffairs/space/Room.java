package cn.smartaffairs.space;

import java.math.BigDecimal;

/**
 * 房间 with its use-area (m²) and kind, and who uses it today: the unit it is allocated to (if any) and how many
 * staff members have it as their office.
 */
public record Room(long id, long regionId, long buildingId, String buildingName, long floorId, String floorName,
    String number, BigDecimal useArea, RoomKind kind, String note, Long unitId, String unitName,
    int occupants) {}
