package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person changes their own password on the page: only with the current one, and only to a strong one. */
@IntegrationTest
class PasswordChangeTest {

  private static final String NEW_PASSWORD = "Changed#2026b";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  FreshAccounts fresh;
  String username;
  WebSession browser;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fresh = new FreshAccounts(accounts, jdbc);
    username = fresh.create("password");
    browser = new WebSession(port).signedInAs(username, FreshAccounts.PASSWORD);
  }

  @Test
  void wrongCurrentPasswordIsRefused() {
    var answer = change("Wrong#2026x", NEW_PASSWORD, NEW_PASSWORD);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("当前密码不正确");
    assertSignInWorksWith(FreshAccounts.PASSWORD);
    assertSignInFailsWith(NEW_PASSWORD);
  }

  @Test
  void weakNewPasswordIsRefusedWithTheRuleInChinese() {
    var answer = change(FreshAccounts.PASSWORD, "weakpassword", "weakpassword");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("密码至少8位，且须包含大写字母、小写字母、数字、其他字符中的至少3类");
    assertSignInWorksWith(FreshAccounts.PASSWORD);
  }

  @Test
  void mismatchedConfirmationIsRefused() {
    var answer = change(FreshAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");

    assertThat(answer.body()).contains("两次输入的新密码不一致");
    assertSignInWorksWith(FreshAccounts.PASSWORD);
  }

  @Test
  void aMissingCurrentPasswordAndAMismatchedConfirmationAreNamedOnTheirFieldsAtOnce() {
    var answer = change("", NEW_PASSWORD, NEW_PASSWORD + "x");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(FieldErrors.of(answer.body(), "currentPassword")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(answer.body(), "confirmPassword")).containsExactly("两次输入的新密码不一致");
    assertThat(answer.body()).doesNotContain(NEW_PASSWORD);
    assertSignInWorksWith(FreshAccounts.PASSWORD);
  }

  @Test
  void changedPasswordIsTheOneThatSignsIn() {
    var answer = change(FreshAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.redirectPath()).isEqualTo("/");
    assertThat(browser.get("/").body()).contains("密码已修改");
    assertSignInWorksWith(NEW_PASSWORD);
    assertSignInFailsWith(FreshAccounts.PASSWORD);
    assertThat(new WebSession(port).signIn(username, NEW_PASSWORD).redirectPath()).isEqualTo("/");
    assertThat(jdbc.sql("select count(*) from audit_event where action = 'CHANGE_PASSWORD' and entity_id = :id")
        .param("id", String.valueOf(fresh.idOf(username))).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void otherSessionsSignedInBeforeAreEndedButNotTheOneThatChangedIt() {
    WebSession elsewhere = new WebSession(port).signedInAs(username, FreshAccounts.PASSWORD);
    assertThat(elsewhere.get("/").status()).isEqualTo(200);

    change(FreshAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    WebSession.Page ended = elsewhere.get("/");
    assertThat(ended.status()).isEqualTo(302);
    assertThat(ended.redirectPath()).startsWith("/login");
    assertThat(browser.get("/").status()).isEqualTo(200);
  }

  @Test
  void newPasswordIsStoredOnlyAsAnArgon2Hash() {
    change(FreshAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

    String stored = jdbc.sql("select password_hash from user_account where username = :u").param("u", username)
        .query(String.class).single();
    assertThat(stored).startsWith("{argon2}").doesNotContain(NEW_PASSWORD);
  }

  @Test
  void accountsCannotBeCreatedWithAWeakPassword() {
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    var weak = new Accounts.NewAccount("weak." + System.nanoTime(), "password", "弱密码", null, city, null,
        List.of(new RoleGrant(Role.STAFF, city, null)));

    assertThatThrownBy(() -> accounts.create(weak)).isInstanceOf(BusinessRuleException.class)
        .hasMessage("account.passwordTooWeak");
    assertThat(accounts.findByUsername(weak.username())).isEmpty();
  }

  private WebSession.Page change(String current, String next, String confirmation) {
    return browser.submit("/account/password",
        Map.of("currentPassword", current, "newPassword", next, "confirmPassword", confirmation));
  }

  private void assertSignInWorksWith(String password) {
    assertThat(api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password)).status())
        .isEqualTo(200);
  }

  private void assertSignInFailsWith(String password) {
    assertThat(api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password)).status())
        .isEqualTo(401);
  }
}
