package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Five failed sign-ins in a row from one source (account name + client address) lock that source out for 15 minutes,
 * by the API and by the sign-in page alike; the answer is the same for a name that belongs to no account, and a
 * stranger's failures from another address neither lock the person out nor stop their tokens.
 */
@IntegrationTest
class SignInLockOutTest {

  private static final String WRONG = "Wrong#2026x";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired AuthenticationManager authenticationManager;
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

    assertThat(withRightPassword.status()).isEqualTo(429);
    assertThat(withRightPassword.body().get("detail").asText()).isEqualTo("登录尝试过于频繁，请稍后再试");
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
    assertThat(withRightPassword.redirectPath()).isEqualTo("/login?error=wait");
    assertThat(browser.get("/login?error=wait").body()).contains("登录尝试过于频繁，请稍后再试");
    assertThat(browser.get("/").status()).isEqualTo(302);
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(429);
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

    assertThat(browser.signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/login?error=wait");
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
      assertThat(token(username, WRONG).status()).isEqualTo(429);
      assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(429);
    }
    // Attempts while locked neither lengthen nor restart the lock's counting.
    assertThat(fresh.failedSignIns(username)).isZero();
  }

  @Test
  void lockEndsWhenItsTimeHasPassed() {
    String username = fresh.create("lock.expiry");
    lock(username);
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(429);

    fresh.letLockExpire(username);

    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    assertThat(fresh.lockedUntil(username)).isNull();
    assertThat(new WebSession(port).signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/");
  }

  @Test
  void tokenIssuedBeforeALockOutKeepsWorking() {
    // the lock-out is about where the failures came from, not about the account: a stranger must not stop its tokens
    String username = fresh.create("lock.token");
    String token = token(username, FreshAccounts.PASSWORD).body().get("token").asText();
    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(200);

    lock(username);

    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(200);
  }

  @Test
  void anUnknownNameAndALockedOutAccountAnswerAlike() {
    String username = fresh.create("lock.same");
    String unknown = "nobody." + UUID.randomUUID().toString().substring(0, 8);
    for (int attempt = 1; attempt <= 5; attempt++) {
      var real = token(username, WRONG);
      var none = token(unknown, WRONG);
      assertThat(none.status()).isEqualTo(real.status()).isEqualTo(401);
      assertThat(none.body().get("detail")).isEqualTo(real.body().get("detail"));
    }

    var locked = rawToken(username, FreshAccounts.PASSWORD);
    var lockedUnknown = rawToken(unknown, FreshAccounts.PASSWORD);

    assertThat(lockedUnknown.statusCode()).isEqualTo(locked.statusCode()).isEqualTo(429);
    assertThat(lockedUnknown.body()).isEqualTo(locked.body());
    long retry = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
    long retryUnknown = Long.parseLong(lockedUnknown.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retry).isBetween(890L, 900L);
    assertThat(retryUnknown).isBetween(retry - 2, retry + 2);
    WebSession browser = new WebSession(port);
    assertThat(browser.signIn(unknown, WRONG).redirectPath())
        .isEqualTo(browser.signIn(username, WRONG).redirectPath()).isEqualTo("/login?error=wait");
  }

  @Test
  void aStrangerFailingFromAnotherAddressDoesNotShutThePersonOut() {
    String username = fresh.create("lock.stranger");
    String token = token(username, FreshAccounts.PASSWORD).body().get("token").asText();
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThatThrownBy(() -> signIn(username, WRONG, STRANGER)).isInstanceOf(AuthenticationException.class);
    }
    assertThatThrownBy(() -> signIn(username, FreshAccounts.PASSWORD, STRANGER))
        .isInstanceOf(SignInThrottledException.class);

    assertThat(signIn(username, FreshAccounts.PASSWORD, "203.0.113.9").isAuthenticated()).isTrue();
    assertThat(token(username, FreshAccounts.PASSWORD).status()).isEqualTo(200);
    assertThat(new WebSession(port).signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/");
    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(200);
  }

  @Test
  void failuresOnOneNameFromManyAddressesMakeTheWaitGrow() {
    String username = fresh.create("lock.backoff");
    // 10 failures cost nothing (two per address, far from any address's lock-out)
    for (int attempt = 0; attempt < 10; attempt++) {
      String address = "198.51.100." + (100 + attempt / 2);
      assertThatThrownBy(() -> signIn(username, WRONG, address)).isInstanceOf(BadCredentialsException.class);
    }
    List<Long> waits = new java.util.ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      String address = "198.51.100." + (120 + attempt);
      assertThatThrownBy(() -> signIn(username, WRONG, address)).isInstanceOf(BadCredentialsException.class);
      String elsewhere = "203.0.113." + (10 + attempt);
      var refused = catchThrowableOfType(SignInThrottledException.class,
          () -> signIn(username, FreshAccounts.PASSWORD, elsewhere));
      waits.add(refused.retryAfterSeconds());
      fresh.letLockExpire(username);
    }

    assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
    assertThat(signIn(username, FreshAccounts.PASSWORD, "203.0.113.50").isAuthenticated()).isTrue();
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
    assertThat(events.get(events.size() - 1).get("reason")).isEqualTo("SignInThrottledException");
  }

  /** Five wrong passwords in a row: the way a real person gets locked out. */
  private void lock(String username) {
    for (int attempt = 1; attempt <= 5; attempt++) {
      token(username, WRONG);
    }
    assertThat(fresh.lockedUntil(username)).isAfter(Instant.now());
  }

  private static final String STRANGER = "198.51.100.7";

  /** A sign-in as it would come from the given client address. */
  private Authentication signIn(String username, String password, String address) {
    var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    attempt.setDetails(new WebAuthenticationDetails(address, null));
    return authenticationManager.authenticate(attempt);
  }

  private HttpResponse<String> rawToken(String username, String password) {
    try {
      return HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiClient.Answer token(String username, String password) {
    return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
  }
}
