package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** A booking as someone asks for it; the meeting class (1–4, 一类 to 四类) sets its fee cap and may be left out. */
public record NewBooking(Long roomId, OffsetDateTime start, OffsetDateTime end, String subject, Integer attendees,
    Integer meetingClass) {}
