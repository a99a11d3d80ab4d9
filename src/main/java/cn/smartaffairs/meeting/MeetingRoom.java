package cn.smartaffairs.meeting;

import java.time.LocalTime;
import java.util.List;

/** 会议室: a room of a region that its people may book within its opening hours. */
public record MeetingRoom(long id, long regionId, String name, String building, String floor, int capacity,
    List<Equipment> equipment, boolean needsApproval, LocalTime opensAt, LocalTime closesAt) {

  public boolean has(List<Equipment> wanted) {
    return equipment.containsAll(wanted);
  }

  /**
   * The floor as a number when it was entered as one ("3"), for the pages to say "3层" / "Floor 3"; null when the floor
   * is named otherwise ("地下一层") or not given.
   */
  public Integer floorNumber() {
    return floor != null && floor.strip().matches("\\d{1,3}") ? Integer.valueOf(floor.strip()) : null;
  }
}
