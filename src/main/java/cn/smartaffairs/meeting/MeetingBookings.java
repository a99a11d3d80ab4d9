package cn.smartaffairs.meeting;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to a booking after it is made: it is moved, checked in, released when nobody checks in within the
 * region's grace (签到时限), and confirmed or released when a large hall's approval is decided.
 */
@Service
public class MeetingBookings {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MeetingRooms rooms;
  private final MeetingRules rules;
  private final Notifications notifications;

  public MeetingBookings(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                         MeetingRooms rooms, MeetingRules rules, Notifications notifications) {
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.rooms = rooms;
    this.rules = rules;
  }

  /** A booking of the caller's region, with its room; any other answers 404. */
  public BookingView view(long id, CurrentUser viewer) {
    MeetingBooking booking = inRegion(id, viewer, false);
    MeetingRoom room = rooms.room(booking.roomId(), viewer);
    LocalDate day = booking.start().toLocalDate();
    FeeCap cap = booking.meetingClass() == null ? null : new FeeCap(booking.meetingClass(), booking.attendees(), 1,
        rules.feeCapFen(room.regionId(), booking.meetingClass(), day));
    FeeCap seriesCap = null;
    if (cap != null && booking.seriesId() != null) {
      int days = jdbc.sql("""
          select count(distinct (lower(during) at time zone 'Asia/Shanghai')::date) from meeting_booking
           where series_id = :series and status in ('PENDING', 'ACTIVE')""")
          .param("series", booking.seriesId()).query(Integer.class).single();
      seriesCap = new FeeCap(cap.meetingClass(), cap.attendees(), days, cap.fenPerPersonDay());
    }
    boolean mayChange = booking.bookedBy() == viewer.userId()
        || viewer.dataScopeAs(Role.MEETING_MANAGER).permits(room.regionId(), null, null);
    return new BookingView(booking, room, cap, seriesCap, mayChange, checkInOpensAt(booking, room.regionId()));
  }

  /** The caller's bookings from today on, and those of the last week, by start. */
  public List<MeetingBooking> mine(CurrentUser viewer) {
    return jdbc.sql("""
        select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at from meeting_booking b
         where b.booked_by = :me and upper(b.during) >= :since order by lower(b.during) limit 200""")
        .param("me", viewer.userId()).param("since", Timestamp.from(clock.instant().minusSeconds(7 * 86400)))
        .query(MeetingRooms::booking).list();
  }

  /** 签到: the booker or a meeting manager, from the grace before the start until the end of a confirmed booking. */
  public MeetingBooking checkIn(long id, CurrentUser by) {
    return transaction.execute(status -> {
      MeetingBooking booking = inRegion(id, by, true);
      long regionId = regionOf(booking);
      requireBookerOrManager(booking, regionId, by);
      if ("PENDING".equals(booking.status())) {
        throw new BusinessRuleException("meeting.notYetApproved", booking.subject());
      }
      if (!booking.holdsRoom()) {
        throw new ConflictException("meeting.alreadyCancelled", booking.subject());
      }
      if (booking.checkedInAt() != null) {
        throw new ConflictException("meeting.alreadyCheckedIn", booking.subject());
      }
      Instant now = clock.instant();
      OffsetDateTime opens = checkInOpensAt(booking, regionId);
      if (now.isBefore(opens.toInstant()) || !now.isBefore(booking.end().toInstant())) {
        throw new BusinessRuleException("meeting.checkInClosed", new TimeSlot(opens, booking.end()).hours());
      }
      jdbc.sql("update meeting_booking set checked_in_at = :now, checked_in_by = :by, updated_at = :now where id = :id")
          .param("now", Timestamp.from(now)).param("by", by.userId()).param("id", id).update();
      audit.record(new AuditEntry("CHECK_IN", "meeting_booking", id, regionId, Map.of(),
          Map.of("checkedInAt", now.toString())));
      return rooms.booking(id);
    });
  }

  private OffsetDateTime checkInOpensAt(MeetingBooking booking, long regionId) {
    return booking.start().minusMinutes(rules.graceMinutes(regionId, booking.start().toLocalDate()));
  }

