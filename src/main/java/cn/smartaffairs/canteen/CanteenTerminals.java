package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.SharedCache;
import cn.smartaffairs.platform.SharedCaches;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canteens and their payment terminals. A terminal is registered with its code (the {@code terminalId} it sends),
 * its canteen and region; it pays only for accounts of that region. Terminal lookups sit on the payment path, so they
 * are cached for a few seconds; registering or deactivating a terminal clears the cache of every instance.
 */
@Service
public class CanteenTerminals {

  /** 食堂 */
  public record Canteen(long id, long regionId, String name, String address) {}

  /** A registered payment terminal. */
  public record Terminal(long id, String terminalCode, long canteenId, String canteenName, long regionId, String name,
      boolean active, Instant registeredAt) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final SharedCache<String, Terminal> cache;

  CanteenTerminals(JdbcClient jdbc, AuditTrail audit, Clock clock, SharedCaches caches) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.cache = caches.cache("canteen-terminals");
  }

  /** The canteens of the caller's region. */
  public List<Canteen> canteens(CurrentUser viewer) {
    return jdbc.sql("select * from canteen where region_id = :region order by name")
        .param("region", viewer.regionId())
        .query((rs, n) -> new Canteen(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
            rs.getString("address")))
        .list();
  }

  /** Registers a canteen in the manager's region. Audited. */
  @Transactional
  public Canteen createCanteen(String name, String address, CurrentUser by) {
    requireManager(by);
    if (name == null || name.isBlank()) {
      throw new BusinessRuleException("canteen.nameRequired");
    }
    try {
      long id = jdbc
          .sql("insert into canteen (region_id, name, address) values (:region, :name, :address) returning id")
          .param("region", by.regionId()).param("name", name.trim())
          .param("address", address == null || address.isBlank() ? null : address.trim())
          .query(Long.class).single();
      audit.record(AuditEntry.created("canteen", id, by.regionId(), Map.of("name", name.trim())));
      return new Canteen(id, by.regionId(), name.trim(), address);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.canteenNameTaken", name.trim());
    }
  }

  /** The terminals of the caller's region. */
  public List<Terminal> terminals(CurrentUser viewer) {
    return jdbc.sql(SELECT + " where t.region_id = :region order by c.name, t.terminal_code")
        .param("region", viewer.regionId()).query(CanteenTerminals::terminal).list();
  }

  /** Registers a terminal of one of the manager's canteens. Audited. */
  @Transactional
  public Terminal register(String terminalCode, long canteenId, String name, CurrentUser by) {
    requireManager(by);
    if (terminalCode == null || terminalCode.isBlank() || terminalCode.trim().length() > 40) {
      throw new BusinessRuleException("canteen.terminalCodeRequired");
    }
    boolean ownCanteen = jdbc.sql("select count(*) from canteen where id = :id and region_id = :region")
        .param("id", canteenId).param("region", by.regionId()).query(Long.class).single() > 0;
    if (!ownCanteen) {
      throw new NotFoundException("canteen", canteenId);
    }
    String code = terminalCode.trim();
    try {
      long id = jdbc.sql("""
          insert into canteen_terminal (terminal_code, canteen_id, region_id, name, registered_at)
          values (:code, :canteen, :region, :name, :now) returning id""")
          .param("code", code).param("canteen", canteenId).param("region", by.regionId())
          .param("name", name == null || name.isBlank() ? code : name.trim())
          .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
      audit.record(
          AuditEntry.created("canteen_terminal", id, by.regionId(), Map.of("code", code, "canteen", canteenId)));
      cache.invalidate();
      return byId(id);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.terminalCodeTaken", code);
    }
  }

  /** Switches a terminal of the manager's region on or off. Audited. */
  @Transactional
  public Terminal setActive(long terminalId, boolean active, CurrentUser by) {
    requireManager(by);
    Terminal terminal = byId(terminalId);
    if (terminal.regionId() != by.regionId()) {
      throw new NotFoundException("canteenTerminal", terminalId);
    }
    jdbc.sql("update canteen_terminal set active = :active where id = :id")
        .param("active", active).param("id", terminalId).update();
    audit.record(AuditEntry.updated("canteen_terminal", terminalId, terminal.regionId(),
        Map.of("active", terminal.active()), Map.of("active", active)));
    cache.invalidate();
    return byId(terminalId);
  }

  /**
   * The active terminal a caller may pay at: a terminal's API key acts in the terminal's region, a person must manage
   * canteens there. Anything else is refused as an unknown terminal.
   */
  Terminal usableBy(String terminalCode, CurrentUser caller) {
    if (terminalCode == null || terminalCode.isBlank()) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_TERMINAL);
    }
    String code = terminalCode.trim();
    Terminal terminal = cache.get(code, known -> jdbc.sql(SELECT + " where t.terminal_code = :code")
        .param("code", known).query(CanteenTerminals::terminal).optional().orElse(null));
    boolean allowed = terminal != null && terminal.active()
        && (caller.isApiKey()
            ? caller.regionId() == terminal.regionId()
            : CanteenAccounts.manages(caller, terminal.regionId()));
    if (!allowed) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_TERMINAL);
    }
    return terminal;
  }

  private Terminal byId(long id) {
    return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(CanteenTerminals::terminal).optional()
        .orElseThrow(() -> new NotFoundException("canteenTerminal", id));
  }

  private static void requireManager(CurrentUser by) {
    if (!CanteenAccounts.manages(by, by.regionId())) {
      throw new ForbiddenException();
    }
  }

  private static final String SELECT = """
      select t.*, c.name as canteen_name from canteen_terminal t join canteen c on c.id = t.canteen_id""";

  private static Terminal terminal(ResultSet rs, int n) throws SQLException {
    return new Terminal(rs.getLong("id"), rs.getString("terminal_code"), rs.getLong("canteen_id"),
        rs.getString("canteen_name"), rs.getLong("region_id"), rs.getString("name"), rs.getBoolean("active"),
        rs.getTimestamp("registered_at").toInstant());
  }
}
