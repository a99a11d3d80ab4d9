package cn.smartaffairs.calendar;

import java.time.LocalDate;

/** One dated exception to the normal week; a null region means the national calendar. */
public record CalendarDay(long id, Long regionId, LocalDate day, DayKind kind, String name) {}
