package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.jt808.MessageIds;
import cn.smartaffairs.telemetry.jt808.TerminalReply;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 区域下发: the area commands of each fence to each terminal of its region (table {@code telemetry_area_command}, one
 * row per fence and terminal holding the latest command). A manager's push asks every terminal bound in the fence's
 * region for the fence's set command, a deletion every terminal that was asked before for its delete command; the
 * {@link AreaCommandSender} of whichever instance holds a terminal's connection sends them, and the terminal's
 * general reply (0x0001) with the flow number and message id of the command sets its result.
 */
@Service
public class AreaCommandPushes {

  /** Where a command to a terminal stands. */
  public enum Status {
    /** Waiting for the terminal to be connected. */
    PENDING,
    /** Sent, no answer yet. */
    SENT,
    /** Answered 0 (成功/确认). */
    SUCCEEDED,
    /** Answered 1 (失败). */
    FAILED,
    /** Answered 2 (消息有误). */
    MESSAGE_ERROR,
    /** Answered 3 (不支持). */
    NOT_SUPPORTED;

    static Status ofReply(int result) {
      return switch (result) {
        case MessageIds.OK -> SUCCEEDED;
        case MessageIds.MESSAGE_ERROR -> MESSAGE_ERROR;
        case MessageIds.NOT_SUPPORTED -> NOT_SUPPORTED;
        default -> FAILED;
      };
    }
  }

  /** A fence's command to one terminal: which, for which version of the fence, and how it stands. */
  public record TerminalCommand(long terminalId, long vehicleId, String phone, int messageId, boolean delete,
      int geofenceVersion, Status status, OffsetDateTime requestedAt, OffsetDateTime sentAt,
      OffsetDateTime answeredAt) {

    /** 0x8600 as people write message ids. */
    public String command() {
      return String.format("0x%04X", messageId);
    }
  }

  /** A command waiting to be sent: the fence it is about, and whether the terminal holds that area already. */
  record Pending(long id, int messageId, boolean holdsArea, Geofence fence) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final AreaCommandSignal signal;

