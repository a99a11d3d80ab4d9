package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.support.WebSession;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AccountAdministrationTest {

  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private long region(String code) {
    return jdbc.sql("select id from region where code = :c").param("c", code).query(Long.class).single();
  }

  private String freshName() {
    return "acct" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void regionAdminCreatesAnAccountWithRolesInTheirRegionAndItIsAudited() {
    CurrentUser cityAdmin = accounts.loadUserByUsername("region.admin");
    String username = freshName();
    long id = accounts.createBy(new Accounts.NewAccount(username, "Strong#Pass1", "新同事", null, region("YX"), null,
        List.of(new RoleGrant(Role.VEHICLE_MANAGER, region("YX"), null))), cityAdmin);

    assertThat(accounts.loadUserByUsername(username).has(Role.VEHICLE_MANAGER)).isTrue();
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'user_account' and entity_id = :id")
        .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void regionAdminCannotCreateAccountsInAnotherRegion() {
    CurrentUser cityAdmin = accounts.loadUserByUsername("region.admin");
    assertThatThrownBy(() -> accounts.createBy(new Accounts.NewAccount(freshName(), "Strong#Pass1", "外区", null,
        region("QS"), null, List.of(new RoleGrant(Role.STAFF, region("QS"), null))), cityAdmin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyAPlatformAdminMayGrantPlatformAdministration() {
    CurrentUser cityAdmin = accounts.loadUserByUsername("region.admin");
    assertThatThrownBy(() -> accounts.createBy(new Accounts.NewAccount(freshName(), "Strong#Pass1", "越权", null,
        region("YX"), null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null, null))), cityAdmin))
        .isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("account.roleNotGrantable");
  }

  @Test
  void unitRolesNeedAUnit() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    assertThatThrownBy(() -> accounts.createBy(new Accounts.NewAccount(freshName(), "Strong#Pass1", "联络员", null,
        region("YX"), null, List.of(new RoleGrant(Role.UNIT_LIAISON, region("YX"), null))), admin))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void anAdminUnlocksALockedAccountAndReplacesItsRoles() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    String username = freshName();
    long id = accounts.createBy(new Accounts.NewAccount(username, "Strong#Pass1", "被锁", null, region("YX"), null,
        List.of(new RoleGrant(Role.STAFF, region("YX"), null))), admin);
    for (int attempt = 1; attempt <= 5; attempt++) {
      throttle.recordFailure(username, "198.51.100.20");
    }
    assertThat(accounts.account(id, admin.dataScope()).locked(java.time.Instant.now())).isTrue();
    assertThat(throttle.waitBeforeTrying(username, "198.51.100.20")).isPresent();

    accounts.unlock(id, admin);
    accounts.replaceRoles(id, List.of(new RoleGrant(Role.DRIVER, region("YX"), null)), admin);

    CurrentUser reloaded = accounts.loadUserByUsername(username);
    assertThat(accounts.account(id, admin.dataScope()).locked(java.time.Instant.now())).isFalse();
    assertThat(throttle.waitBeforeTrying(username, "198.51.100.20")).isEmpty();
    assertThat(reloaded.grants()).extracting(RoleGrant::role).containsExactly(Role.DRIVER);
  }

  @Autowired ApiCredentials credentials;
  @Autowired SignInThrottle throttle;
  @LocalServerPort int port;

  @Test
  void changedRolesOrADisabledAccountEndTheSessionsSignedInBefore() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    String roles = freshName();
    String disabled = freshName();
    long rolesId = accounts.createBy(new Accounts.NewAccount(roles, "Strong#Pass1", "换角色", null, region("YX"), null,
        List.of(new RoleGrant(Role.STAFF, region("YX"), null))), admin);
    long disabledId = accounts.createBy(new Accounts.NewAccount(disabled, "Strong#Pass1", "停用", null, region("YX"),
        null, List.of(new RoleGrant(Role.STAFF, region("YX"), null))), admin);
    WebSession rolesSession = new WebSession(port).signedInAs(roles, "Strong#Pass1");
    WebSession disabledSession = new WebSession(port).signedInAs(disabled, "Strong#Pass1");
    WebSession untouched = new WebSession(port).signedInAs("staff", cn.smartaffairs.support.ApiClient.DEMO_PASSWORD);

    accounts.replaceRoles(rolesId, List.of(new RoleGrant(Role.DRIVER, region("YX"), null)), admin);
    accounts.setEnabled(disabledId, false, admin);

    assertThat(rolesSession.get("/").redirectPath()).startsWith("/login");
    assertThat(disabledSession.get("/").redirectPath()).startsWith("/login");
    assertThat(untouched.get("/").status()).isEqualTo(200);
    // the new roles take effect at the next sign-in
    assertThat(new WebSession(port).signIn(roles, "Strong#Pass1").redirectPath()).isEqualTo("/");
  }

  @Test
  void changingAPasswordRevokesTheBearerTokensIssuedBefore() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    String username = freshName();
    accounts.createBy(new Accounts.NewAccount(username, "Strong#Pass1", "换密码", null, region("YX"), null,
        List.of(new RoleGrant(Role.STAFF, region("YX"), null))), admin);
    String token = credentials.issueToken(accounts.loadUserByUsername(username));
    assertThat(credentials.authenticate(token)).isPresent();

    accounts.changePassword(accounts.loadUserByUsername(username), "Strong#Pass1", "Newer#Pass2");

    assertThat(credentials.authenticate(token)).isEmpty();
  }

  @Test
  void anAdminCannotDisableThemself() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    assertThatThrownBy(() -> accounts.setEnabled(admin.userId(), false, admin))
        .isInstanceOf(BusinessRuleException.class);
  }
}
