package cn.smartaffairs.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins and says when the next attempt may come, kept in PostgreSQL so that every instance of a
 * cluster sees the same counts. Three counters per failure:
 * <ul>
 *   <li>the source (account name + client address): locked out for the lock duration after the configured number
 *       of failures, which a person mistyping their own password meets;</li>
 *   <li>the account name from any address: a growing wait, so that guessing from many addresses slows down, while a
 *       single stranger (locked out at the source first) never makes the real user wait;</li>
 *   <li>the client address over any names: a growing wait against trying one password on many accounts.</li>
 * </ul>
 * The account itself is never locked and its tokens keep working: a stranger cannot shut a person out. Names that
 * belong to no account are counted just the same, so no answer tells whether an account exists.
 */
@Service
public class SignInThrottle {

  /** Which counter a row of sign_in_throttle is. */
  enum Kind {
    SOURCE, ACCOUNT, ADDRESS
  }

  /** Stored names are cut to this length; longer ones belong to no account anyway. */
  private static final int MAX_NAME_LENGTH = 100;

  private final JdbcClient jdbc;
  private final SecurityProperties properties;
  private final Clock clock;

  public SignInThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** How long the attempt must wait, if it may not be tried now. */
  public Optional<Duration> waitBeforeTrying(String username, String address) {
    Instant now = clock.instant();
    return jdbc.sql("""
        select max(blocked_until) from sign_in_throttle
         where blocked_until > :now
           and ((kind = 'SOURCE' and username = :username and address = :address)
             or (kind = 'ACCOUNT' and username = :username and address = '')
             or (kind = 'ADDRESS' and username = '' and address = :address))""")
        .param("now", Timestamp.from(now)).param("username", name(username)).param("address", address(address))
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single()
        .map(until -> Duration.between(now, until));
  }

  /** Counts a wrong password (or an unknown name) against the source, the account name and the address. */
  @Transactional
  public void recordFailure(String username, String address) {
    Instant now = clock.instant();
    String name = name(username);
    String from = address(address);
    int sourceFailures = count(Kind.SOURCE, name, from, now);
    if (sourceFailures >= properties.maxFailedSignIns()) {
      // locked out; the count starts again when the lock ends, as it did for the old account lock
      block(Kind.SOURCE, name, from, now.plus(properties.lockDuration()), 0);
    }
    Duration accountWait = properties.accountBackoff().delayAfter(count(Kind.ACCOUNT, name, "", now));
    if (!accountWait.isZero()) {
      block(Kind.ACCOUNT, name, "", now.plus(accountWait), null);
    }
    Duration addressWait = properties.addressBackoff().delayAfter(count(Kind.ADDRESS, "", from, now));
    if (!addressWait.isZero()) {
      block(Kind.ADDRESS, "", from, now.plus(addressWait), null);
    }
  }

  /** A right password clears the failures of its own source; the others fade when no failure follows. */
  @Transactional
  public void recordSuccess(String username, String address) {
    jdbc.sql("delete from sign_in_throttle where kind = 'SOURCE' and username = :username and address = :address")
        .param("username", name(username)).param("address", address(address)).update();
  }

  /** When the latest lock-out of a source of this account ends, if one is in force. */
  public Optional<Instant> lockedOutUntil(String username) {
    return jdbc.sql("""
        select max(blocked_until) from sign_in_throttle
         where kind = 'SOURCE' and username = :username and blocked_until > :now""")
        .param("username", name(username)).param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
  }

  /** Lifts every lock-out and wait of an account name (the help desk's unlock). */
  @Transactional
  public void forget(String username) {
    jdbc.sql("delete from sign_in_throttle where username = :username").param("username", name(username)).update();
  }

  /** Adds one failure to a counter, starting afresh when the last one is older than the lock duration. */
  private int count(Kind kind, String username, String address, Instant now) {
    return jdbc.sql("""
        insert into sign_in_throttle as t (kind, username, address, failures, last_failure_at)
        values (:kind, :username, :address, 1, :now)
        on conflict (kind, username, address) do update
           set failures = case when t.last_failure_at < :forgetBefore then 1 else t.failures + 1 end,
               last_failure_at = excluded.last_failure_at
        returning failures""")
        .param("kind", kind.name()).param("username", username).param("address", address)
        .param("now", Timestamp.from(now))
        .param("forgetBefore", Timestamp.from(now.minus(properties.lockDuration())))
        .query(Integer.class).single();
  }

  private void block(Kind kind, String username, String address, Instant until, Integer resetFailures) {
    jdbc.sql("""
        update sign_in_throttle set blocked_until = :until, failures = coalesce(:reset, failures)
         where kind = :kind and username = :username and address = :address""")
        .param("until", Timestamp.from(until)).param("reset", resetFailures)
        .param("kind", kind.name()).param("username", username).param("address", address).update();
  }

  private static String name(String username) {
    String name = username == null ? "" : username;
    return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
  }

  private static String address(String address) {
    return address == null || address.isBlank() ? "unknown" : address;
  }
}
