package cn.smartaffairs.meeting;

import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 会议室预订: the rooms of the caller's region, their days, a finder, and bookings that never collide. The
 * database's exclusion constraint decides who wins a race for one slot; the loser learns which meeting holds the
 * room and which slots of the same length are still free that day.
 */
@Service
public class MeetingRooms {

  private static final String BOOKING = "*, lower(during) as starts_at, upper(during) as ends_at";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Approvals approvals;
  private final ApplicationEventPublisher events;

  public MeetingRooms(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
      Approvals approvals, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.approvals = approvals;
    this.events = events;
  }

  /** Publishes {@link BookingReleased} for bookings just given back, in the caller's transaction (ADR 0012). */
  void announceReleased(List<MeetingBooking> released, long regionId, BookingReleased.Reason reason) {
    released.stream().sorted(java.util.Comparator.comparingLong(MeetingBooking::id))
        .map(booking -> new BookingReleased(booking.id(), booking.roomId(), regionId, booking.start().toInstant(),
            booking.end().toInstant(), reason))
        .forEach(events::publishEvent);
  }

  /** The services still to deliver for bookings just cancelled or released are cancelled with them. */
  void cancelOpenServices(List<Long> bookingIds) {
    if (!bookingIds.isEmpty()) {
      jdbc.sql("update meeting_service_order set status = :cancelled where booking_id in (:ids) and status = :ordered")
          .param("cancelled", ServiceOrderStatus.CANCELLED.name()).param("ordered", ServiceOrderStatus.ORDERED.name())
          .param("ids", bookingIds).update();
    }
  }

  /** The request type of large-hall bookings in the approval engine; its flow is seeded per region. */
  public static final String APPROVAL_TYPE = "meeting.booking";

  /** The rooms of the caller's region, by building and name. */
  public List<MeetingRoom> rooms(CurrentUser viewer) {
    return jdbc.sql("select * from meeting_room where region_id = :region order by building, floor, name")
        .param("region", viewer.regionId()).query(MeetingRooms::room).list();
  }

  /** One room of the caller's region; any other answers 404. */
  public MeetingRoom room(long id, CurrentUser viewer) {
    return jdbc.sql("select * from meeting_room where id = :id and region_id = :region")
        .param("id", id).param("region", viewer.regionId()).query(MeetingRooms::room).optional()
        .orElseThrow(() -> new NotFoundException("meetingRoom", id));
  }

  /** A room's active bookings on a day and the free stretches within its opening hours that have not passed. */
  public RoomDay day(long roomId, LocalDate date, CurrentUser viewer) {
    MeetingRoom room = room(roomId, viewer);
    List<MeetingBooking> bookings = bookingsOn(room, date);
    OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(PlatformConfiguration.ZONE).toOffsetDateTime();
    List<TimeSlot> free = new ArrayList<>();
    for (TimeSlot gap : BookingRules.gaps(room, date, bookings)) {
      OffsetDateTime start = gap.start().isBefore(now) ? now : gap.start();
      if (start.isBefore(gap.end())) {
        free.add(new TimeSlot(start, gap.end()));
      }
    }
    return new RoomDay(room, date, bookings, free);
  }

  /**
   * 找会议室: the rooms of the caller's region with enough seats and the equipment asked for that are open and
   * free for the whole time and that the caller may book, the smallest sufficient room first.
   */
  public List<MeetingRoom> find(int attendees, OffsetDateTime start, OffsetDateTime end, List<Equipment> equipment,
      CurrentUser viewer) {
    checkTime(start, end);
    if (attendees <= 0) {
      throw new BusinessRuleException("meeting.attendeesRequired");
    }
    return jdbc.sql("""
        select r.* from meeting_room r
         where r.region_id = :region and r.capacity >= :attendees
           and not exists (select 1 from meeting_booking b
                            where b.room_id = r.id and b.status in (:holding) and b.during && tstzrange(:start, :end))
         order by r.capacity, r.name""")
        .param("region", viewer.regionId()).param("attendees", attendees).param("holding", BookingStatus.HOLDING_ROOM)
        .param("start", Timestamp.from(start.toInstant())).param("end", Timestamp.from(end.toInstant()))
        .query(MeetingRooms::room).list().stream()
        .filter(room -> room.has(equipment) && BookingRules.opens(room, start, end) && mayBook(room, viewer))
        .toList();
  }

  /**
   * Books a room for the caller. Broken rules answer 400; a collision with another booking — also one committed
   * a moment earlier by a concurrent request — answers 409 naming that booking and free slots of the same length.
   */
  public MeetingBooking book(NewBooking request, CurrentUser by) {
    if (request.roomId() == null) {
      throw new NotFoundException("meetingRoom", null);
    }
    MeetingRoom room = room(request.roomId(), by);
    String subject = BookingRules.checkSubject(request.subject());
    BookingRules.checkAttendees(room, request.attendees());
    BookingRules.checkMeetingClass(request.meetingClass());
    OffsetDateTime start = request.start();
    OffsetDateTime end = request.end();
    checkTime(start, end);
    BookingRules.checkOpen(room, start, end);
    requireMayBook(room, by);
    try {
      long id = transaction.execute(status -> {
        long bookingId = insert(room, subject, request.attendees(), request.meetingClass(), start, end, null, by);
        if (room.needsApproval()) {
          long requestId = submitForApproval(room, subject, request.attendees(), start, 1, by);
          jdbc.sql("update meeting_booking set approval_request_id = :request where id = :id")
              .param("request", requestId).param("id", bookingId).update();
        }
        return bookingId;
      });
      return booking(id);
    } catch (DataAccessException e) {
      if (!Violations.isExclusionViolation(e)) {
        throw e;
      }
      throw collision(room, start, end);
    }
  }

