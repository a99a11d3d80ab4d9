package cn.smartaffairs.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The working-day arithmetic of one region: which days are worked (weekdays, unless a holiday; weekends, when
 * an adjusted working day) and how deadlines in working days or working hours fall. Pure and immutable, so
 * it is tested without a database and shared between threads.
 */
public final class WorkingDays {

  /** Far enough for any deadline; stops a calendar without working days from looping forever. */
  private static final int MAX_DAYS_SEARCHED = 3660;

  private final Map<LocalDate, DayKind> exceptions;
  private final OfficeHours hours;
  private final ZoneId zone;

  public WorkingDays(Map<LocalDate, DayKind> exceptions, OfficeHours hours, ZoneId zone) {
    this.exceptions = Map.copyOf(exceptions);
    this.hours = hours;
    this.zone = zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = exceptions.get(day);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** Whether a moment falls in office hours of a working day (the rest is covered by the duty rota). */
  public boolean isOfficeTime(ZonedDateTime moment) {
    LocalDateTime local = moment.withZoneSameInstant(zone).toLocalDateTime();
    if (!isWorkingDay(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    for (LocalTime[] block : hours.blocks()) {
      if (!time.isBefore(block[0]) && time.isBefore(block[1])) {
        return true;
      }
    }
    return false;
  }

  /** The n-th working day after {@code day} (n ≥ 1; the day itself does not count). */
  public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    LocalDate candidate = day;
    int found = 0;
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
      candidate = candidate.plusDays(1);
      if (isWorkingDay(candidate) && ++found == n) {
        return candidate;
      }
    }
    throw new IllegalStateException("no working day within ten years of " + day);
  }

  /**
   * A deadline of "within N working days" (办理时限): the close of office on the N-th working day after the day
   * it was received. N = 0 means the same working day: today's close if received on a working day before close,
   * otherwise the close of the next working day.
   */
  public ZonedDateTime closeOfWorkingDays(ZonedDateTime received, int days) {
    ZonedDateTime local = received.withZoneSameInstant(zone);
    LocalDate day = local.toLocalDate();
    if (days == 0) {
      boolean beforeClose = local.toLocalTime().isBefore(hours.afternoonEnd());
      LocalDate target = isWorkingDay(day) && beforeClose ? day : nthWorkingDayAfter(day, 1);
      return target.atTime(hours.afternoonEnd()).atZone(zone);
    }
    return nthWorkingDayAfter(day, days).atTime(hours.afternoonEnd()).atZone(zone);
  }

  /** The moment when {@code amount} of office time has passed after {@code start} (nights, weekends and holidays skipped). */
  public ZonedDateTime plusWorkingTime(ZonedDateTime start, Duration amount) {
    LocalDateTime cursor = start.withZoneSameInstant(zone).toLocalDateTime();
    Duration left = amount;
    for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
      LocalDate day = cursor.toLocalDate();
      if (isWorkingDay(day)) {
        for (LocalTime[] block : hours.blocks()) {
          LocalDateTime blockStart = day.atTime(block[0]);
          LocalDateTime blockEnd = day.atTime(block[1]);
          LocalDateTime from = cursor.isAfter(blockStart) ? cursor : blockStart;
          if (!from.isBefore(blockEnd)) {
            continue;
          }
          Duration available = Duration.between(from, blockEnd);
          if (available.compareTo(left) >= 0) {
            return from.plus(left).atZone(zone);
          }
          left = left.minus(available);
          cursor = blockEnd;
        }
      }
      cursor = day.plusDays(1).atStartOfDay();
    }
    throw new IllegalStateException("no office time within ten years of " + start);
  }

  /** Office time between two moments (zero when {@code to} is not after {@code from}); for on-time statistics. */
  public Duration workingTimeBetween(ZonedDateTime from, ZonedDateTime to) {
    LocalDateTime start = from.withZoneSameInstant(zone).toLocalDateTime();
    LocalDateTime end = to.withZoneSameInstant(zone).toLocalDateTime();
    Duration total = Duration.ZERO;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (LocalTime[] block : hours.blocks()) {
        LocalDateTime a = max(start, day.atTime(block[0]));
        LocalDateTime b = min(end, day.atTime(block[1]));
        if (a.isBefore(b)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  public OfficeHours officeHours() {
    return hours;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