  AreaCommandPushes(JdbcClient jdbc, AuditTrail audit, Clock clock, AreaCommandSignal signal) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.signal = signal;
  }

  /**
   * Asks every terminal bound in the fence's region for the fence's set command: sent at once to the terminals
   * connected, to the others when they next authenticate. Answers how many terminals were asked.
   */
  @Transactional
  public int push(long geofenceId, CurrentUser by) {
    Geofence fence = fence(geofenceId, by);
    if (fence.deleted()) {
      throw new ConflictException("telemetry.geofence.deleted", fence.name());
    }
    int terminals = jdbc.sql("""
        insert into telemetry_area_command (geofence_id, terminal_id, region_id, phone, message_id, geofence_version,
                                            status, requested_at, requested_by)
        select :fence, t.id, t.region_id, t.phone, :command, :version, 'PENDING', :now, :by
          from telemetry_terminal t where t.region_id = :region
        on conflict (geofence_id, terminal_id) do update
           set phone = excluded.phone, message_id = excluded.message_id,
               geofence_version = excluded.geofence_version, status = 'PENDING', flow_number = null, sent_at = null,
               answered_at = null, requested_at = excluded.requested_at, requested_by = excluded.requested_by""")
        .param("fence", fence.id()).param("command", fence.shape().setCommand()).param("version", fence.version())
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("region", fence.regionId())
        .update();
    Map<String, Object> pushed = new LinkedHashMap<>();
    pushed.put("command", String.format("0x%04X", fence.shape().setCommand()));
    pushed.put("version", fence.version());
    pushed.put("terminals", terminals);
    audit.record(new AuditEntry("PUSH", "telemetry_geofence", fence.id(), fence.regionId(), null, pushed));
    sendAfterCommit();
    return terminals;
  }

  /**
   * A deleted fence: every terminal that was asked for it is asked for its delete command instead, but for those
   * whose set command never went out (nothing to take back).
   */
  @Transactional
  public void enqueueDelete(Geofence fence, CurrentUser by) {
    jdbc.sql("delete from telemetry_area_command where geofence_id = :fence and status = 'PENDING' and not holds_area")
        .param("fence", fence.id()).update();
    int terminals = jdbc.sql("""
        update telemetry_area_command
           set message_id = :command, geofence_version = :version, status = 'PENDING', flow_number = null,
               sent_at = null, answered_at = null, requested_at = :now, requested_by = :by
         where geofence_id = :fence""")
        .param("command", fence.shape().deleteCommand()).param("version", fence.version())
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("fence", fence.id())
        .update();
    if (terminals > 0) {
      audit.record(new AuditEntry("PUSH", "telemetry_geofence", fence.id(), fence.regionId(), null,
          Map.of("command", String.format("0x%04X", fence.shape().deleteCommand()), "terminals", terminals)));
      sendAfterCommit();
    }
  }

  /** The fence's command to each terminal, by phone. */
  public List<TerminalCommand> commands(long geofenceId, CurrentUser by) {
    Geofence fence = fence(geofenceId, by);
    return jdbc.sql("""
        select c.*, t.vehicle_id from telemetry_area_command c join telemetry_terminal t on t.id = c.terminal_id
         where c.geofence_id = :fence order by c.phone""")
        .param("fence", fence.id())
        .query((rs, n) -> new TerminalCommand(rs.getLong("terminal_id"), rs.getLong("vehicle_id"),
            rs.getString("phone"), rs.getInt("message_id"), rs.getInt("message_id") == fence.shape().deleteCommand(),
            rs.getInt("geofence_version"), Status.valueOf(rs.getString("status")), beijing(rs, "requested_at"),
            beijing(rs, "sent_at"), beijing(rs, "answered_at")))
        .list();
  }

  /** How the commands of each fence stand: the count of terminals by status, by fence. */
  public Map<Long, Map<Status, Integer>> tally(List<Long> geofenceIds) {
    Map<Long, Map<Status, Integer>> tally = new LinkedHashMap<>();
    jdbc.sql("""
        select geofence_id, status, count(*) as terminals from telemetry_area_command
         where geofence_id = any(:ids) group by geofence_id, status""")
        .param("ids", geofenceIds.toArray(Long[]::new))
        .query((rs, n) -> {
          tally.computeIfAbsent(rs.getLong("geofence_id"), id -> new java.util.EnumMap<>(Status.class))
              .put(Status.valueOf(rs.getString("status")), rs.getInt("terminals"));
          return null;
        }).list();
    return tally;
  }

  // ---- the sender's side --------------------------------------------------------------------------------------

  /** The phone numbers of the terminals that have commands waiting. */
  List<String> pendingPhones() {
    return jdbc.sql("select distinct phone from telemetry_area_command where status = 'PENDING'")
        .query(String.class).list();
  }

  /** The commands waiting for this terminal, oldest first, each with its fence. */
  List<Pending> pendingFor(String phone) {
    return jdbc.sql("""
        select c.id as command_id, c.message_id, c.holds_area, g.* from telemetry_area_command c
          join telemetry_geofence g on g.id = c.geofence_id
         where c.phone = :phone and c.status = 'PENDING' order by c.requested_at, c.id""")
        .param("phone", phone)
        .query((rs, n) -> new Pending(rs.getLong("command_id"), rs.getInt("message_id"), rs.getBoolean("holds_area"),
            Geofences.map(rs)))
        .list();
  }

  /**
   * Records the flow number a command goes under; false when another instance sent it first. An unanswered command to
   * the same terminal under the same flow number and message id (sent on an earlier connection, whose numbers started
   * again from 0) could no longer be told apart by its answer: it waits to be sent again.
   */
  @Transactional
  public boolean sent(long commandId, int flow) {
    boolean claimed = jdbc.sql("""
        update telemetry_area_command set status = 'SENT', flow_number = :flow, sent_at = :now
         where id = :id and status = 'PENDING'""")
        .param("flow", flow).param("now", Timestamp.from(clock.instant())).param("id", commandId).update() == 1;
    if (claimed) {
      jdbc.sql("""
          update telemetry_area_command o set status = 'PENDING', flow_number = null, sent_at = null
            from telemetry_area_command c
           where c.id = :id and o.id <> c.id and o.phone = c.phone and o.message_id = c.message_id
             and o.flow_number = c.flow_number and o.status = 'SENT'""")
          .param("id", commandId).update();
    }
    return claimed;
  }

  /** Commands sent to the terminal before {@code before} and not answered wait to be sent again; answers how many. */
  int unanswered(String phone, Instant before) {
    return jdbc.sql("""
        update telemetry_area_command set status = 'PENDING', flow_number = null, sent_at = null
         where phone = :phone and status = 'SENT' and sent_at < :before""")
        .param("phone", phone).param("before", Timestamp.from(before)).update();
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * The terminal's general reply to an area command, matched by its phone, the flow number and the message id: the
   * result is stored, and a success tells whether the terminal now holds the area (a set) or not (a delete).
   */
  void answered(String phone, TerminalReply reply) {
    Status status = Status.ofReply(reply.result());
    jdbc.sql("""
        update telemetry_area_command
           set status = :status, answered_at = :now,
               holds_area = case when :ok then message_id in (:sets) else holds_area end
         where phone = :phone and flow_number = :flow and message_id = :command and status = 'SENT'""")
        .param("status", status.name()).param("now", Timestamp.from(clock.instant()))
        .param("ok", status == Status.SUCCEEDED)
        .param("sets", List.of(MessageIds.SET_CIRCLE, MessageIds.SET_RECTANGLE, MessageIds.SET_POLYGON))
        .param("phone", phone).param("flow", reply.replyFlow()).param("command", reply.replyId()).update();
  }

  private Geofence fence(long id, CurrentUser by) {
    DataScope managed = Geofences.managedBy(by);
    return jdbc.sql("select * from telemetry_geofence g where g.id = :id and "
        + DataScope.sqlCondition("g.region_id", null, null))
        .paramSource(managed.bind(new MapSqlParameterSource("id", id)))
        .query((rs, n) -> Geofences.map(rs)).optional().orElseThrow(() -> new NotFoundException("vehicleGeofence", id));
  }

  private void sendAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          signal.wakeUp();
        }
      });
    } else {
      signal.wakeUp();
    }
  }

  private static OffsetDateTime beijing(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    OffsetDateTime moment = rs.getObject(column, OffsetDateTime.class);
    return moment == null ? null : moment.withOffsetSameInstant(ZoneOffset.ofHours(8));
  }
}
