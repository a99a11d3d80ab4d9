package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.crypto.FieldCipher;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.organisation.MobileNumber;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 访客登记: a host announces a visitor (or a visitor asks through the host's invitation link and the host confirms),
 * the gate checks the visitor in by the pass or the ID number and out again; the host hears of the arrival. Every
 * change is audited with the ID number masked. Hosts see their own visits, the gate and the security managers those of
 * their region.
 */
@Service
public class Visits {

  /** How long an invitation link stays open. */
  static final Duration INVITATION_LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final LocalTime DAY_START = LocalTime.MIN;
  private static final LocalTime DAY_END = LocalTime.of(23, 59);

  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Clock clock;
  private final WatchList watchList;

  Visits(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Notifications notifications, MessageSource messages,
      Clock clock, WatchList watchList) {
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.audit = audit;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
    this.watchList = watchList;
  }

  /** A host's visitor, expected on the day: the host is the caller unless the caller works at the gate or manages. */
  @Transactional
  public Visit register(VisitDraft draft, CurrentUser by) {
    long hostStaffId = draft.hostStaffId() == null ? ownStaff(by) : draft.hostStaffId();
    Host host = host(hostStaffId);
    boolean own = by.staffId() != null && by.staffId() == hostStaffId;
    if (!own && !(by.hasAny(AccessRoles.GATE) && by.dataScopeAs(AccessRoles.GATE).permits(host.regionId(), null,
        null))) {
      throw new ForbiddenException("access.visit.notYourGuest");
    }
    return insert(draft, host, VisitStatus.EXPECTED, false, by.userId());
  }

  /** A visitor's request through a host's invitation link; the host confirms or declines it. */
  @Transactional
  public Visit request(String invitationToken, VisitDraft draft) {
    Invitation invitation = invitation(invitationToken)
        .orElseThrow(() -> new BusinessRuleException("access.invitation.invalid"));
    Visit visit = insert(draft, host(invitation.hostStaffId()), VisitStatus.REQUESTED, true, null);
    accountsOf(visit.hostStaffId()).forEach(userId -> notifications.send(userId,
        both("access.notice.requested.title", visit), both("access.notice.requested.body", visit),
        "/visitors"));
    return visit;
  }

  public Optional<Invitation> invitation(String token) {
    if (token == null || token.length() > 64) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select i.token, i.host_staff_id, p.name, i.expires_at from access_invitation i
          join org_person p on p.id = i.host_staff_id
         where i.token = :token and i.expires_at > :now and p.status = 'ACTIVE'""")
        .param("token", token).param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> new Invitation(rs.getString("token"), rs.getLong("host_staff_id"), rs.getString("name"),
            rs.getTimestamp("expires_at").toInstant()))
        .optional();
  }

  /** 访客预约链接: the caller's open invitation link, or a new one. */
  @Transactional
  public Invitation invitationOf(CurrentUser by) {
    long staffId = ownStaff(by);
    Host host = host(staffId);
    Instant now = clock.instant();
    Optional<Invitation> open = jdbc.sql("""
        select token from access_invitation where host_staff_id = :staff and expires_at > :soon
         order by expires_at desc limit 1""")
        .param("staff", staffId).param("soon", Timestamp.from(now.plus(Duration.ofDays(1))))
        .query(String.class).optional().flatMap(this::invitation);
    if (open.isPresent()) {
      return open.get();
    }
    String token = newToken();
    Instant expires = now.plus(INVITATION_LIFETIME);
    long id = jdbc.sql("""
        insert into access_invitation (region_id, host_staff_id, token, expires_at, created_by)
        values (:region, :staff, :token, :expires, :by) returning id""")
        .param("region", host.regionId()).param("staff", staffId).param("token", token)
        .param("expires", Timestamp.from(expires)).param("by", by.userId()).query(Long.class).single();
    audit.record(AuditEntry.created("access_invitation", id, host.regionId(),
        Map.of("hostStaffId", staffId, "expiresAt", expires.toString())));
    return new Invitation(token, staffId, host.name(), expires);
  }

  @Transactional
  public Visit confirm(long id, CurrentUser by) {
    return move(id, VisitStatus.Move.CONFIRM, byHost(id, by), by);
  }

  @Transactional
  public Visit decline(long id, CurrentUser by) {
    return move(id, VisitStatus.Move.DECLINE, byHost(id, by), by);
  }

  @Transactional
  public Visit cancel(long id, CurrentUser by) {
    return move(id, VisitStatus.Move.CANCEL, byHostOrGate(id, by), by);
  }

  /** At the gate: the pass read from the visitor's phone or paper. */
  @Transactional
  public Visit checkInByPass(String qrToken, CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    String token = qrToken == null ? "" : qrToken.strip();
    Long id = token.isEmpty() || token.length() > 64
        ? null
        : jdbc.sql("""
            select v.id from access_visit v where v.qr_token = :token and """
            + DataScope.sqlCondition("v.region_id", null, null))
            .paramSource(gate.bind(new MapSqlParameterSource("token", token))).query(Long.class).optional()
            .orElse(null);
    if (id == null) {
      throw new BusinessRuleException("access.pass.unknown");
    }
    return checkIn(id, by);
  }

  /** At the gate: the ID number typed from the visitor's card, for today's expected visit. */
  @Transactional
  public Visit checkInByIdNumber(String idNumber, CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    ResidentIdNumber number = ResidentIdNumber.parse(idNumber, today());
    List<Long> ids = jdbc.sql("""
        select v.id from access_visit v
         where v.id_number_hash = :hash and v.visit_on = :today and v.status in ('REQUESTED', 'EXPECTED') and """
        + DataScope.sqlCondition("v.region_id", null, null) + " order by v.window_from, v.id")
        .paramSource(gate.bind(new MapSqlParameterSource("hash", idHash(cipher, number)).addValue("today",
            Date.valueOf(today()))))
        .query(Long.class).list();
    if (ids.isEmpty()) {
      throw new BusinessRuleException("access.visit.noneToday");
    }
    return checkIn(ids.get(0), by);
  }

  @Transactional
  public Visit checkOut(long id, CurrentUser by) {
    AccessRoles.gateOf(by);
    return move(id, VisitStatus.Move.CHECK_OUT, byGate(id, by), by);
  }

  private Visit checkIn(long id, CurrentUser by) {
    Visit visit = byGate(id, by);
    // listed since it was announced: the gate refuses the visitor
    watchList.requireNotListed(visit.regionId(), jdbc.sql("select id_number_hash from access_visit where id = :id")
        .param("id", id).query(String.class).single());
    Visit moved = move(id, VisitStatus.Move.CHECK_IN, visit, by);
    accountsOf(moved.hostStaffId()).forEach(userId -> notifications.send(userId,
        both("access.notice.arrived.title", moved), both("access.notice.arrived.body", moved), "/visitors"));
    return moved;
  }

  public Visit get(long id, CurrentUser by) {
    return byHostOrGate(id, by);
  }

  /** The pass as the visitor's own page shows it (public: whoever holds the token holds the pass). */
  public Optional<Visit> byPass(String qrToken) {
    if (qrToken == null || qrToken.isBlank() || qrToken.length() > 64) {
      return Optional.empty();
    }
    return jdbc.sql(SELECT + " where v.qr_token = :token").param("token", qrToken).query(Visits::visit).optional();
  }

  /** The gate's day: every visit of the caller's regions on a day, by window. */
  public List<Visit> day(LocalDate day, CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    return jdbc.sql(SELECT + " where v.visit_on = :day and " + DataScope.sqlCondition("v.region_id", null, null)
        + " order by v.window_from, v.visitor_name, v.id")
        .paramSource(gate.bind(new MapSqlParameterSource("day", Date.valueOf(day)))).query(Visits::visit).list();
  }

  /** 我的访客: the caller's visitors from a day on, the nearest first. */
  public List<Visit> hostedBy(CurrentUser by, LocalDate from) {
    if (by.staffId() == null) {
      return List.of();
    }
    return jdbc.sql(SELECT + " where v.host_staff_id = :staff and v.visit_on >= :from"
        + " order by v.visit_on, v.window_from, v.id limit 200")
        .param("staff", by.staffId()).param("from", Date.valueOf(from)).query(Visits::visit).list();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(Visit.BEIJING));
  }

  /** The ID number's keyed lookup hash: an unkeyed one could be reversed by hashing every possible number. */
  static String idHash(FieldCipher cipher, ResidentIdNumber number) {
    return cipher.lookupHash("access.resident-id", number.value());
  }

  private static final String SELECT = """
      select v.*, p.name as host_name from access_visit v join org_person p on p.id = v.host_staff_id""";

  private Visit insert(VisitDraft draft, Host host, VisitStatus status, boolean publicly, Long by) {
    LocalDate today = today();
    String name = draft.visitorName() == null ? "" : draft.visitorName().strip();
    if (name.isEmpty() || name.length() > 50) {
      throw new BusinessRuleException("access.visit.nameInvalid");
    }
    ResidentIdNumber idNumber = ResidentIdNumber.parse(draft.idNumber(), today);
    String mobile = MobileNumber.normalise(draft.mobile());
    if (!MobileNumber.isValid(mobile)) {
      throw new BusinessRuleException("access.visit.mobileInvalid");
    }
    String plate = Plates.normalise(draft.plate());
    if (plate != null && !Plates.isValid(plate)) {
      throw new BusinessRuleException("access.plateInvalid", plate);
    }
    if (draft.visitOn() == null || draft.visitOn().isBefore(today) || draft.visitOn().isAfter(today.plusDays(90))) {
      throw new BusinessRuleException("access.visit.dayInvalid");
    }
    LocalTime from = draft.windowFrom() == null ? DAY_START : draft.windowFrom().withSecond(0).withNano(0);
    LocalTime to = draft.windowTo() == null ? DAY_END : draft.windowTo().withSecond(0).withNano(0);
    if (!to.isAfter(from)) {
      throw new BusinessRuleException("access.visit.windowInvalid");
    }
    Instant expires = Visit.passExpiry(draft.visitOn(), to);
    if (!expires.isAfter(clock.instant())) {
      throw new BusinessRuleException("access.visit.windowPassed");
    }
    String purpose = draft.purpose() == null ? "" : draft.purpose().strip();
    if (purpose.isEmpty() || purpose.length() > 200) {
      throw new BusinessRuleException("access.visit.purposeInvalid");
    }
    String hash = idHash(cipher, idNumber);
    watchList.requireNotListed(host.regionId(), hash);
    String token = newToken();
    long id = jdbc.sql("""
        insert into access_visit (region_id, host_staff_id, visitor_name, id_number_cipher, id_number_hash,
               id_number_masked, mobile_cipher, mobile_masked, plate, visit_on, window_from, window_to, purpose, status,
               qr_token, pass_expires_at, requested_publicly, created_by)
        values (:region, :host, :name, :idCipher, :idHash, :idMasked, :mobileCipher, :mobileMasked, :plate, :day,
               :from, :to, :purpose, :status, :token, :expires, :publicly, :by) returning id""")
        .param("region", host.regionId()).param("host", host.staffId()).param("name", name)
        .param("idCipher", cipher.encrypt(idNumber.value())).param("idHash", hash)
        .param("idMasked", idNumber.masked()).param("mobileCipher", cipher.encrypt(mobile))
        .param("mobileMasked", MobileNumber.mask(mobile)).param("plate", plate)
        .param("day", Date.valueOf(draft.visitOn())).param("from", Time.valueOf(from)).param("to", Time.valueOf(to))
        .param("purpose", purpose).param("status", status.name()).param("token", token)
        .param("expires", Timestamp.from(expires)).param("publicly", publicly).param("by", by)
        .query(Long.class).single();
    Visit visit = load(id);
    audit.record(AuditEntry.created("access_visit", id, host.regionId(), shown(visit)));
    return visit;
  }

  /** Locks the visit, lets it decide the move on its current state (checked for the caller by {@code allowed}). */
  private Visit move(long id, VisitStatus.Move move, Visit allowed, CurrentUser by) {
    Visit visit = jdbc.sql(SELECT + " where v.id = :id for update of v").param("id", id).query(Visits::visit)
        .single();
    Instant now = clock.instant();
    VisitStatus next = visit.move(move, now);
    jdbc.sql("""
        update access_visit set status = :status, version = version + 1,
               checked_in_at = case when :move = 'CHECK_IN' then :now else checked_in_at end,
               checked_in_by = case when :move = 'CHECK_IN' then :by else checked_in_by end,
               checked_out_at = case when :move = 'CHECK_OUT' then :now else checked_out_at end
         where id = :id""")
        .param("status", next.name()).param("move", move.name()).param("now", Timestamp.from(now))
        .param("by", by == null ? null : by.userId()).param("id", id).update();
    Visit after = load(id);
    audit.record(new AuditEntry(move == VisitStatus.Move.CHECK_IN
        ? "CHECK_IN"
        : move == VisitStatus.Move.CHECK_OUT
            ? "CHECK_OUT"
            : move == VisitStatus.Move.CONFIRM ? "CONFIRM" : move == VisitStatus.Move.DECLINE ? "DECLINE" : "CANCEL",
        "access_visit", id, visit.regionId(),
        Map.of("status", visit.status().name()), shown(after)));
    return after;
  }

  private Visit byHost(long id, CurrentUser by) {
    Visit visit = loadOptional(id).orElseThrow(() -> new NotFoundException("visit", id));
    if (by.staffId() == null || by.staffId() != visit.hostStaffId()) {
      throw new NotFoundException("visit", id);
    }
    return visit;
  }

  private Visit byGate(long id, CurrentUser by) {
    Visit visit = loadOptional(id).orElseThrow(() -> new NotFoundException("visit", id));
    if (!by.hasAny(AccessRoles.GATE) || !by.dataScopeAs(AccessRoles.GATE).permits(visit.regionId(), null, null)) {
      throw new NotFoundException("visit", id);
    }
    return visit;
  }

  private Visit byHostOrGate(long id, CurrentUser by) {
    Visit visit = loadOptional(id).orElseThrow(() -> new NotFoundException("visit", id));
    boolean host = by.staffId() != null && by.staffId() == visit.hostStaffId();
    boolean gate = by.hasAny(AccessRoles.GATE)
        && by.dataScopeAs(AccessRoles.GATE).permits(visit.regionId(), null, null);
    if (!host && !gate) {
      throw new NotFoundException("visit", id);
    }
    return visit;
  }

  private Visit load(long id) {
    return loadOptional(id).orElseThrow();
  }

  private Optional<Visit> loadOptional(long id) {
    return jdbc.sql(SELECT + " where v.id = :id").param("id", id).query(Visits::visit).optional();
  }

  private long ownStaff(CurrentUser by) {
    if (by.staffId() == null) {
      throw new BusinessRuleException("access.visit.hostRequired");
    }
    return by.staffId();
  }

  record Host(long staffId, long regionId, String name) {}

  private Host host(long staffId) {
    return jdbc.sql("select id, region_id, name from org_person where id = :id and status = 'ACTIVE'")
        .param("id", staffId)
        .query((rs, n) -> new Host(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"))).optional()
        .orElseThrow(() -> new BusinessRuleException("access.visit.hostUnknown", staffId));
  }

  private List<Long> accountsOf(long staffId) {
    return jdbc.sql("select id from security_account where staff_id = :staff and enabled order by id")
        .param("staff", staffId).query(Long.class).list();
  }

  private String both(String key, Visit visit) {
    Object[] arguments = {visit.visitorName(), visit.visitOn().toString(),
        visit.windowFrom() + "–" + visit.windowTo(), visit.purpose()};
    return messages.getMessage(key, arguments, Locale.SIMPLIFIED_CHINESE) + " / "
        + messages.getMessage(key, arguments, Locale.ENGLISH);
  }

  /** What the audit keeps of a visit: never the whole ID or mobile number. */
  private static Map<String, Object> shown(Visit visit) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("visitor", visit.visitorName());
    shown.put("idNumber", visit.idNumberMasked());
    shown.put("mobile", visit.mobileMasked());
    shown.put("plate", visit.plate());
    shown.put("hostStaffId", visit.hostStaffId());
    shown.put("visitOn", visit.visitOn().toString());
    shown.put("window", visit.windowFrom() + "–" + visit.windowTo());
    shown.put("purpose", visit.purpose());
    shown.put("status", visit.status().name());
    return shown;
  }

  static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Visit visit(ResultSet rs, int row) throws SQLException {
    Timestamp in = rs.getTimestamp("checked_in_at");
    Timestamp out = rs.getTimestamp("checked_out_at");
    return new Visit(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("host_staff_id"),
        rs.getString("host_name"), rs.getString("visitor_name"), rs.getString("id_number_masked"),
        rs.getString("mobile_masked"), rs.getString("plate"), rs.getDate("visit_on").toLocalDate(),
        rs.getTime("window_from").toLocalTime(), rs.getTime("window_to").toLocalTime(), rs.getString("purpose"),
        VisitStatus.valueOf(rs.getString("status")), rs.getString("qr_token"),
        rs.getTimestamp("pass_expires_at").toInstant(), rs.getBoolean("requested_publicly"),
        in == null ? null : in.toInstant(), out == null ? null : out.toInstant(), rs.getInt("version"));
  }

  /** A host's invitation link; the visitor's page names the host. */
  public record Invitation(String token, long hostStaffId, String hostName, Instant expiresAt)
      implements
        java.io.Serializable {
    public OffsetDateTime expiresAtBeijing() {
      return expiresAt.atZone(Visit.BEIJING).toOffsetDateTime();
    }
  }
}
