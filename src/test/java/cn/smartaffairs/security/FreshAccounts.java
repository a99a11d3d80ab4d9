package cn.smartaffairs.security;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates throw-away accounts for tests that lock, fail or change passwords, so that the shared demo accounts
 * stay usable by every other test.
 */
final class FreshAccounts {

  static final String PASSWORD = "Fresh#2026a";

  private final Accounts accounts;
  private final JdbcClient jdbc;

  FreshAccounts(Accounts accounts, JdbcClient jdbc) {
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /** A new staff-role account in the city region, with {@link #PASSWORD}; answers its user name. */
  String create(String prefix) {
    String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    accounts.create(new Accounts.NewAccount(username, PASSWORD, "测试账户", null, city, null,
        List.of(new RoleGrant(Role.STAFF, city, null))));
    return username;
  }

  long idOf(String username) {
    return jdbc.sql("select id from user_account where username = :u").param("u", username).query(Long.class).single();
  }

  /** The failures counted against the name from the tests' own address (the source the lock-out is about). */
  int failedSignIns(String username) {
    return jdbc.sql("select failures from sign_in_throttle where kind = 'SOURCE' and username = :u")
        .param("u", username).query(Integer.class).optional().orElse(0);
  }

  java.time.Instant lockedUntil(String username) {
    return jdbc.sql("""
        select max(blocked_until) from sign_in_throttle
         where kind = 'SOURCE' and username = :u and blocked_until > now()""").param("u", username)
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
        .single().orElse(null);
  }

  /** Moves the ends of the name's lock-out and waits into the past, as if their time had gone by. */
  void letLockExpire(String username) {
    jdbc.sql("update sign_in_throttle set blocked_until = now() - interval '1 second' where username = :u")
        .param("u", username).update();
  }
}
