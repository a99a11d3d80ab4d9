package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** One service ordered for a meeting: a task for the region's 会务 team until it is delivered. */
public record ServiceOrder(long id, long bookingId, ServiceKind kind, OffsetDateTime neededAt, String note,
                           String status, String bookingSubject, String roomName, OffsetDateTime meetingStart,
                           OffsetDateTime deliveredAt) {}
