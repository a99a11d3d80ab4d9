package cn.smartaffairs.security;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts and their roles: loading for sign-in, creating, changing passwords, lifting lock-outs. */
@Service
public class Accounts implements UserDetailsService {

  /** The same plausible form as the database CHECK on user_account.email. */
  private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
      .compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final AuditTrail audit;
  private final WebSessions webSessions;
  private final SignInThrottle throttle;

  public Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail audit, WebSessions webSessions,
      SignInThrottle throttle) {
    this.throttle = throttle;
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.webSessions = webSessions;
  }

  /** A new account: who it is, where it belongs and which roles it holds. */
  public record NewAccount(String username, String password, String displayName, Long staffId, long regionId,
      Long unitId, List<RoleGrant> grants) {}

  @Override
  public CurrentUser loadUserByUsername(String username) {
    return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
  }

  public Optional<CurrentUser> findByUsername(String username) {
    return jdbc.sql("select * from user_account where username = :username")
        .param("username", username)
        .query((rs, n) -> new CurrentUser(
            rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
            (Long) rs.getObject("staff_id"), rs.getLong("region_id"), (Long) rs.getObject("unit_id"),
            // never locked as a whole: failures lock out only the source that made them (SignInThrottle)
            rs.getBoolean("enabled"), false, List.of(), java.util.Set.of()))
        .optional()
        .map(user -> withGrants(user, grantsOf(user.userId())));
  }

  public Optional<CurrentUser> findById(long userId) {
    return jdbc.sql("select username from user_account where id = :id").param("id", userId)
        .query(String.class).optional().flatMap(this::findByUsername);
  }

  /** Who an account is, as other modules show it in a list or a history. */
  public record AccountName(long userId, String username, String displayName) {}

  /** The enabled accounts holding one of the roles in a region, e.g. the repair workers an order can go to. */
  public List<AccountName> holding(long regionId, Role... roles) {
    return holding(regionId, null, roles);
  }

  /** The enabled accounts holding one of the roles in a region (and, for unit roles, in one unit of it). */
  private List<AccountName> holding(long regionId, Long unitId, Role... roles) {
    return jdbc.sql("""
        select a.id, a.username, a.display_name from user_account a
         where a.enabled
           and exists (select 1 from role_assignment r where r.user_id = a.id and r.role in (:roles)
                          and r.region_id = :region and (cast(:unit as bigint) is null or r.unit_id = :unit))
         order by a.display_name, a.id""")
        .param("region", regionId).param("unit", unitId)
        .param("roles", java.util.Arrays.stream(roles).map(Role::name).toList())
        .query((rs, n) -> new AccountName(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
        .list();
  }

  /** Display names by account id, for other modules' lists and histories; unknown ids are left out. */
  public Map<Long, String> displayNamesById(java.util.Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> names = new LinkedHashMap<>();
    jdbc.sql("select id, display_name from user_account where id in (:ids)")
        .param("ids", List.copyOf(new java.util.HashSet<>(userIds)))
        .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("display_name")))
        .list().forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    return names;
  }

  /** The staff record of each account that has one, by account id, in one query; other ids are left out. */
  public Map<Long, Long> staffIdsById(java.util.Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> staff = new LinkedHashMap<>();
    jdbc.sql("select id, staff_id from user_account where id in (:ids) and staff_id is not null")
        .param("ids", List.copyOf(new java.util.HashSet<>(userIds)))
        .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getLong("staff_id")))
        .list().forEach(entry -> staff.put(entry.getKey(), entry.getValue()));
    return staff;
  }

  /** Display names by username, for showing who did what; unknown usernames are left out. */
  public Map<String, String> displayNames(java.util.Collection<String> usernames) {
    if (usernames.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new LinkedHashMap<>();
    jdbc.sql("select username, display_name from user_account where username in (:usernames)")
        .param("usernames", List.copyOf(usernames))
        .query((rs, n) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
        .list().forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    return names;
  }

  public List<RoleGrant> grantsOf(long userId) {
    return jdbc.sql("select role, region_id, unit_id from role_assignment where user_id = :id order by id")
        .param("id", userId)
        .query((rs, n) -> new RoleGrant(Role.valueOf(rs.getString("role")), (Long) rs.getObject("region_id"),
            (Long) rs.getObject("unit_id")))
        .list();
  }

  /**
   * The enabled accounts holding a role: a unit role in the given unit, or a region role in the given region. The
   * approval engine asks this to find who approves a step.
   */
  public List<Long> holdersOf(Role role, long regionId, Long unitId) {
    boolean unitRole = role.reach() == Role.Reach.UNIT;
    if (unitRole && unitId == null) {
      return List.of();
    }
    return holding(regionId, unitRole ? unitId : null, role).stream().map(AccountName::userId).sorted().toList();
  }

  @Transactional
  public long create(NewAccount account) {
    PasswordPolicy.check(account.password());
    return createWithHash(account, passwordEncoder.encode(account.password()));
  }

  /** Creates an account whose password is already hashed (demo data hashes its shared password once). */
  @Transactional
  public long createWithHash(NewAccount account, String passwordHash) {
    if (jdbc.sql("select count(*) from user_account where username = :u").param("u", account.username())
        .query(Long.class).single() > 0) {
      throw new BusinessRuleException("account.usernameTaken", account.username());
    }
    long id = jdbc.sql("""
        insert into user_account (username, password_hash, display_name, staff_id, region_id, unit_id)
        values (:username, :hash, :displayName, :staffId, :regionId, :unitId) returning id""")
        .param("username", account.username())
        .param("hash", passwordHash)
        .param("displayName", account.displayName())
        .param("staffId", account.staffId())
        .param("regionId", account.regionId())
        .param("unitId", account.unitId())
        .query(Long.class).single();
    for (RoleGrant grant : account.grants()) {
      jdbc.sql("insert into role_assignment (user_id, role, region_id, unit_id) values (:u, :role, :region, :unit)")
          .param("u", id).param("role", grant.role().name()).param("region", grant.regionId())
          .param("unit", grant.unitId()).update();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("username", account.username());
    after.put("displayName", account.displayName());
    after.put("staffId", account.staffId());
    after.put("unitId", account.unitId());
    after.put("roles", account.grants());
    audit.record(AuditEntry.created("user_account", id, account.regionId(), after));
    return id;
  }

  @Transactional
  public void changePassword(CurrentUser user, String currentPassword, String newPassword) {
    String hash = jdbc.sql("select password_hash from user_account where id = :id").param("id", user.userId())
        .query(String.class).single();
    if (!passwordEncoder.matches(currentPassword, hash)) {
      throw new BusinessRuleException("account.currentPasswordWrong");
    }
    PasswordPolicy.check(newPassword);
    jdbc.sql("update user_account set password_hash = :hash where id = :id")
        .param("hash", passwordEncoder.encode(newPassword)).param("id", user.userId()).update();
    // tokens issued and page sessions signed in under the old password stop working: a changed password is often a
    // suspected leak (the session that changed it stays)
    jdbc.sql(
        "update api_credential set revoked_at = now() where kind = 'TOKEN' and user_id = :id and revoked_at is null")
        .param("id", user.userId()).update();
    webSessions.endOtherSessionsOf(user.userId());
    audit.record(new AuditEntry("CHANGE_PASSWORD", "user_account", user.userId(), user.regionId(), null, null));
  }

  /** The account's e-mail address, if it has one; notifications use it. */
  public Optional<String> emailOf(long userId) {
    return jdbc.sql("select email from user_account where id = :id and enabled and email is not null")
        .param("id", userId)
        .query(String.class).optional();
  }

  /** The account of a staff member, if they have one: a work order names its requester by staff record. */
  public Optional<Long> accountOfStaff(long staffId) {
    return jdbc.sql("select id from user_account where staff_id = :staff").param("staff", staffId)
        .query(Long.class).optional();
  }

  /**
   * Sets or (with a blank value) removes an account's e-mail address. A person changes their own; region and
   * platform administrators those of the accounts they administer.
   */
  @Transactional
  public void setEmail(long userId, String email, CurrentUser by) {
    String address = email == null || email.isBlank() ? null : email.trim();
    if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
      throw new BusinessRuleException("account.emailInvalid", address);
    }
    long regionId = userId == by.userId()
        ? by.regionId()
        : account(userId, by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN)).regionId();
    String before = jdbc.sql("select email from user_account where id = :id").param("id", userId)
        .query(String.class).optional().orElse(null);
    jdbc.sql("update user_account set email = :email where id = :id").param("email", address).param("id", userId)
        .update();
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("email", before);
    Map<String, Object> now = new LinkedHashMap<>();
    now.put("email", address);
    audit.record(AuditEntry.updated("user_account", userId, regionId, was, now));
  }

  private static CurrentUser withGrants(CurrentUser user, List<RoleGrant> grants) {
    return new CurrentUser(user.userId(), user.username(), user.displayName(), user.passwordHash(), user.staffId(),
        user.regionId(), user.unitId(), user.enabled(), user.locked(), List.copyOf(grants), java.util.Set.of());
  }

  /** An account as the administration list shows it. */
  public record AccountSummary(long id, String username, String displayName, long regionId, Long unitId, Long staffId,
      boolean enabled, Instant lockedUntil, List<RoleGrant> grants) {
    public boolean locked(Instant now) {
      return lockedUntil != null && lockedUntil.isAfter(now);
    }
  }

  /** The accounts list's columns that sort; oldest account first unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("created", "a.id")
      .ascending("username", "a.username")
      .ascending("displayName", SortKeys.pinyin("a.display_name"))
      .descending("status", "a.enabled")
      .byDefault("created").tieBreaker("a.id");

  /** One page of the accounts the scope covers, the query's search in user names and display names. */
  public Page<AccountSummary> search(ListQuery query, DataScope scope) {
    var parameters = scope.bind(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource())
        .addValue("keyword", query.likePattern());
    String where = " where " + DataScope.sqlCondition("a.region_id", "a.unit_id", "a.staff_id")
        + " and (cast(:keyword as text) is null or a.username like :keyword escape '\\'"
        + " or a.display_name like :keyword escape '\\')";
    long total = jdbc.sql("select count(*) from user_account a" + where).paramSource(parameters).query(Long.class)
        .single();
    ListQuery shown = query.within(total);
    List<AccountSummary> items = jdbc.sql("select * from user_account a" + where + SORT_KEYS.orderBy(shown)
        + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(this::summary).list();
    return shown.pageOf(items, total);
  }

  public AccountSummary account(long id, DataScope scope) {
    return jdbc.sql("select * from user_account a where a.id = :id and "
        + DataScope.sqlCondition("a.region_id", "a.unit_id", "a.staff_id"))
        .paramSource(scope.bind(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("id", id)))
        .query(this::summary).optional()
        .orElseThrow(() -> new cn.smartaffairs.platform.NotFoundException("account", id));
  }

  private AccountSummary summary(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
    long id = rs.getLong("id");
    String username = rs.getString("username");
    return new AccountSummary(id, username, rs.getString("display_name"), rs.getLong("region_id"),
        (Long) rs.getObject("unit_id"), (Long) rs.getObject("staff_id"), rs.getBoolean("enabled"),
        throttle.lockedOutUntil(username).orElse(null), grantsOf(id));
  }

  /** Lifts the lock-outs and waits of an account before they run out, e.g. after the person called the help desk. */
  @Transactional
  public void unlock(long id, CurrentUser by) {
    AccountSummary account = account(id, by.dataScope());
    throttle.forget(account.username());
    audit.record(new AuditEntry("UNLOCK", "user_account", id, account.regionId(),
        Map.of("lockedUntil", String.valueOf(account.lockedUntil())), Map.of("lockedUntil", "null")));
  }

  @Transactional
  public void setEnabled(long id, boolean enabled, CurrentUser by) {
    AccountSummary account = account(id, by.dataScope());
    if (account.id() == by.userId() && !enabled) {
      throw new BusinessRuleException("account.cannotDisableSelf");
    }
    jdbc.sql("update user_account set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id)
        .update();
    if (!enabled) {
      webSessions.endOtherSessionsOf(id);
    }
    audit.record(AuditEntry.updated("user_account", id, account.regionId(), Map.of("enabled", account.enabled()),
        Map.of("enabled", enabled)));
  }

  /** Replaces an account's roles; only a platform admin may grant platform-wide administration. */
  @Transactional
  public void replaceRoles(long id, List<RoleGrant> grants, CurrentUser by) {
    AccountSummary account = account(id, by.dataScope());
    checkGrantable(grants, by);
    jdbc.sql("delete from role_assignment where user_id = :id").param("id", id).update();
    for (RoleGrant grant : grants) {
      jdbc.sql("insert into role_assignment (user_id, role, region_id, unit_id) values (:u, :role, :region, :unit)")
          .param("u", id).param("role", grant.role().name()).param("region", grant.regionId())
          .param("unit", grant.unitId()).update();
    }
    // a session keeps the roles it signed in with: the person signs in again to work with the new ones
    webSessions.endOtherSessionsOf(id);
    audit.record(AuditEntry.updated("user_account", id, account.regionId(), Map.of("roles", account.grants()),
        Map.of("roles", grants)));
  }

  /** Creates an account on behalf of an administrator, within what they administer. */
  @Transactional
  public long createBy(NewAccount account, CurrentUser by) {
    if (!by.dataScope().permits(account.regionId(), null, null)) {
      throw new cn.smartaffairs.platform.NotFoundException("region", account.regionId());
    }
    checkGrantable(account.grants(), by);
    return create(account);
  }

  private static void checkGrantable(List<RoleGrant> grants, CurrentUser by) {
    DataScope scope = by.dataScope();
    for (RoleGrant grant : grants) {
      boolean platformWide = grant.role() == Role.PLATFORM_ADMIN;
      if ((platformWide && !by.has(Role.PLATFORM_ADMIN))
          || (!platformWide && !scope.permits(grant.regionId(), null, null))) {
        throw new BusinessRuleException("account.roleNotGrantable", grant.role().name());
      }
      if (grant.role().reach() == Role.Reach.UNIT && grant.unitId() == null) {
        throw new BusinessRuleException("account.unitRequired", grant.role().name());
      }
    }
  }
}
