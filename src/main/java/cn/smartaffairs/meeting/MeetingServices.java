package cn.smartaffairs.meeting;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 会务服务: services ordered with a booking become tasks of the region's meeting managers — a to-do item each and a
 * line in the services task list — until one of them marks the service delivered.
 */
@Service
public class MeetingServices {

  static final String MODULE = "meeting";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  private static final String ORDER = """
      select o.*, b.subject, r.name as room_name, lower(b.during) as meeting_start
        from meeting_service_order o join meeting_booking b on b.id = o.booking_id
        join meeting_room r on r.id = b.room_id""";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TodoInbox inbox;
  private final Accounts accounts;
  private final MeetingRooms rooms;
  private final Clock clock;

  public MeetingServices(JdbcClient jdbc, AuditTrail audit, TodoInbox inbox, Accounts accounts,
      MeetingRooms rooms, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.inbox = inbox;
    this.accounts = accounts;
    this.rooms = rooms;
    this.clock = clock;
  }

  /** Orders a service for a booking that still holds its room: its booker or a meeting manager. */
  @Transactional
  public ServiceOrder order(long bookingId, NewServiceOrder request, CurrentUser by) {
    MeetingBooking booking = rooms.lockedInRegion(bookingId, by);
    long regionId = by.regionId();
    booking.requireOpenForServices(BookingActor.of(by, regionId));
    if (request.kind() == null) {
      throw new BusinessRuleException("meeting.serviceUnknown", "");
    }
    ServiceKind kind = ServiceKind.parse(request.kind());
    var neededAt = booking.serviceNeededAt(request.neededAt(), clock.instant());
    String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
    if (note != null && note.length() > 500) {
      throw new BusinessRuleException("meeting.serviceNoteTooLong");
    }
    long id = jdbc.sql("""
        insert into meeting_service_order (booking_id, kind, needed_at, note, ordered_by, ordered_at)
        values (:booking, :kind, :needed, :note, :by, :now) returning id""")
        .param("booking", bookingId).param("kind", kind.name()).param("needed", Timestamp.from(neededAt.toInstant()))
        .param("note", note).param("by", by.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    String title = "会务服务：" + label(kind) + " · " + booking.subject() + "（" + WHEN.format(neededAt) + "）";
    for (long manager : accounts.holdersOf(Role.MEETING_MANAGER, regionId, null)) {
      inbox.add(manager, MODULE, title, link(id), neededAt.toInstant());
    }
    audit.record(AuditEntry.created("meeting_service_order", id, regionId, Map.of("bookingId", bookingId,
        "kind", kind.name(), "neededAt", neededAt.toString())));
    return order(id);
  }

  /** Marks a service delivered: a meeting manager of the region; closes everyone's to-do item for it. */
  @Transactional
  public ServiceOrder deliver(long id, CurrentUser by) {
    ServiceOrder order = jdbc.sql(ORDER + " where o.id = :id and r.region_id = :region for update of o")
        .param("id", id).param("region", by.regionId()).query(MeetingServices::order).optional()
        .orElseThrow(() -> new NotFoundException("meetingService", id));
    if (!by.dataScopeAs(Role.MEETING_MANAGER).permits(by.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    ServiceOrder delivered = order.deliver(OffsetDateTime.now(clock));
    jdbc.sql(
        "update meeting_service_order set status = :status, delivered_at = :now, delivered_by = :by where id = :id")
        .param("status", delivered.status().name()).param("now", Timestamp.from(delivered.deliveredAt().toInstant()))
        .param("by", by.userId()).param("id", id).update();
    inbox.doneForLink(link(id));
    audit.record(AuditEntry.updated("meeting_service_order", id, by.regionId(), Map.of("status", order.status()),
        Map.of("status", delivered.status())));
    return order(id);
  }

  /** The services of a booking, by time needed. */
  public List<ServiceOrder> ofBooking(long bookingId) {
    return jdbc.sql(ORDER + " where o.booking_id = :booking order by o.needed_at, o.id").param("booking", bookingId)
        .query(MeetingServices::order).list();
  }

  /** The region's services still to deliver (and those delivered today), for its 会务 team. */
  public List<ServiceOrder> taskList(CurrentUser viewer) {
    if (!viewer.dataScopeAs(Role.MEETING_MANAGER, Role.REGION_ADMIN, Role.PLATFORM_ADMIN)
        .permits(viewer.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    return jdbc.sql(ORDER + " " + """
        where r.region_id = :region
          and (o.status = :ordered or (o.status = :delivered and o.delivered_at > :since))
        order by o.status desc, o.needed_at, o.id""")
        .param("region", viewer.regionId()).param("ordered", ServiceOrderStatus.ORDERED.name())
        .param("delivered", ServiceOrderStatus.DELIVERED.name())
        .param("since", Timestamp.from(clock.instant().minusSeconds(86400)))
        .query(MeetingServices::order).list();
  }

  static String link(long orderId) {
    return "/meeting-services#service-" + orderId;
  }

  private static String label(ServiceKind kind) {
    return switch (kind) {
      case TEA_WATER -> "茶水";
      case AUDIO_VISUAL -> "音视频保障";
      case NAME_PLATES -> "桌牌";
      case FLOWERS -> "鲜花";
      case PRINTED_MATERIALS -> "会议材料印制";
      case SIGNAGE -> "指引标识";
    };
  }

  private ServiceOrder order(long id) {
    return jdbc.sql(ORDER + " where o.id = :id").param("id", id).query(MeetingServices::order).single();
  }

  private static ServiceOrder order(ResultSet rs, int row) throws SQLException {
    return new ServiceOrder(rs.getLong("id"), rs.getLong("booking_id"), ServiceKind.valueOf(rs.getString("kind")),
        MeetingRooms.beijing(rs, "needed_at"), rs.getString("note"),
        ServiceOrderStatus.valueOf(rs.getString("status")), rs.getString("subject"),
        rs.getString("room_name"), MeetingRooms.beijing(rs, "meeting_start"),
        rs.getObject("delivered_at") == null ? null : MeetingRooms.beijing(rs, "delivered_at"));
  }
}
