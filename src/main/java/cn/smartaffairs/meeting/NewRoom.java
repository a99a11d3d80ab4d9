package cn.smartaffairs.meeting;

import java.time.LocalTime;
import java.util.List;

/** A room as a meeting manager registers it; opening hours default to 08:00–21:00. */
public record NewRoom(String name, String building, String floor, int capacity, List<Equipment> equipment,
    boolean needsApproval, LocalTime opensAt, LocalTime closesAt) {}
