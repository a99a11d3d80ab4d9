package cn.smartaffairs.security;

import cn.smartaffairs.platform.SharedCache;
import cn.smartaffairs.platform.SharedCaches;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.crypto.Sm3;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bearer tokens (for people calling the API) and API keys (for integrations). A secret is shown once and
 * only its SM3 hash is stored, so a leaked database does not leak working credentials.
 */
@Service
public class ApiCredentials {

  private static final String TOKEN_PREFIX = "sat_";
  private static final String KEY_PREFIX = "sak_";

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final SecurityProperties properties;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final SecureRandom random = new SecureRandom();
  /**
   * API keys recently authenticated, by secret hash: a busy integration (a canteen terminal at the lunch peak) would
   * otherwise cost a lookup on every call. Entries live a few seconds; revoking a key clears them on every instance.
   */
  private final SharedCache<String, CurrentUser> recentKeys;

  public ApiCredentials(JdbcClient jdbc, Accounts accounts, AuditTrail audit, SecurityProperties properties,
      Clock clock,
      PlatformTransactionManager transactions, SharedCaches caches) {
    this.recentKeys = caches.cache("api-keys");
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.accounts = accounts;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** An API key as the admin page lists it; the secret itself is never kept. */
  public record ApiKey(long id, String name, String keyPrefix, long regionId, List<String> scopes, Instant createdAt,
      Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A freshly created key: the only moment its secret is known. */
  public record IssuedApiKey(long id, String secret) {}

  @Transactional
  public String issueToken(CurrentUser user) {
    String secret = newSecret(TOKEN_PREFIX);
    jdbc.sql("""
        insert into api_credential (kind, secret_hash, key_prefix, user_id, expires_at)
        values ('TOKEN', :hash, :prefix, :user, :expires)""")
        .param("hash", Sm3.hex(secret))
        .param("prefix", secret.substring(0, 10))
        .param("user", user.userId())
        .param("expires", Timestamp.from(clock.instant().plus(properties.apiTokenLifetime())))
        .update();
    return secret;
  }

  @Transactional
  public IssuedApiKey createApiKey(String name, long regionId, Set<ApiScope> scopes, CurrentUser creator) {
    if (name == null || name.isBlank()) {
      throw new BusinessRuleException("apiKey.nameRequired");
    }
    if (scopes.isEmpty()) {
      throw new BusinessRuleException("apiKey.scopeRequired");
    }
    if (!administeredBy(creator).permits(regionId, null, null)) {
      throw new NotFoundException("region", regionId);
    }
    String secret = newSecret(KEY_PREFIX);
    String[] scopeNames = scopes.stream().map(ApiScope::scope).sorted().toArray(String[]::new);
    long id = jdbc.sql("""
        insert into api_credential (kind, secret_hash, key_prefix, name, region_id, scopes, created_by)
        values ('API_KEY', :hash, :prefix, :name, :region, :scopes, :creator) returning id""")
        .param("hash", Sm3.hex(secret))
        .param("prefix", secret.substring(0, 10))
        .param("name", name.trim())
        .param("region", regionId)
        .param("scopes", scopeNames)
        .param("creator", creator.userId())
        .query(Long.class).single();
    audit.record(AuditEntry.created("api_key", id, regionId,
        Map.of("name", name.trim(), "scopes", List.of(scopeNames), "keyPrefix", secret.substring(0, 10))));
    return new IssuedApiKey(id, secret);
  }

  @Transactional
  public void revokeApiKey(long id, CurrentUser by) {
    ApiKey key = apiKeys(administeredBy(by)).stream().filter(candidate -> candidate.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("apiKey", id));
    if (!key.active()) {
      return;
    }
    jdbc.sql("update api_credential set revoked_at = :now where id = :id")
        .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    recentKeys.invalidate();
    audit.record(
        new AuditEntry("REVOKE", "api_key", id, key.regionId(), Map.of("active", true), Map.of("active", false)));
  }

  /** The regions whose keys a user administers: only their admin roles count, not e.g. a manager role elsewhere. */
  public static DataScope administeredBy(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN);
  }

  public List<ApiKey> apiKeys(DataScope scope) {
    return jdbc.sql("select * from api_credential where kind = 'API_KEY' and "
        + DataScope.sqlCondition("region_id", null, null) + " order by id desc")
        .paramSource(scope.bind(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()))
        .query((rs, n) -> new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
            rs.getLong("region_id"), List.of((String[]) rs.getArray("scopes").getArray()),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
            instant(rs.getTimestamp("revoked_at"))))
        .list();
  }

  /**
   * The caller a presented secret stands for, if it is known, unexpired and not revoked. A cached API key answers
   * without a transaction: taking a pooled connection for nothing made every terminal payment queue for the pool
   * twice.
   */
  public Optional<CurrentUser> authenticate(String secret) {
    if (secret == null || !(secret.startsWith(TOKEN_PREFIX) || secret.startsWith(KEY_PREFIX))) {
      return Optional.empty();
    }
    String hash = Sm3.hex(secret);
    if (secret.startsWith(KEY_PREFIX)) {
      return Optional.ofNullable(recentKeys.get(hash,
          key -> transaction.execute(status -> lookUp(key)).filter(CurrentUser::isApiKey).orElse(null)));
    }
    return transaction.execute(status -> lookUp(hash));
  }

  private Optional<CurrentUser> lookUp(String hash) {
    Timestamp now = Timestamp.from(clock.instant());
    return jdbc.sql("""
        select id, kind, user_id, name, region_id, scopes from api_credential
         where secret_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""")
        .param("hash", hash)
        .param("now", now)
        .query((rs, n) -> {
          long id = rs.getLong("id");
          touch(id, now);
          if ("TOKEN".equals(rs.getString("kind"))) {
            return accounts.findById(rs.getLong("user_id"))
                .filter(user -> user.isEnabled() && user.isAccountNonLocked());
          }
          Set<String> scopes = new LinkedHashSet<>(List.of((String[]) rs.getArray("scopes").getArray()));
          return Optional.of(new CurrentUser(-id, "apikey:" + rs.getString("name"), rs.getString("name"), "", null,
              rs.getLong("region_id"), null, true, false, List.of(), Set.copyOf(scopes)));
        })
        .optional()
        .flatMap(user -> user);
  }

  /** Last use is kept to the minute, so that a busy terminal does not write on every call. */
  private void touch(long id, Timestamp now) {
    jdbc.sql("update api_credential set last_used_at = :now where id = :id "
        + "and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')")
        .param("now", now).param("id", id).update();
  }

  private String newSecret(String prefix) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
