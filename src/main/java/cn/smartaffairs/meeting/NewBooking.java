package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** A booking as someone asks for it. */
public record NewBooking(Long roomId, OffsetDateTime start, OffsetDateTime end, String subject, Integer attendees) {}
