package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ConflictException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The room is taken for part of the time asked for: names the booking in the way and offers free slots of the
 * same length that day. The API answers 409.
 */
public class BookingCollision extends ConflictException {

  private final transient MeetingBooking colliding;
  private final transient List<TimeSlot> suggestions;

  BookingCollision(MeetingRoom room, MeetingBooking colliding, List<TimeSlot> suggestions) {
    super(suggestions.isEmpty() ? "meeting.collisionNoSuggestion" : "meeting.collision", room.name(),
        colliding.subject(), new TimeSlot(colliding.start(), colliding.end()).hours(),
        suggestions.stream().map(TimeSlot::hours).collect(Collectors.joining("、")));
    this.colliding = colliding;
    this.suggestions = List.copyOf(suggestions);
  }

  public MeetingBooking colliding() {
    return colliding;
  }

  public List<TimeSlot> suggestions() {
    return suggestions;
  }
}
