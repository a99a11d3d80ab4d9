package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/**
 * A booking as its page shows it: the room, the fee cap when a meeting class is given (for the day, and for all the
 * series' days that still hold the room), and whether the viewer may change it.
 */
public record BookingView(MeetingBooking booking, MeetingRoom room, FeeCap feeCap, FeeCap seriesFeeCap,
    boolean mayChange, OffsetDateTime checkInOpensAt) {}
