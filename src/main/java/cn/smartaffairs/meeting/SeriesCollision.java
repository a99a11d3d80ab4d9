package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Some occurrences of a series would collide with other bookings: nothing is written, the dates are named (409). */
public class SeriesCollision extends ConflictException {

  private final transient List<LocalDate> dates;

  SeriesCollision(String room, List<LocalDate> dates) {
    super("meeting.seriesCollision", room, dates.size(),
        dates.stream().map(LocalDate::toString).collect(Collectors.joining("、")));
    this.dates = List.copyOf(dates);
  }

  public List<LocalDate> dates() {
    return dates;
  }
}
