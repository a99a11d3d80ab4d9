package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages: sign-in first, CSRF tokens on every form, protective headers, admin pages for admins only. */
@IntegrationTest
class WebSecurityTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ServerProperties server;
  @Autowired ServletWebServerApplicationContext context;
  FreshAccounts fresh;

  @BeforeEach
  void setUp() {
    fresh = new FreshAccounts(accounts, jdbc);
  }

  @Test
  void pagesRedirectToSignInWhenNotSignedIn() {
    WebSession anonymous = new WebSession(port);

    for (String path : new String[] {"/", "/staff", "/units", "/account/password", "/admin/audit"}) {
      var answer = anonymous.get(path);
      assertThat(answer.status()).as(path).isEqualTo(302);
      assertThat(answer.redirectPath()).as(path).isEqualTo("/login");
    }
    assertThat(anonymous.get("/login").status()).isEqualTo(200);
    assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
    assertThat(anonymous.get("/webjars/bootstrap/css/bootstrap.min.css").status()).isEqualTo(200);
  }

  @Test
  void scriptsAndStylesAreKeptByTheBrowserUnderNamesThatChangeWithTheirContent() {
    WebSession anonymous = new WebSession(port);
    String login = anonymous.get("/login").body();
    Matcher style = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(login);
    assertThat(style.find()).as("the sign-in page links the style sheet by its content's hash: %s", login).isTrue();
    Matcher bootstrap = Pattern.compile("href=\"(/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min\\.css)\"")
        .matcher(login);
    assertThat(bootstrap.find()).isTrue();

    for (String asset : new String[] {style.group(1), bootstrap.group(1)}) {
      var answer = anonymous.get(asset);
      assertThat(answer.status()).as(asset).isEqualTo(200);
      assertThat(answer.header("Cache-Control")).as(asset).contains("max-age=31536000").doesNotContain("no-store");
    }
    // pages themselves carry personal data and change with every visit: never kept
    assertThat(anonymous.get("/login").header("Cache-Control")).contains("no-store");
  }

  @Test
  void formPostWithoutCsrfTokenIsRefused() {
    String username = fresh.create("csrf");
    WebSession browser = new WebSession(port).signedInAs(username, FreshAccounts.PASSWORD);
    assertThat(browser.get("/account/password").status()).isEqualTo(200);

    var answer = browser.post("/account/password", changeTo("Changed#2026b"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("您无权执行此操作");
    assertPasswordUnchanged(username);
  }

  @Test
  void csrfTokenOfAnotherSessionIsRefused() {
    String username = fresh.create("csrf.other");
    WebSession victim = new WebSession(port).signedInAs(username, FreshAccounts.PASSWORD);
    victim.get("/");
    String attackersToken = new WebSession(port).get("/login").csrfToken();
    var forged = new java.util.HashMap<>(changeTo("Changed#2026b"));
    forged.put("_csrf", attackersToken);

    assertThat(victim.post("/account/password", forged).status()).isEqualTo(403);
    assertPasswordUnchanged(username);
  }

  /** A session that never got a CSRF token is taken for an expired one: the post is refused all the same. */
  @Test
  void formPostIntoASessionWithoutAnyCsrfTokenIsSentToSignIn() {
    String username = fresh.create("csrf.none");
    WebSession browser = new WebSession(port).signedInAs(username, FreshAccounts.PASSWORD);

    var answer = browser.post("/account/password", changeTo("Changed#2026b"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.redirectPath()).isEqualTo("/login?expired");
    assertPasswordUnchanged(username);
  }

  @Test
  void signInFormWithoutCsrfTokenIsRefused() {
    WebSession browser = new WebSession(port);
    browser.get("/login");

    var answer = browser.post("/login", Map.of("username", "staff", "password", ApiClient.DEMO_PASSWORD));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(browser.get("/").redirectPath()).isEqualTo("/login");
  }

  @Test
  void signOutNeedsCsrfTokenAndEndsTheSession() {
    WebSession browser = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String token = browser.get("/").csrfToken();

    assertThat(browser.post("/logout", Map.of()).status()).isEqualTo(403);
    assertThat(browser.get("/").status()).isEqualTo(200);

    var answer = browser.post("/logout", Map.of("_csrf", token));
    assertThat(answer.redirectPath()).isEqualTo("/login?logout");
    assertThat(browser.get("/").status()).isEqualTo(302);
  }

  @Test
  void signingInStartsANewSession() {
    WebSession browser = new WebSession(port);
    browser.get("/login");
    String before = browser.cookie("JSESSIONID");

    browser.signedInAs("staff", ApiClient.DEMO_PASSWORD);

    assertThat(before).isNotNull();
    assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSiteLax() {
    var answer = new WebSession(port).get("/login");

    String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void pagesCarryProtectiveHeaders() {
    WebSession browser = new WebSession(port);
    assertProtectiveHeaders(browser.get("/login"));

    browser.signedInAs("staff", ApiClient.DEMO_PASSWORD);
    var home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertProtectiveHeaders(home);
    assertThat(home.header("Cache-Control")).contains("no-store");
    assertProtectiveHeaders(browser.get("/staff/999999999"));
  }

  @Test
  void apiAnswersCarryNoSniffAndDenyFraming() {
    var answer = new WebSession(port).get("/api/v1/staff");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
  }

  /** The API skips CSRF checks, which is safe only because a browser's session cookie does not sign it in. */
  @Test
  void apiIgnoresTheBrowserSession() {
    WebSession browser = new WebSession(port).signedInAs("admin", ApiClient.DEMO_PASSWORD);
    assertThat(browser.get("/staff").status()).isEqualTo(200);

    assertThat(browser.get("/api/v1/staff").status()).isEqualTo(401);
    assertThat(browser.post("/api/v1/staff", Map.of("name", "跨站")).status()).isEqualTo(401);
  }

  @Test
  void sessionsTimeOutAfterThirtyMinutes() {
    assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
    var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
    Context webApplication = (Context) tomcat.getHost().findChildren()[0];
    assertThat(webApplication.getSessionTimeout()).isEqualTo(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vehicle.manager", "space.manager", "meeting.manager", "canteen.manager", "repair.manager",
      "asset.manager", "unit.head", "liaison", "staff", "driver", "worker"})
  void adminPagesAreForbiddenToEveryoneButAdministrators(String username) {
    WebSession browser = new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);

    for (String path : new String[] {"/admin/api-keys", "/admin/audit", "/admin/anything"}) {
      var answer = browser.get(path);
      assertThat(answer.status()).as(path).isEqualTo(403);
      assertThat(answer.body()).as(path).contains("您无权执行此操作");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "region.admin", "county.admin"})
  void administratorsPassTheAdminGate(String username) {
    WebSession browser = new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);

    assertThat(browser.get("/admin/api-keys").status()).isNotIn(302, 401, 403);
  }

  private static Map<String, String> changeTo(String newPassword) {
    return Map.of("currentPassword", FreshAccounts.PASSWORD, "newPassword", newPassword,
        "confirmPassword", newPassword);
  }

  private void assertPasswordUnchanged(String username) {
    assertThat(new WebSession(port).signIn(username, FreshAccounts.PASSWORD).redirectPath()).isEqualTo("/");
  }

  private static void assertProtectiveHeaders(WebSession.Page page) {
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("script-src 'self' 'unsafe-inline'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
  }
}
