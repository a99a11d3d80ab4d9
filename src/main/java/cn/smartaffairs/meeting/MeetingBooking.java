package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/**
 * 会议预订: one room held for one meeting from start (inclusive) to end (exclusive). PENDING holds the room while a
 * large hall's approval runs; ACTIVE is confirmed; CANCELLED and RELEASED (a no-show) free it. An occurrence of a
 * recurring series names its series.
 */
public record MeetingBooking(long id, long roomId, String subject, int attendees, OffsetDateTime start,
                             OffsetDateTime end, long bookedBy, String status, Long seriesId, Integer meetingClass,
                             OffsetDateTime checkedInAt, Long approvalRequestId) {

  /** Whether the booking keeps the room from others. */
  public boolean holdsRoom() {
    return "PENDING".equals(status) || "ACTIVE".equals(status);
  }
}
