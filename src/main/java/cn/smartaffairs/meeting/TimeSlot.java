package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** A stretch of time from start (inclusive) to end (exclusive), in Beijing time. */
public record TimeSlot(OffsetDateTime start, OffsetDateTime end) implements java.io.Serializable {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  /** "14:00–16:00", as messages name a slot within one day. */
  public String hours() {
    return HOURS.format(start) + "–" + HOURS.format(end);
  }
}
