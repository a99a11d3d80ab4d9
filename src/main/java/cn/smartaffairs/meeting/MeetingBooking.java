package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** 会议预订: one room held for one meeting from start (inclusive) to end (exclusive). */
public record MeetingBooking(long id, long roomId, String subject, int attendees, OffsetDateTime start,
                             OffsetDateTime end, long bookedBy, String status) {}