  /**
   * Moves a booking, or one occurrence of a series, to another time the same room is free (a series keeps the
   * occurrence's original start for calendar clients). A collision answers 409 with the nearest free slots.
   */
  public MeetingBooking move(long id, OffsetDateTime start, OffsetDateTime end, CurrentUser by) {
    MeetingBooking before = inRegion(id, by, false);
    MeetingRoom room = rooms.room(before.roomId(), by);
    requireBookerOrManager(before, room.regionId(), by);
    rooms.checkTime(start, end);
    BookingRules.checkOpen(room, start, end);
    try {
      transaction.executeWithoutResult(status -> {
        MeetingBooking locked = inRegion(id, by, true);
        if (!locked.holdsRoom()) {
          throw new ConflictException("meeting.alreadyCancelled", locked.subject());
        }
        if (locked.checkedInAt() != null || !locked.start().toInstant().isAfter(clock.instant())) {
          throw new BusinessRuleException("meeting.alreadyStarted", locked.subject());
        }
        jdbc.sql("""
            update meeting_booking set during = tstzrange(:start, :end, '[)'), sequence = sequence + 1,
                   updated_at = :now where id = :id""")
            .param("start", Timestamp.from(start.toInstant())).param("end", Timestamp.from(end.toInstant()))
            .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(AuditEntry.updated("meeting_booking", id, room.regionId(),
            Map.of("start", locked.start().toString(), "end", locked.end().toString()),
            Map.of("start", start.toString(), "end", end.toString())));
      });
    } catch (DataAccessException e) {
      if (!Violations.isExclusionViolation(e)) {
        throw e;
      }
      throw rooms.collision(room, start, end);
    }
    return rooms.booking(id);
  }

