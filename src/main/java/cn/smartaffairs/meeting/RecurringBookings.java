package cn.smartaffairs.meeting;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 周期预订: a series is written whole or not at all. Every occurrence is an ordinary booking row, so the exclusion
 * constraint guards each one; when some collide, the series is refused naming the dates — or, if the booker
 * asked for it, those dates are left out as exceptions.
 */
@Service
public class RecurringBookings {

  static final int MAX_OCCURRENCES = 200;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MeetingRooms rooms;

  public RecurringBookings(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
      MeetingRooms rooms) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.rooms = rooms;
  }

  /** Books the series for the caller; a large hall's series goes to approval as one request. */
  public MeetingSeries book(NewSeries request, CurrentUser by) {
    if (request.roomId() == null) {
      throw new NotFoundException("meetingRoom", null);
    }
    MeetingRoom room = rooms.room(request.roomId(), by);
    String subject = BookingRules.checkSubject(request.subject());
    BookingRules.checkAttendees(room, request.attendees());
    BookingRules.checkMeetingClass(request.meetingClass());
    String frequency = request.frequency() == null || request.frequency().isBlank()
        ? "WEEKLY"
        : request.frequency().trim().toUpperCase(java.util.Locale.ROOT);
    if (!frequency.equals("WEEKLY") && !frequency.equals("DAILY")) {
      throw new BusinessRuleException("meeting.frequencyUnknown", request.frequency());
    }
    int interval = request.interval() == null ? 1 : request.interval();
    if (interval < 1 || interval > 52) {
      throw new BusinessRuleException("meeting.intervalInvalid");
    }
    if (request.firstDate() == null || request.untilDate() == null || request.startTime() == null
        || request.endTime() == null) {
      throw new BusinessRuleException("meeting.seriesIncomplete");
    }
    if (request.untilDate().isBefore(request.firstDate())
        || request.untilDate().isAfter(request.firstDate().plusDays(366))) {
      throw new BusinessRuleException("meeting.seriesSpanInvalid");
    }
    TreeSet<LocalDate> exceptions = new TreeSet<>(request.exceptions() == null ? List.of() : request.exceptions());
    List<LocalDate> dates = dates(frequency, interval, request.firstDate(), request.untilDate(), exceptions);
    if (dates.isEmpty()) {
      throw new BusinessRuleException("meeting.seriesEmpty");
    }
    if (dates.size() > MAX_OCCURRENCES) {
      throw new BusinessRuleException("meeting.seriesTooLong", MAX_OCCURRENCES);
    }
    for (LocalDate date : dates) {
      OffsetDateTime start = at(date, request.startTime());
      rooms.checkTime(start, at(date, request.endTime()));
      BookingRules.checkOpen(room, start, at(date, request.endTime()));
    }
    rooms.requireMayBook(room, by);
    List<LocalDate> colliding = colliding(room, dates, request);
    if (!colliding.isEmpty()) {
      if (!request.skipCollisions()) {
        throw new SeriesCollision(room.name(), colliding);
      }
      exceptions.addAll(colliding);
      dates = dates.stream().filter(date -> !colliding.contains(date)).toList();
      if (dates.isEmpty()) {
        throw new SeriesCollision(room.name(), colliding);
      }
    }
    List<LocalDate> toWrite = dates;
    try {
      long id = transaction
          .execute(status -> write(room, subject, frequency, interval, request, exceptions, toWrite, by));
      return series(id, by);
    } catch (DataAccessException e) {
      if (!Violations.isExclusionViolation(e)) {
        throw e;
      }
      // another booking was committed between the check and the write: everything was rolled back
      throw new SeriesCollision(room.name(), colliding(room, toWrite, request));
    }
  }

  private long write(MeetingRoom room, String subject, String frequency, int interval, NewSeries request,
      TreeSet<LocalDate> exceptions, List<LocalDate> dates, CurrentUser by) {
    long id = jdbc
        .sql(
            """
                insert into meeting_series (room_id, subject, attendees, frequency, interval_count, first_date, until_date,
                                            starts_at, ends_at, exceptions, booked_by, created_at)
                values (:room, :subject, :attendees, :frequency, :interval, :first, :until, :starts, :ends, cast(:exceptions as date[]), :by, :now)
                returning id""")
        .param("room", room.id()).param("subject", subject).param("attendees", request.attendees())
        .param("frequency", frequency).param("interval", interval).param("first", Date.valueOf(request.firstDate()))
        .param("until", Date.valueOf(request.untilDate())).param("starts", java.sql.Time.valueOf(request.startTime()))
        .param("ends", java.sql.Time.valueOf(request.endTime()))
        .param("exceptions", exceptions.stream().map(LocalDate::toString).toArray(String[]::new))
        .param("by", by.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("room", room.name());
    after.put("subject", subject);
    after.put("rule", frequency + "/" + interval);
    after.put("from", request.firstDate().toString());
    after.put("until", request.untilDate().toString());
    after.put("time", request.startTime() + "–" + request.endTime());
    after.put("exceptions", exceptions.stream().map(LocalDate::toString).toList());
    audit.record(AuditEntry.created("meeting_series", id, room.regionId(), after));
    List<Long> bookingIds = new ArrayList<>();
    for (LocalDate date : dates) {
      bookingIds.add(rooms.insert(room, subject, request.attendees(), request.meetingClass(),
          at(date, request.startTime()), at(date, request.endTime()), id, by));
    }
    if (room.needsApproval()) {
      long requestId = rooms.submitForApproval(room, subject, request.attendees(),
          at(dates.get(0), request.startTime()),
          dates.size(), by);
      jdbc.sql("update meeting_booking set approval_request_id = :request where series_id = :series")
          .param("request", requestId).param("series", id).update();
    }
    return id;
  }

  /** The dates of the rule from first to until, without the exceptions. */
  static List<LocalDate> dates(String frequency, int interval, LocalDate first, LocalDate until,
      java.util.Set<LocalDate> exceptions) {
    List<LocalDate> dates = new ArrayList<>();
    int step = frequency.equals("DAILY") ? interval : 7 * interval;
    for (LocalDate date = first; !date.isAfter(until); date = date.plusDays(step)) {
      if (!exceptions.contains(date)) {
        dates.add(date);
      }
    }
    return dates;
  }

  private List<LocalDate> colliding(MeetingRoom room, List<LocalDate> dates, NewSeries request) {
    List<LocalDate> colliding = new ArrayList<>();
    for (LocalDate date : dates) {
      boolean taken = jdbc.sql("""
          select count(*) from meeting_booking where room_id = :room and status in (:holding)
             and during && tstzrange(:start, :end)""")
          .param("room", room.id()).param("holding", BookingStatus.HOLDING_ROOM)
          .param("start", Timestamp.from(at(date, request.startTime()).toInstant()))
          .param("end", Timestamp.from(at(date, request.endTime()).toInstant())).query(Long.class).single() > 0;
      if (taken) {
        colliding.add(date);
      }
    }
    return colliding;
  }

  /** A series of the caller's region with all its occurrences. */
  public MeetingSeries series(long id, CurrentUser viewer) {
    return jdbc.sql("""
        select s.* from meeting_series s join meeting_room r on r.id = s.room_id
         where s.id = :id and r.region_id = :region""")
        .param("id", id).param("region", viewer.regionId()).query(RecurringBookings::series).optional()
        .map(series -> withOccurrences(series, false))
        .orElseThrow(() -> new NotFoundException("meetingSeries", id));
  }

  /** Cancels every occurrence that has not begun yet; those already held stay as they were. */
  public MeetingSeries cancel(long id, CurrentUser by) {
    transaction.executeWithoutResult(status -> {
      MeetingSeries series = lockedWithOccurrences(id, by);
      long regionId = by.regionId();
      Instant now = clock.instant();
      List<MeetingBooking> cancelled = series.cancel(BookingActor.of(by, regionId), now);
      rooms.saveCancelled(cancelled, by, now);
      jdbc.sql("update meeting_series set status = :status where id = :id")
          .param("status", SeriesStatus.CANCELLED.name()).param("id", id).update();
      audit.record(AuditEntry.updated("meeting_series", id, regionId, Map.of("status", series.status()),
          Map.of("status", SeriesStatus.CANCELLED, "cancelledOccurrences", cancelled.stream().map(MeetingBooking::id)
              .toList())));
      rooms.announceReleased(cancelled, regionId, BookingReleased.Reason.CANCELLED);
    });
    MeetingSeries after = series(id, by);
    after.occurrences().stream().filter(o -> o.approvalRequestId() != null).findFirst()
        .ifPresent(occurrence -> rooms.withdrawApprovalIfNothingWaits(occurrence, by));
    return after;
  }

  /** A series of the caller's region and its occurrences, all locked until the transaction ends. */
  private MeetingSeries lockedWithOccurrences(long id, CurrentUser viewer) {
    MeetingSeries series = jdbc.sql("""
        select s.* from meeting_series s join meeting_room r on r.id = s.room_id
         where s.id = :id and r.region_id = :region for update of s""")
        .param("id", id).param("region", viewer.regionId()).query(RecurringBookings::series).optional()
        .orElseThrow(() -> new NotFoundException("meetingSeries", id));
    return withOccurrences(series, true);
  }

  /** A series as its row holds it; its occurrences come after, by {@link #withOccurrences}. */
  private static MeetingSeries series(ResultSet rs, int row) throws SQLException {
    Date[] exceptions = (Date[]) rs.getArray("exceptions").getArray();
    return new MeetingSeries(rs.getLong("id"), rs.getLong("room_id"), rs.getString("subject"), rs.getInt("attendees"),
        rs.getString("frequency"), rs.getInt("interval_count"), rs.getDate("first_date").toLocalDate(),
        rs.getDate("until_date").toLocalDate(), rs.getTime("starts_at").toLocalTime(),
        rs.getTime("ends_at").toLocalTime(), Arrays.stream(exceptions).map(Date::toLocalDate).toList(),
        SeriesStatus.valueOf(rs.getString("status")), rs.getLong("booked_by"), List.of());
  }

  /**
   * The series with its occurrences, read after the series' own row: a query inside a row mapper would hold one
   * pooled connection while waiting for another, and a busy moment would starve the pool.
   */
  private MeetingSeries withOccurrences(MeetingSeries s, boolean lock) {
    List<MeetingBooking> occurrences = jdbc.sql("""
        select *, lower(during) as starts_at, upper(during) as ends_at from meeting_booking
         where series_id = :id order by occurrence_start""" + (lock ? " for update" : ""))
        .param("id", s.id()).query(MeetingRooms::booking).list();
    return new MeetingSeries(s.id(), s.roomId(), s.subject(), s.attendees(), s.frequency(), s.interval(),
        s.firstDate(), s.untilDate(), s.startTime(), s.endTime(), s.exceptions(), s.status(), s.bookedBy(),
        occurrences);
  }

  private static OffsetDateTime at(LocalDate date, java.time.LocalTime time) {
    return date.atTime(time).atZone(PlatformConfiguration.ZONE).toOffsetDateTime();
  }
}
