package cn.smartaffairs.calendar;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which days are worked, for integrations that schedule around holidays. */
@RestController
@Tag(name = "工作日历 Working calendar")
@SecurityRequirement(name = "bearer")
class CalendarApiController {

  private static final int MAX_DAYS = 400;

  private final WorkingCalendar calendar;

  CalendarApiController(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** One day of the calendar. */
  record Day(LocalDate date, boolean working, String name) {}

  @GetMapping("/api/v1/calendar/days")
  @Operation(summary = "工作日查询 Working and non-working days between two dates (at most 400 days)")
  List<Day> days(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new BusinessRuleException("calendar.rangeInvalid", MAX_DAYS);
    }
    long region = CurrentUsers.current().regionId();
    WorkingDays workingDays = calendar.forRegion(region);
    Map<LocalDate, String> names = new HashMap<>();
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      calendar.entries(year, region).forEach(entry -> names.put(entry.day(), entry.name()));
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(new Day(day, workingDays.isWorkingDay(day), names.get(day)));
    }
    return days;
  }
}
