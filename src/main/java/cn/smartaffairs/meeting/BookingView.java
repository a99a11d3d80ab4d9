package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** A booking as its page shows it: the room, the fee cap when a meeting class is given, and whether the viewer may change it. */
public record BookingView(MeetingBooking booking, MeetingRoom room, FeeCap feeCap, boolean mayChange,
                          OffsetDateTime checkInOpensAt) {}
