package cn.smartaffairs.access;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * 停车场: a lot of a region with its zones' capacities and occupancy, the gates leading into it, and its off-hours
 * public opening window (错时开放) on the days named (1 = Monday … 7 = Sunday), across midnight when it closes before it
 * opens (18:00–08:00 runs from the evening of a day named into the next morning).
 */
public record ParkingLot(long id, long regionId, String name, String address, LocalTime publicOpens,
    LocalTime publicCloses, String publicDays, Map<ParkingZoneKind, Zone> zones, java.util.List<String> gates) {

  /** A zone's places and how many are taken. */
  public record Zone(int capacity, int occupied) {
    public int free() {
      return Math.max(0, capacity - occupied);
    }
  }

  public boolean hasPublicWindow() {
    return publicOpens != null && !publicDays.isEmpty();
  }

  /** Whether the public may park here at this local time. */
  public boolean publicOpenAt(LocalDateTime at) {
    if (!hasPublicWindow()) {
      return false;
    }
    LocalTime time = at.toLocalTime();
    if (publicOpens.isBefore(publicCloses)) {
      return named(at.getDayOfWeek()) && !time.isBefore(publicOpens) && time.isBefore(publicCloses);
    }
    return named(at.getDayOfWeek()) && !time.isBefore(publicOpens)
        || named(at.getDayOfWeek().minus(1)) && time.isBefore(publicCloses);
  }

  public int freePublicPlaces() {
    Zone zone = zones.get(ParkingZoneKind.PUBLIC);
    return zone == null ? 0 : zone.free();
  }

  private boolean named(DayOfWeek day) {
    return publicDays.indexOf(Character.forDigit(day.getValue(), 10)) >= 0;
  }
}
