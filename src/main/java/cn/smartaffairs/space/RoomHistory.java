package cn.smartaffairs.space;

import java.util.List;

/** Everything that happened to a room: the units that held it, the people who had it as office, its transfers. */
public record RoomHistory(Room room, List<UnitAllocation> allocations, List<OfficeAssignment> offices,
    List<RoomTransfer> transfers) {}
