package cn.smartaffairs.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A recurring booking: its rule, the dates left out, and its occurrences (each an ordinary booking). */
public record MeetingSeries(long id, long roomId, String subject, int attendees, String frequency, int interval,
                            LocalDate firstDate, LocalDate untilDate, LocalTime startTime, LocalTime endTime,
                            List<LocalDate> exceptions, String status, long bookedBy,
                            List<MeetingBooking> occurrences) {}