  /**
   * Releases every confirmed booking whose check-in grace has passed at {@code now} while the meeting would still
   * be running — afterwards nothing is gained by freeing the room. Answers the released bookings.
   */
  public List<Long> releaseNoShows(Instant now) {
    return transaction.execute(status -> {
      var due = jdbc.sql("""
          select b.id, b.subject, b.booked_by, lower(b.during) as starts_at, r.name as room, r.region_id,
                 g.grace_minutes from meeting_booking b
            join meeting_room r on r.id = b.room_id
            cross join lateral (select grace_minutes from meeting_no_show_rule n
                                 where (n.region_id is null or n.region_id = r.region_id)
                                   and n.effective_from <= (lower(b.during) at time zone 'Asia/Shanghai')::date
                                 order by n.region_id nulls last, n.effective_from desc limit 1) g
           where b.status = 'ACTIVE' and b.checked_in_at is null
             and lower(b.during) <= :now and upper(b.during) > :now
             and lower(b.during) + make_interval(mins => g.grace_minutes) <= :now
           order by b.id for update of b skip locked""")
          .param("now", Timestamp.from(now)).query().listOfRows();
      List<Long> released = new ArrayList<>();
      for (var row : due) {
        long id = ((Number) row.get("id")).longValue();
        jdbc.sql("""
            update meeting_booking set status = 'RELEASED', released_at = :now, sequence = sequence + 1,
                   updated_at = :now where id = :id""")
            .param("now", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("update meeting_service_order set status = 'CANCELLED' where booking_id = :id and status = 'ORDERED'")
            .param("id", id).update();
        audit.record(new AuditEntry("RELEASE_NO_SHOW", "meeting_booking", id,
            ((Number) row.get("region_id")).longValue(), Map.of("status", "ACTIVE"),
            Map.of("status", "RELEASED", "graceMinutes", row.get("grace_minutes"))));
        rooms.announceReleased(List.of(id), ((Number) row.get("region_id")).longValue(),
            BookingReleased.Reason.NO_SHOW);
        notifications.send(((Number) row.get("booked_by")).longValue(), "未签到，会议室已释放：" + row.get("subject"),
            "会议开始后 " + row.get("grace_minutes") + " 分钟内无人签到，" + row.get("room") + " 已释放给其他人预订。",
            "/meeting-bookings/" + id);
        released.add(id);
      }
      return released;
    });
  }

  /**
   * A large hall's approval decided: approved confirms the bookings it held, rejected releases them. Runs after the
   * approval committed, in a transaction of its own, and is retried when it fails (ADR 0012); only bookings still
   * pending move, so bookings cancelled meanwhile stay cancelled and a repeated run changes nothing.
   */
  @ApplicationModuleListener(id = "meeting.approval-decided")
  void onApprovalDecided(ApprovalDecided decided) {
    if (MeetingRooms.APPROVAL_TYPE.equals(decided.requestType())) {
      settleHeldBookings(decided.requestId(), decided.outcome() == ApprovalDecided.Outcome.APPROVED, false);
    }
  }

  /**
   * The applicant withdrew the request on the approval page: the slots it held are released. (When the booking was
   * cancelled first, nothing is pending any more and this finds nothing.)
   */
  @ApplicationModuleListener(id = "meeting.approval-withdrawn")
  void onApprovalWithdrawn(ApprovalWithdrawn withdrawn) {
    if (MeetingRooms.APPROVAL_TYPE.equals(withdrawn.requestType())) {
      settleHeldBookings(withdrawn.requestId(), false, true);
    }
  }

  private void settleHeldBookings(long requestId, boolean approved, boolean withdrawn) {
    var held = jdbc.sql("""
        select b.id, b.subject, b.booked_by, r.name as room, r.region_id from meeting_booking b
          join meeting_room r on r.id = b.room_id
         where b.approval_request_id = :request and b.status = 'PENDING' order by b.id for update of b""")
        .param("request", requestId).query().listOfRows();
    Timestamp now = Timestamp.from(clock.instant());
    for (var row : held) {
      long id = ((Number) row.get("id")).longValue();
      jdbc.sql("""
          update meeting_booking set status = :status, sequence = sequence + 1, updated_at = :now,
                 cancelled_at = case when cast(:status as text) = 'CANCELLED' then cast(:now as timestamptz) end where id = :id""")
          .param("status", approved ? "ACTIVE" : "CANCELLED").param("now", now).param("id", id).update();
      audit.record(new AuditEntry(approved ? "APPROVE" : withdrawn ? "WITHDRAW" : "REJECT", "meeting_booking", id,
          ((Number) row.get("region_id")).longValue(), Map.of("status", "PENDING"),
          Map.of("status", approved ? "ACTIVE" : "CANCELLED", "approvalRequestId", requestId)));
      if (!approved) {
        rooms.announceReleased(List.of(id), ((Number) row.get("region_id")).longValue(),
            BookingReleased.Reason.CANCELLED);
      }
    }
    if (!held.isEmpty() && !withdrawn) {
      var first = held.get(0);
      String subject = (String) first.get("subject");
      notifications.send(((Number) first.get("booked_by")).longValue(),
          (approved ? "会议室预订已批准：" : "会议室预订未获批准：") + subject,
          first.get("room") + (approved ? " 已为您确认" : " 已释放") + (held.size() > 1 ? "（共 " + held.size() + " 次）" : ""),
          "/meeting-bookings/" + ((Number) first.get("id")).longValue());
    }
  }

  MeetingBooking inRegion(long id, CurrentUser viewer, boolean lock) {
    return jdbc.sql("""
        select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at
          from meeting_booking b join meeting_room r on r.id = b.room_id
         where b.id = :id and r.region_id = :region""" + (lock ? " for update of b" : ""))
        .param("id", id).param("region", viewer.regionId()).query(MeetingRooms::booking).optional()
        .orElseThrow(() -> new NotFoundException("meetingBooking", id));
  }

  private long regionOf(MeetingBooking booking) {
    return jdbc.sql("select region_id from meeting_room where id = :room").param("room", booking.roomId())
        .query(Long.class).single();
  }

  static void requireBookerOrManager(MeetingBooking booking, long regionId, CurrentUser by) {
    if (booking.bookedBy() != by.userId() && !by.dataScopeAs(Role.MEETING_MANAGER).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
  }
}
