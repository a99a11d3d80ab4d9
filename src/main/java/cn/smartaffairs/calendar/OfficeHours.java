package cn.smartaffairs.calendar;

import java.time.LocalTime;

/** The two office-hour blocks of a working day (morning and afternoon, with the lunch break between). */
public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
    LocalTime afternoonEnd) {

  public OfficeHours {
    if (!(morningStart.isBefore(morningEnd) && !morningEnd.isAfter(afternoonStart)
        && afternoonStart.isBefore(afternoonEnd))) {
      throw new IllegalArgumentException("office hours must be two ordered blocks");
    }
  }

  LocalTime[][] blocks() {
    return new LocalTime[][] {{morningStart, morningEnd}, {afternoonStart, afternoonEnd}};
  }
}