  /**
   * Sends a large-hall booking to the region's approval flow. Its bookings hold the slot as PENDING until the
   * decision arrives ({@link BookingApprovals}).
   */
  long submitForApproval(MeetingRoom room, String subject, int attendees, OffsetDateTime start, int occurrences,
      CurrentUser by) {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    facts.put("roomId", room.id());
    facts.put("room", room.name());
    facts.put("attendees", attendees);
    facts.put("start", start.toString());
    facts.put("occurrences", occurrences);
    // the first meeting's start bounds every deadline of the approval: it is decided before the hall is needed
    return approvals.submit(APPROVAL_TYPE, "会议室预订：" + room.name() + " " + subject, facts, start.toInstant(), by);
  }

  /** Who may book: everyone of the region unless the room names units or roles; meeting managers always. */
  void requireMayBook(MeetingRoom room, CurrentUser by) {
    if (!mayBook(room, by)) {
      throw new BusinessRuleException("meeting.notPermitted", room.name());
    }
  }

  boolean mayBook(MeetingRoom room, CurrentUser by) {
    return BookingRules.mayBook(access(room.id()), by);
  }

  /** The units and roles a room is restricted to; none means the whole region may book it. */
  public RoomAccess access(long roomId) {
    var rows = jdbc.sql("select unit_id, role from meeting_room_permit where room_id = :room order by id")
        .param("room", roomId).query().listOfRows();
    return new RoomAccess(roomId,
        rows.stream().filter(row -> row.get("unit_id") != null).map(row -> ((Number) row.get("unit_id")).longValue())
            .toList(),
        rows.stream().filter(row -> row.get("role") != null).map(row -> Role.valueOf((String) row.get("role")))
            .toList());
  }

  /** Cancels a booking: its booker or a meeting manager of the region. The slot is free again at once. */
  public MeetingBooking cancel(long id, CurrentUser by) {
    MeetingBooking cancelled = transaction.execute(status -> {
      MeetingBooking booking = lockedInRegion(id, by);
      long regionId = by.regionId();
      MeetingBooking after = booking.cancel(BookingActor.of(by, regionId));
      saveCancelled(List.of(after), by, clock.instant());
      audit.record(AuditEntry.updated("meeting_booking", id, regionId, Map.of("status", booking.status()),
          Map.of("status", after.status())));
      announceReleased(List.of(after), regionId, BookingReleased.Reason.CANCELLED);
      return booking(id);
    });
    withdrawApprovalIfNothingWaits(cancelled, by);
    return cancelled;
  }

