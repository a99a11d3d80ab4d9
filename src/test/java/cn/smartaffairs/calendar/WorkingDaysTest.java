package cn.smartaffairs.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 2026 National Day week, as the State Council's notice set it, drives these rules. */
class WorkingDaysTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final WorkingDays calendar = nationalDay2026();

  private static WorkingDays nationalDay2026() {
    Map<LocalDate, DayKind> exceptions = new HashMap<>();
    exceptions.put(LocalDate.of(2026, 9, 20), DayKind.WORKDAY);
    for (int day = 25; day <= 27; day++) {
      exceptions.put(LocalDate.of(2026, 9, day), DayKind.HOLIDAY);
    }
    for (int day = 1; day <= 7; day++) {
      exceptions.put(LocalDate.of(2026, 10, day), DayKind.HOLIDAY);
    }
    exceptions.put(LocalDate.of(2026, 10, 10), DayKind.WORKDAY);
    return new WorkingDays(exceptions, new OfficeHours(LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(14, 0),
        LocalTime.of(17, 30)), SHANGHAI);
  }

  private static ZonedDateTime at(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SHANGHAI);
  }

  @Test
  void weekdaysAreWorkedAndWeekendsAreNot() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
  }

  @Test
  void holidaysAreOffAndAdjustedWeekendsAreWorked() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 调休上班").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday 调休上班").isTrue();
  }

  @Test
  void threeWorkingDaysFromTheEveOfNationalDayEndOnTheAdjustedSaturday() {
    assertThat(calendar.closeOfWorkingDays(at(9, 30, 10, 0), 3)).isEqualTo(at(10, 10, 17, 30));
  }

  @Test
  void aSaturdayNightReportCountsTheAdjustedSundayAsItsFirstWorkingDay() {
    assertThat(calendar.closeOfWorkingDays(at(9, 19, 21, 0), 3)).isEqualTo(at(9, 22, 17, 30));
  }

  @Test
  void sameDayOnAHolidayMeansTheCloseOfTheNextWorkingDay() {
    assertThat(calendar.closeOfWorkingDays(at(10, 3, 9, 0), 0)).isEqualTo(at(10, 8, 17, 30));
    assertThat(calendar.closeOfWorkingDays(at(10, 8, 9, 0), 0)).isEqualTo(at(10, 8, 17, 30));
    assertThat(calendar.closeOfWorkingDays(at(10, 8, 18, 0), 0)).isEqualTo(at(10, 9, 17, 30));
  }

  @Test
  void workingHoursSkipTheLunchBreakNightsAndTheHoliday() {
    assertThat(calendar.plusWorkingTime(at(9, 30, 17, 0), Duration.ofHours(2))).isEqualTo(at(10, 8, 10, 0));
    assertThat(calendar.plusWorkingTime(at(11, 24, 11, 0), Duration.ofHours(2))).isEqualTo(at(11, 24, 15, 0));
    assertThat(calendar.plusWorkingTime(at(11, 28, 21, 0), Duration.ofMinutes(30))).as("from a Saturday night")
        .isEqualTo(at(11, 30, 9, 0));
  }

  @Test
  void officeTimeIsWorkingDaysWithinOfficeHoursOnly() {
    assertThat(calendar.isOfficeTime(at(11, 24, 9, 0))).isTrue();
    assertThat(calendar.isOfficeTime(at(11, 24, 12, 30))).as("lunch break").isFalse();
    assertThat(calendar.isOfficeTime(at(11, 24, 21, 0))).as("evening").isFalse();
    assertThat(calendar.isOfficeTime(at(10, 3, 10, 0))).as("National Day").isFalse();
    assertThat(calendar.isOfficeTime(at(10, 10, 10, 0))).as("make-up Saturday").isTrue();
  }

  @Test
  void officeTimeBetweenTwoMomentsCountsOnlyWorkingHours() {
    assertThat(calendar.workingTimeBetween(at(9, 30, 17, 0), at(10, 8, 10, 0))).isEqualTo(Duration.ofHours(2));
    assertThat(calendar.workingTimeBetween(at(11, 24, 8, 0), at(11, 24, 20, 0))).isEqualTo(Duration.ofHours(7));
  }
}
