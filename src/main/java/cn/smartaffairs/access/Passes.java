package cn.smartaffairs.access;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 行政大院通行证: staff apply online for a pass for themselves or their car; the request goes through the approval engine
 * (request type {@code access.pass}: the unit head, then the security manager) and the pass becomes valid when
 * approved. Security revokes a pass with a reason. Every step audited.
 */
@Service
public class Passes {

  public static final String APPROVAL_TYPE = "access.pass";
  /** The longest a pass may run: three years (a sanity bound on what is typed, not a rule of the issue). */
  private static final int MOST_DAYS = 3 * 366;

  private final JdbcClient jdbc;
  private final Approvals approvals;
  private final AuditTrail audit;
  private final Clock clock;

  Passes(JdbcClient jdbc, Approvals approvals, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.approvals = approvals;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public AccessPass apply(PassDraft draft, CurrentUser by) {
    if (by.staffId() == null) {
      throw new BusinessRuleException("access.pass.holderRequired");
    }
    if (draft.kind() == null) {
      throw new BusinessRuleException("access.pass.kindRequired");
    }
    String plate = Plates.normalise(draft.plate());
    if (draft.kind() == PassKind.VEHICLE && !Plates.isValid(plate)) {
      throw new BusinessRuleException("access.plateInvalid", plate == null ? "" : plate);
    }
    if (draft.kind() == PassKind.STAFF) {
      plate = null;
    }
    LocalDate today = LocalDate.now(clock.withZone(Visit.BEIJING));
    if (draft.validFrom() == null || draft.validTo() == null || draft.validFrom().isBefore(today)
        || draft.validTo().isBefore(draft.validFrom())
        || draft.validTo().isAfter(draft.validFrom().plusDays(MOST_DAYS))) {
      throw new BusinessRuleException("access.pass.validityInvalid");
    }
    String reason = draft.reason() == null ? "" : draft.reason().strip();
    if (reason.isEmpty() || reason.length() > 200) {
      throw new BusinessRuleException("access.pass.reasonRequired");
    }
    String holder = jdbc.sql("select name from org_person where id = :id").param("id", by.staffId())
        .query(String.class).single();
    long id = jdbc.sql("""
        insert into access_pass (region_id, kind, holder_staff_id, applicant_user_id, plate, valid_from, valid_to,
               reason, status, qr_token)
        values (:region, :kind, :holder, :applicant, :plate, :from, :to, :reason, 'PENDING', :token) returning id""")
        .param("region", by.regionId()).param("kind", draft.kind().name()).param("holder", by.staffId())
        .param("applicant", by.userId()).param("plate", plate).param("from", Date.valueOf(draft.validFrom()))
        .param("to", Date.valueOf(draft.validTo())).param("reason", reason).param("token", Visits.newToken())
        .query(Long.class).single();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("kind", draft.kind().name());
    facts.put("days", draft.validTo().toEpochDay() - draft.validFrom().toEpochDay() + 1);
    String subject = (draft.kind() == PassKind.VEHICLE ? "车辆通行证 " + plate : "人员通行证") + " · " + holder + " · "
        + draft.validFrom() + "—" + draft.validTo();
    long request = approvals.submit(APPROVAL_TYPE, subject, facts, by);
    jdbc.sql("update access_pass set approval_request_id = :request where id = :id").param("request", request)
        .param("id", id).update();
    AccessPass pass = load(id);
    audit.record(AuditEntry.created("access_pass", id, pass.regionId(), shown(pass)));
    return pass;
  }

  /** The approval decided: a pending pass becomes valid or refused (after the approval committed, retried on failure). */
  @ApplicationModuleListener(id = "access.approval-decided")
  void onApprovalDecided(ApprovalDecided decided) {
    if (APPROVAL_TYPE.equals(decided.requestType())) {
      settle(decided.requestId(),
          decided.outcome() == ApprovalDecided.Outcome.APPROVED ? PassStatus.ACTIVE : PassStatus.REJECTED);
    }
  }

  @ApplicationModuleListener(id = "access.approval-withdrawn")
  void onApprovalWithdrawn(ApprovalWithdrawn withdrawn) {
    if (APPROVAL_TYPE.equals(withdrawn.requestType())) {
      settle(withdrawn.requestId(), PassStatus.WITHDRAWN);
    }
  }

  private void settle(long requestId, PassStatus to) {
    Optional<AccessPass> pass = jdbc.sql(SELECT + " where p.approval_request_id = :request for update of p")
        .param("request", requestId).query(Passes::pass).optional();
    if (pass.isEmpty() || !pass.get().status().isSettledByApproval()) {
      return; // settled before: a repeated event changes nothing
    }
    jdbc.sql("update access_pass set status = :status, version = version + 1 where id = :id")
        .param("status", to.name()).param("id", pass.get().id()).update();
    audit.recordAs("system", List.of(AuditEntry.updated("access_pass", pass.get().id(), pass.get().regionId(),
        Map.of("status", pass.get().status().name()), Map.of("status", to.name()))));
  }

  @Transactional
  public AccessPass revoke(long id, String reason, CurrentUser by) {
    DataScope managed = AccessRoles.managedBy(by);
    AccessPass pass = jdbc.sql(SELECT + " where p.id = :id and " + DataScope.sqlCondition("p.region_id", null, null)
        + " for update of p").paramSource(managed.bind(new MapSqlParameterSource("id", id))).query(Passes::pass)
        .optional().orElseThrow(() -> new NotFoundException("accessPass", id));
    if (!pass.status().canBeRevoked()) {
      throw new ConflictException("access.pass.notActive");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 200) {
      throw new BusinessRuleException("access.pass.revocationReasonRequired");
    }
    jdbc.sql("""
        update access_pass set status = 'REVOKED', revoked_at = :now, revoked_by = :by, revocation_reason = :reason,
               version = version + 1 where id = :id""")
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("reason", why).param("id", id)
        .update();
    AccessPass revoked = load(id);
    audit.record(new AuditEntry("REVOKE", "access_pass", id, pass.regionId(), shown(pass), shown(revoked)));
    return revoked;
  }

  /** The caller's own passes, and for the security managers every pass of their regions. */
  public List<AccessPass> visibleTo(CurrentUser by) {
    DataScope scope = by.hasAny(AccessRoles.MANAGERS) ? by.dataScopeAs(AccessRoles.MANAGERS) : DataScope.NOTHING;
    return jdbc.sql(SELECT + " where (p.holder_staff_id = :staff or " + DataScope.sqlCondition("p.region_id", null,
        null) + ") order by p.created_at desc, p.id desc limit 500")
        .paramSource(scope.bind(new MapSqlParameterSource("staff", by.staffId() == null ? -1L : by.staffId())))
        .query(Passes::pass).list();
  }

  public AccessPass get(long id, CurrentUser by) {
    AccessPass pass = loadOptional(id).orElseThrow(() -> new NotFoundException("accessPass", id));
    boolean own = by.staffId() != null && by.staffId() == pass.holderStaffId();
    boolean manager = by.hasAny(AccessRoles.MANAGERS)
        && by.dataScopeAs(AccessRoles.MANAGERS).permits(pass.regionId(), null, null);
    if (!own && !manager) {
      throw new NotFoundException("accessPass", id);
    }
    return pass;
  }

  /** The vehicle pass valid on a day for a plate in a region, if any (the gate's question). */
  public Optional<AccessPass> validForPlate(long regionId, String plate, LocalDate day) {
    return jdbc.sql(SELECT + " " + """
        where p.region_id = :region and p.plate = :plate and p.status = 'ACTIVE'
          and p.valid_from <= :day and p.valid_to >= :day order by p.valid_to desc, p.id limit 1""")
        .param("region", regionId).param("plate", plate).param("day", Date.valueOf(day)).query(Passes::pass)
        .optional();
  }

  private static final String SELECT = """
      select p.*, o.name as holder_name from access_pass p join org_person o on o.id = p.holder_staff_id""";

  private AccessPass load(long id) {
    return loadOptional(id).orElseThrow();
  }

  private Optional<AccessPass> loadOptional(long id) {
    return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(Passes::pass).optional();
  }

  private static Map<String, Object> shown(AccessPass pass) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("kind", pass.kind().name());
    shown.put("holderStaffId", pass.holderStaffId());
    shown.put("plate", pass.plate());
    shown.put("validFrom", pass.validFrom().toString());
    shown.put("validTo", pass.validTo().toString());
    shown.put("reason", pass.reason());
    shown.put("status", pass.status().name());
    if (pass.revocationReason() != null) {
      shown.put("revocationReason", pass.revocationReason());
    }
    return shown;
  }

  static AccessPass pass(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new AccessPass(rs.getLong("id"), rs.getLong("region_id"), PassKind.valueOf(rs.getString("kind")),
        rs.getLong("holder_staff_id"), rs.getString("holder_name"), rs.getString("plate"),
        rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getString("reason"),
        PassStatus.valueOf(rs.getString("status")), rs.getObject("approval_request_id", Long.class),
        rs.getString("qr_token"), revoked == null ? null : revoked.toInstant(), rs.getString("revocation_reason"),
        rs.getTimestamp("created_at").toInstant());
  }
}
