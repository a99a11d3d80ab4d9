package cn.smartaffairs.meeting;

import java.time.LocalDate;
import java.util.List;

/** A room's day: its active bookings and the free stretches between them within opening hours. */
public record RoomDay(MeetingRoom room, LocalDate date, List<MeetingBooking> bookings, List<TimeSlot> free) {}