  /** Writes bookings their booker or a manager just cancelled, with their open services (see {@link #cancel}). */
  void saveCancelled(List<MeetingBooking> cancelled, CurrentUser by, java.time.Instant now) {
    List<Long> ids = cancelled.stream().map(MeetingBooking::id).toList();
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
        update meeting_booking set status = :status, cancelled_at = :now, cancelled_by = :by,
               sequence = sequence + 1, updated_at = :now where id in (:ids)""")
        .param("status", BookingStatus.CANCELLED.name()).param("now", Timestamp.from(now)).param("by", by.userId())
        .param("ids", ids).update();
    cancelOpenServices(ids);
  }

  /** A booking of the caller's region, locked until the transaction ends; any other answers 404. */
  MeetingBooking lockedInRegion(long id, CurrentUser viewer) {
    return inRegion(id, viewer, true);
  }

  /** A booking of the caller's region, locked if asked; any other answers 404. */
  MeetingBooking inRegion(long id, CurrentUser viewer, boolean lock) {
    return jdbc.sql("""
        select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at
          from meeting_booking b join meeting_room r on r.id = b.room_id
         where b.id = :id and r.region_id = :region""" + (lock ? " for update of b" : ""))
        .param("id", id).param("region", viewer.regionId()).query(MeetingRooms::booking).optional()
        .orElseThrow(() -> new NotFoundException("meetingBooking", id));
  }

  /**
   * A pending booking its applicant cancels needs no decision any more: the request is taken back, in its own
   * transaction after the cancel, so an approval that cannot be withdrawn (someone already decided a step) leaves
   * the cancel standing — the decision then finds nothing pending.
   */
  void withdrawApprovalIfNothingWaits(MeetingBooking cancelled, CurrentUser by) {
    if (!cancelled.withdrawsApprovalWhenCancelledBy(by.userId())) {
      return;
    }
    Long requestId = cancelled.approvalRequestId();
    boolean stillPending = jdbc.sql("""
        select count(*) from meeting_booking where approval_request_id = :request and status = :pending""")
        .param("request", requestId).param("pending", BookingStatus.PENDING.name()).query(Long.class).single() > 0;
    if (!stillPending) {
      try {
        approvals.withdraw(requestId, by);
      } catch (BusinessRuleException alreadyDecidedOrDone) {
        // nothing to take back: the approvers' decision will find no pending booking
      }
    }
  }

  long insert(MeetingRoom room, String subject, int attendees, Integer meetingClass, OffsetDateTime start,
      OffsetDateTime end, Long seriesId, CurrentUser by) {
    BookingStatus initial = BookingStatus.onBooking(room.needsApproval());
    long id = jdbc.sql("""
        insert into meeting_booking (room_id, subject, attendees, meeting_class, during, booked_by, created_at, status,
                                     series_id, occurrence_start)
        values (:room, :subject, :attendees, :class, tstzrange(:start, :end, '[)'), :by, :now, :status, :series,
                case when cast(:series as bigint) is null then null else cast(:start as timestamptz) end)
        returning id""")
        .param("room", room.id()).param("subject", subject).param("attendees", attendees)
        .param("class", meetingClass).param("status", initial.name())
        .param("series", seriesId)
        .param("start", Timestamp.from(start.toInstant())).param("end", Timestamp.from(end.toInstant()))
        .param("by", by.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    Map<String, Object> after = new java.util.LinkedHashMap<>();
    after.put("room", room.name());
    after.put("subject", subject);
    after.put("attendees", attendees);
    after.put("start", start.toString());
    after.put("end", end.toString());
    after.put("status", initial);
    if (seriesId != null) {
      after.put("seriesId", seriesId);
    }
    audit.record(AuditEntry.created("meeting_booking", id, room.regionId(), after));
    return id;
  }

  BookingCollision collision(MeetingRoom room, OffsetDateTime start, OffsetDateTime end) {
    MeetingBooking colliding = jdbc.sql("""
        select %s from meeting_booking
         where room_id = :room and status in (:holding) and during && tstzrange(:start, :end)
         order by lower(during) limit 1""".formatted(BOOKING))
        .param("room", room.id()).param("holding", BookingStatus.HOLDING_ROOM)
        .param("start", Timestamp.from(start.toInstant()))
        .param("end", Timestamp.from(end.toInstant()))
        .query(MeetingRooms::booking).optional()
        // the booking in the way was cancelled in between: the caller may simply try again
        .orElseThrow(() -> new ConflictException("error.concurrentChange"));
    LocalDate date = start.atZoneSameInstant(PlatformConfiguration.ZONE).toLocalDate();
    return new BookingCollision(room, colliding, suggestions(room, date, start, Duration.between(start, end)));
  }

  /** Free slots of the given length that day, nearest to the wanted start first (see {@link BookingRules}). */
  List<TimeSlot> suggestions(MeetingRoom room, LocalDate date, OffsetDateTime wanted, Duration length) {
    return BookingRules.suggestions(room, date, bookingsOn(room, date), wanted, length, OffsetDateTime.now(clock));
  }

  void checkTime(OffsetDateTime start, OffsetDateTime end) {
    BookingRules.checkTime(start, end, clock.instant());
  }

  private List<MeetingBooking> bookingsOn(MeetingRoom room, LocalDate date) {
    return jdbc.sql("""
        select %s from meeting_booking
         where room_id = :room and status in (:holding) and during && tstzrange(:from, :to)
         order by lower(during)""".formatted(BOOKING))
        .param("room", room.id()).param("holding", BookingStatus.HOLDING_ROOM)
        .param("from", Timestamp.from(date.atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
        .param("to", Timestamp.from(date.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
        .query(MeetingRooms::booking).list();
  }

  MeetingBooking booking(long id) {
    return jdbc.sql("select " + BOOKING + " from meeting_booking where id = :id").param("id", id)
        .query(MeetingRooms::booking).single();
  }

  static MeetingRoom room(ResultSet rs, int row) throws SQLException {
    String[] equipment = (String[]) rs.getArray("equipment").getArray();
    return new MeetingRoom(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"), rs.getString("building"),
        rs.getString("floor"), rs.getInt("capacity"), Arrays.stream(equipment).map(Equipment::valueOf).toList(),
        rs.getBoolean("needs_approval"), rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime());
  }

  static MeetingBooking booking(ResultSet rs, int row) throws SQLException {
    return new MeetingBooking(rs.getLong("id"), rs.getLong("room_id"), rs.getString("subject"), rs.getInt("attendees"),
        beijing(rs, "starts_at"), beijing(rs, "ends_at"), rs.getLong("booked_by"),
        BookingStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("series_id"), (Integer) (rs.getObject("meeting_class") == null
            ? null
            : ((Number) rs.getObject("meeting_class")).intValue()),
        rs.getObject("checked_in_at") == null ? null : beijing(rs, "checked_in_at"),
        (Long) rs.getObject("approval_request_id"));
  }

  static OffsetDateTime beijing(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(PlatformConfiguration.ZONE).toOffsetDateTime();
  }
}
