package cn.smartaffairs.meeting;

import java.time.LocalTime;
import java.util.List;

/** 会议室: a room of a region that its people may book within its opening hours. */
public record MeetingRoom(long id, long regionId, String name, String building, String floor, int capacity,
                          List<Equipment> equipment, boolean needsApproval, LocalTime opensAt, LocalTime closesAt) {

  public boolean has(List<Equipment> wanted) {
    return equipment.containsAll(wanted);
  }
}
