package cn.smartaffairs.meeting;

import cn.smartaffairs.approval.ApprovalSubjectDescriber;
import cn.smartaffairs.approval.ApprovalSubjectSummary;
import cn.smartaffairs.approval.ApprovalSubjectSummary.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the approver of a large hall's booking ({@code meeting.booking}) which room, when, for how many and what
 * about, from this module's own booking tables; a series is one request for all its occurrences.
 */
@Component
class BookingApprovalDescriber implements ApprovalSubjectDescriber {

  private final JdbcClient jdbc;
  private final BookingWords words;

  BookingApprovalDescriber(JdbcClient jdbc, BookingWords words) {
    this.jdbc = jdbc;
    this.words = words;
  }

  @Override
  public String requestType() {
    return MeetingRooms.APPROVAL_TYPE;
  }

  @Override
  public String typeName(Locale locale) {
    return words.text("meeting.approval.typeName", locale);
  }

  @Override
  public Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale) {
    List<MeetingBooking> bookings = jdbc.sql("""
        select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at from meeting_booking b
         where b.approval_request_id = :approval order by lower(b.during), b.id""")
        .param("approval", approvalRequestId).query(MeetingRooms::booking).list();
    if (bookings.isEmpty()) {
      return Optional.empty();
    }
    MeetingBooking first = bookings.get(0);
    var room = jdbc.sql("select name, building, capacity from meeting_room where id = :id").param("id", first.roomId())
        .query().singleRow();
    String when = words.when(first.start(), first.end(), locale);
    if (first.seriesId() != null && bookings.size() > 1) {
      String frequency = jdbc.sql("select frequency from meeting_series where id = :id").param("id", first.seriesId())
          .query(String.class).single();
      when = words.series(bookings, frequency, locale);
    }
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(words.text("meeting.approval.room", locale),
        words.text("meeting.approval.roomValue", locale, room.get("name"), room.get("building"),
            room.get("capacity"))));
    lines.add(new Line(words.text("meeting.approval.time", locale), when));
    lines.add(new Line(words.text("meeting.approval.attendees", locale),
        words.text("meeting.approval.attendeesValue", locale, first.attendees())));
    lines.add(new Line(words.text("meeting.approval.subject", locale), first.subject()));
    if (first.meetingClass() != null) {
      lines.add(new Line(words.text("meeting.meetingClass", locale),
          words.text("meeting.class." + first.meetingClass(), locale)));
    }
    return Optional.of(new ApprovalSubjectSummary(lines, "/meeting-bookings/" + first.id(),
        words.text("meeting.approval.open", locale)));
  }
}
