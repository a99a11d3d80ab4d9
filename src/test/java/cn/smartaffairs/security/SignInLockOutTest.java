package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Five failed sign-ins in a row lock an account for 15 minutes, by the API and by the sign-in page alike. */
@IntegrationTest
class SignInLockOutTest {

  private static final String WRONG = "Wrong#2026x";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  FreshAccounts fresh;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fresh = new FreshAccounts(accounts, jdbc);
  }

  @Test
  void accountLocksAfterFiveFailedTokenRequests() {
    String username = fresh.create("lock.api");
    for (int attempt = 1; attempt <= 5; attempt++) {
      var answer = token(username, WRONG);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body().get("detail").asText()).isEqualTo("用户名或密码错误");
    }

    var withRightPassword = token(username, FreshAccounts.PASSWORD);

    assertThat(withRightPassword.status()).isEqualTo(401);
    assertThat(withRightPassword.body().get("detail").asText()).contains("锁定");
    assertThat(withRightPassword.body().has("token")).isFalse();
    assertThat(Duration.between(Instant.now(), fresh.lockedUntil(username)))
        .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15).plusSeconds(5));
  }

  @Test
  void accountLocksAfterFiveFailedFormSignIns() {
    String username = fresh.create("lock.web");
    WebSession browser = new WebSession(port);
    for (int attempt = 1; attempt <= 5; attempt++) {
      var answer = browser.signIn(username, WRONG);
      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.redirectPath()).isEqualTo("/login?error=bad");
    }

    var withRightPassword = browser.signIn(username, FreshAccounts.PASSWORD);

    assertThat(withRightPassword.status()).isEqualTo(302);
    assertThat(withRightPassword.redirectPath()).isEqualTo("/login?error=locked");
    assertThat(browser.get("/login?error=locked").body()).contains("账户已锁定");
    assertThat(browser.get("/").status()).isEqualTo(302);
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void failuresByPageAndApiCountTogether() {
    String username = fresh.create("lock.mixed");
    WebSession browser = new WebSession(port);
    for (int attempt = 1; attempt <= 3; attempt++) {
      browser.signIn(username, WRONG);
    }
    token(username, WRONG);
    token(username, WRONG);

    assertThat(browser.signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/login?error=locked");
  }

  @Test
  void successBeforeTheFifthFailureResetsTheCount() {
    String username = fresh.create("lock.reset");
    for (int attempt = 1; attempt <= 4; attempt++) {
      token(username, WRONG);
    }
    assertThat(fresh.failedSignIns(username)).isEqualTo(4);

    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    assertThat(fresh.failedSignIns(username)).isZero();

    for (int attempt = 1; attempt <= 4; attempt++) {
      token(username, WRONG);
    }
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    assertThat(new WebSession(port).signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/");
    assertThat(fresh.lockedUntil(username)).isNull();
  }

  @Test
  void lockedAccountStaysLockedWhateverPasswordIsTried() {
    String username = fresh.create("lock.stays");
    lock(username);

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(token(username, WRONG).body().get("detail").asText()).contains("锁定");
      assertThat(token(username, FreshAccounts.PASSWORD).body().get("detail").asText()).contains("锁定");
    }
    // Attempts while locked neither lengthen nor restart the lock's counting.
    assertThat(fresh.failedSignIns(username)).isZero();
  }

  @Test
  void lockEndsWhenItsTimeHasPassed() {
    String username = fresh.create("lock.expiry");
    lock(username);
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(401);

    fresh.letLockExpire(username);

    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    assertThat(fresh.lockedUntil(username)).isNull();
    assertThat(new WebSession(port).signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/");
  }

  @Test
  void tokenIssuedBeforeTheLockStopsWorkingWhileLocked() {
    String username = fresh.create("lock.token");
    String token = token(username, FreshAccounts.PASSWORD).body().get("token").asText();
    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(200);

    lock(username);

    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(401);
  }

  @Test
  void everySignInAttemptIsAudited() {
    String username = fresh.create("lock.audit");
    long userId = fresh.idOf(username);
    token(username, WRONG);
    new WebSession(port).signIn(username, WRONG);
    token(username, FreshAccounts.PASSWORD);
    new WebSession(port).signIn(username, FreshAccounts.PASSWORD);
    lock(username);
    token(username, FreshAccounts.PASSWORD);

    List<Map<String, Object>> events = jdbc.sql("""
        select action, entity_id, after_state ->> 'reason' as reason from audit_event
         where actor = :actor and action in ('SIGN_IN', 'SIGN_IN_FAILED') order by id""")
        .param("actor", username).query().listOfRows();

    assertThat(events).extracting(event -> event.get("action")).containsExactly(
        "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN", "SIGN_IN",
        "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
        "SIGN_IN_FAILED");
    assertThat(events.get(0).get("reason")).isEqualTo("BadCredentialsException");
    assertThat(events.get(2).get("entity_id")).isEqualTo(String.valueOf(userId));
    assertThat(events.get(events.size() - 1).get("reason")).isEqualTo("LockedException");
  }

  /** Five wrong passwords in a row: the way a real person gets locked out. */
  private void lock(String username) {
    for (int attempt = 1; attempt <= 5; attempt++) {
      token(username, WRONG);
    }
    assertThat(fresh.lockedUntil(username)).isAfter(Instant.now());
  }

  private ApiClient.Answer token(String username, String password) {
    return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
  }
}
