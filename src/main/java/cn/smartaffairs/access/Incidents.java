package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安保事件: the gate staff and security managers record an incident (when, where, what); it stays open until its
 * handling is recorded, once. Each step audited.
 */
@Service
public class Incidents {

  public enum Status {
    OPEN, HANDLED
  }

  public record Incident(long id, long regionId, Instant occurredAt, String place, String description, Status status,
      String handling, Instant handledAt) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  Incidents(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Incident report(LocalDateTime occurredAt, String place, String description, CurrentUser by) {
    AccessRoles.gateOf(by);
    Instant at = occurredAt == null ? null : occurredAt.atZone(Visit.BEIJING).toInstant();
    if (at == null || at.isAfter(clock.instant())) {
      throw new BusinessRuleException("access.incident.timeInvalid");
    }
    String where = place == null ? "" : place.strip();
    String what = description == null ? "" : description.strip();
    if (where.isEmpty() || where.length() > 100 || what.isEmpty() || what.length() > 1000) {
      throw new BusinessRuleException("access.incident.incomplete");
    }
    long id = jdbc.sql("""
        insert into access_incident (region_id, occurred_at, place, description, status, reported_by)
        values (:region, :at, :place, :description, 'OPEN', :by) returning id""")
        .param("region", by.regionId()).param("at", Timestamp.from(at)).param("place", where)
        .param("description", what).param("by", by.userId()).query(Long.class).single();
    Incident incident = load(id);
    audit.record(AuditEntry.created("access_incident", id, by.regionId(), shown(incident)));
    return incident;
  }

  @Transactional
  public Incident handle(long id, String handling, CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    Incident incident = jdbc.sql("select * from access_incident i where i.id = :id and "
        + DataScope.sqlCondition("i.region_id", null, null) + " for update")
        .paramSource(gate.bind(new MapSqlParameterSource("id", id))).query(Incidents::incident).optional()
        .orElseThrow(() -> new NotFoundException("incident", id));
    if (incident.status() != Status.OPEN) {
      throw new ConflictException("access.incident.alreadyHandled");
    }
    String how = handling == null ? "" : handling.strip();
    if (how.isEmpty() || how.length() > 1000) {
      throw new BusinessRuleException("access.incident.handlingRequired");
    }
    jdbc.sql("""
        update access_incident set status = 'HANDLED', handling = :handling, handled_at = :now, handled_by = :by
         where id = :id""")
        .param("handling", how).param("now", Timestamp.from(clock.instant())).param("by", by.userId())
        .param("id", id).update();
    Incident handled = load(id);
    audit.record(AuditEntry.updated("access_incident", id, incident.regionId(), shown(incident), shown(handled)));
    return handled;
  }

  /** The incidents of the caller's regions, open ones first, newest first. */
  public List<Incident> list(CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    return jdbc.sql("select * from access_incident i where " + DataScope.sqlCondition("i.region_id", null, null)
        + " order by (i.status = 'OPEN') desc, i.occurred_at desc, i.id desc limit 500")
        .paramSource(gate.bind(new MapSqlParameterSource())).query(Incidents::incident).list();
  }

  private Incident load(long id) {
    return jdbc.sql("select * from access_incident where id = :id").param("id", id).query(Incidents::incident)
        .single();
  }

  private static Map<String, Object> shown(Incident incident) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("occurredAt", incident.occurredAt().toString());
    shown.put("place", incident.place());
    shown.put("description", incident.description());
    shown.put("status", incident.status().name());
    if (incident.handling() != null) {
      shown.put("handling", incident.handling());
    }
    return shown;
  }

  private static Incident incident(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp handled = rs.getTimestamp("handled_at");
    return new Incident(rs.getLong("id"), rs.getLong("region_id"), rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("place"), rs.getString("description"), Status.valueOf(rs.getString("status")),
        rs.getString("handling"), handled == null ? null : handled.toInstant());
  }
}
