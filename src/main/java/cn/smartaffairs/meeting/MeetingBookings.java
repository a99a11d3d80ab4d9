package cn.smartaffairs.meeting;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
    MeetingBooking booking = rooms.inRegion(id, viewer, false);
    MeetingRoom room = rooms.room(booking.roomId(), viewer);
    LocalDate day = booking.start().toLocalDate();
    FeeCap cap = booking.meetingClass() == null
        ? null
        : new FeeCap(booking.meetingClass(), booking.attendees(), 1,
            rules.feeCapFen(room.regionId(), booking.meetingClass(), day));
    FeeCap seriesCap = null;
    if (cap != null && booking.seriesId() != null) {
      int days = jdbc.sql("""
          select count(distinct (lower(during) at time zone 'Asia/Shanghai')::date) from meeting_booking
           where series_id = :series and status in (:holding)""")
          .param("series", booking.seriesId()).param("holding", BookingStatus.HOLDING_ROOM)
          .query(Integer.class).single();
      seriesCap = new FeeCap(cap.meetingClass(), cap.attendees(), days, cap.fenPerPersonDay());
    }
    boolean mayChange = booking.mayBeChangedBy(BookingActor.of(viewer, room.regionId()));
    return new BookingView(booking, room, cap, seriesCap, mayChange,
        booking.checkInOpensAt(grace(room.regionId(), booking)));
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
      MeetingBooking booking = rooms.lockedInRegion(id, by);
      long regionId = by.regionId();
      Instant now = clock.instant();
      MeetingBooking after = booking.checkIn(BookingActor.of(by, regionId), now, grace(regionId, booking));
      jdbc.sql("update meeting_booking set checked_in_at = :now, checked_in_by = :by, updated_at = :now where id = :id")
          .param("now", Timestamp.from(after.checkedInAt().toInstant())).param("by", by.userId()).param("id", id)
          .update();
      audit.record(new AuditEntry("CHECK_IN", "meeting_booking", id, regionId, Map.of(),
          Map.of("checkedInAt", now.toString())));
      return rooms.booking(id);
    });
  }

  /** The region's check-in grace on the booking's day (签到时限). */
  private Duration grace(long regionId, MeetingBooking booking) {
    return Duration.ofMinutes(rules.graceMinutes(regionId, booking.start().toLocalDate()));
  }

  /**
   * Moves a booking, or one occurrence of a series, to another time the same room is free (a series keeps the
   * occurrence's original start for calendar clients). A collision answers 409 with the nearest free slots.
   */
  public MeetingBooking move(long id, OffsetDateTime start, OffsetDateTime end, CurrentUser by) {
    MeetingBooking before = rooms.inRegion(id, by, false);
    MeetingRoom room = rooms.room(before.roomId(), by);
    BookingActor actor = BookingActor.of(by, room.regionId());
    before.requireChangeableBy(actor);
    rooms.checkTime(start, end);
    BookingRules.checkOpen(room, start, end);
    try {
      transaction.executeWithoutResult(status -> {
        MeetingBooking locked = rooms.lockedInRegion(id, by);
        MeetingBooking moved = locked.moveTo(start, end, actor, clock.instant());
        jdbc.sql("""
            update meeting_booking set during = tstzrange(:start, :end, '[)'), sequence = sequence + 1,
                   updated_at = :now where id = :id""")
            .param("start", Timestamp.from(moved.start().toInstant()))
            .param("end", Timestamp.from(moved.end().toInstant()))
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
          select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at, r.name as room_name, r.region_id,
                 g.grace_minutes from meeting_booking b
            join meeting_room r on r.id = b.room_id
            cross join lateral (select grace_minutes from meeting_no_show_rule n
                                 where (n.region_id is null or n.region_id = r.region_id)
                                   and n.effective_from <= (lower(b.during) at time zone 'Asia/Shanghai')::date
                                 order by n.region_id nulls last, n.effective_from desc limit 1) g
           where b.status = :active and b.checked_in_at is null
             and lower(b.during) <= :now and upper(b.during) > :now
             and lower(b.during) + make_interval(mins => g.grace_minutes) <= :now
           order by b.id for update of b skip locked""")
          .param("now", Timestamp.from(now)).param("active", BookingStatus.ACTIVE.name())
          .query((rs, n) -> new NoShow(MeetingRooms.booking(rs, n), rs.getString("room_name"), rs.getLong("region_id"),
              rs.getInt("grace_minutes")))
          .list();
      List<Long> released = new ArrayList<>();
      for (NoShow noShow : due) {
        MeetingBooking booking = noShow.booking().releaseAsNoShow(now, Duration.ofMinutes(noShow.graceMinutes()));
        long id = booking.id();
        jdbc.sql("""
            update meeting_booking set status = :status, released_at = :now, sequence = sequence + 1,
                   updated_at = :now where id = :id""")
            .param("status", booking.status().name()).param("now", Timestamp.from(now)).param("id", id).update();
        rooms.cancelOpenServices(List.of(id));
        audit.record(new AuditEntry("RELEASE_NO_SHOW", "meeting_booking", id, noShow.regionId(),
            Map.of("status", noShow.booking().status()),
            Map.of("status", booking.status(), "graceMinutes", noShow.graceMinutes())));
        rooms.announceReleased(List.of(booking), noShow.regionId(), BookingReleased.Reason.NO_SHOW);
        notifications.send(booking.bookedBy(), "未签到，会议室已释放：" + booking.subject(),
            "会议开始后 " + noShow.graceMinutes() + " 分钟内无人签到，" + noShow.roomName() + " 已释放给其他人预订。",
            "/meeting-bookings/" + id);
        released.add(id);
      }
      return released;
    });
  }

  /** A booking the no-show query found, with what the release says about it. */
  private record NoShow(MeetingBooking booking, String roomName, long regionId, int graceMinutes) {}

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
        select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at, r.name as room_name, r.region_id
          from meeting_booking b join meeting_room r on r.id = b.room_id
         where b.approval_request_id = :request and b.status = :pending order by b.id for update of b""")
        .param("request", requestId).param("pending", BookingStatus.PENDING.name())
        .query((rs, n) -> new Held(MeetingRooms.booking(rs, n), rs.getString("room_name"), rs.getLong("region_id")))
        .list();
    Timestamp now = Timestamp.from(clock.instant());
    for (Held row : held) {
      MeetingBooking before = row.booking();
      MeetingBooking after = approved ? before.approve() : before.refuse();
      jdbc.sql("""
          update meeting_booking set status = :status, sequence = sequence + 1, updated_at = :now,
                 cancelled_at = case when cast(:givenBack as boolean) then cast(:now as timestamptz) end
           where id = :id""")
          .param("status", after.status().name()).param("givenBack", !after.holdsRoom()).param("now", now)
          .param("id", before.id()).update();
      audit.record(new AuditEntry(approved ? "APPROVE" : withdrawn ? "WITHDRAW" : "REJECT", "meeting_booking",
          before.id(), row.regionId(), Map.of("status", before.status()),
          Map.of("status", after.status(), "approvalRequestId", requestId)));
      if (!after.holdsRoom()) {
        rooms.announceReleased(List.of(after), row.regionId(), BookingReleased.Reason.CANCELLED);
      }
    }
    if (!held.isEmpty() && !withdrawn) {
      MeetingBooking first = held.get(0).booking();
      notifications.send(first.bookedBy(),
          (approved ? "会议室预订已批准：" : "会议室预订未获批准：") + first.subject(),
          held.get(0).roomName() + (approved ? " 已为您确认" : " 已释放")
              + (held.size() > 1 ? "（共 " + held.size() + " 次）" : ""),
          "/meeting-bookings/" + first.id());
    }
  }

  /** A booking held for an approval, with its room's name and region. */
  private record Held(MeetingBooking booking, String roomName, long regionId) {}
}
