package cn.smartaffairs.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * 周期预订 as someone asks for it: every week (or day, or every n weeks) from {@code firstDate} until
 * {@code untilDate}, {@code startTime}–{@code endTime}, leaving out the {@code exceptions}. With
 * {@code skipCollisions} the dates another booking holds are left out too instead of refusing the series.
 */
public record NewSeries(Long roomId, String subject, Integer attendees, String frequency, Integer interval,
    LocalDate firstDate, LocalDate untilDate, LocalTime startTime, LocalTime endTime,
    List<LocalDate> exceptions, boolean skipCollisions, Integer meetingClass) {}
