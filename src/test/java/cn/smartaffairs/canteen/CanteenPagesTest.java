package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CanteenPagesTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  CanteenFixture fixture;
  WebSession manager;

  @BeforeEach
  void setUp() {
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
  }

  @Test
  void managerPagesShowAccountsFlagsTheCheckTerminalsAndRules() {
    assertThat(manager.get("/canteen/accounts").body()).contains("id=\"accounts\"");
    assertThat(manager.get("/canteen/overdrafts").status()).isEqualTo(200);
    assertThat(manager.get("/canteen/ledger-check").body()).contains("对账通过");
    assertThat(manager.get("/canteen/terminals").body()).contains("YX-T01");
    assertThat(manager.get("/canteen/rules").body()).contains("编制内");
    WebSession.Page export = manager.get("/canteen/accounts.xlsx");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).contains("spreadsheetml");
  }

  @Test
  void aManagerSetsTheRegionsOnlineTopUpLimitsAndABadValueIsRefusedInWords() {
    String token = manager.get("/canteen/rules").csrfToken();
    // a version in the far future: shown and audited, but in force for no test of today
    manager.post("/canteen/rules/top-ups", Map.of("_csrf", token, "effectiveFrom", "2099-01-01",
        "maxPerTopUpYuan", "500", "maxPerDayYuan", "800", "orderLifetimeMinutes", "20"));
    assertThat(manager.get("/canteen/rules").body()).contains("已保存");
    WebSession.Page refused = manager.post("/canteen/rules/top-ups", Map.of("_csrf", token,
        "effectiveFrom", "2099-02-01", "maxPerTopUpYuan", "500", "maxPerDayYuan", "100", "orderLifetimeMinutes", "20"));

    String page = manager.get(refused.redirectPath()).body();
    assertThat(page).contains("每日上限不小于单笔上限").contains("2099-01-01").contains("800.00")
        .doesNotContain("2099-02-01");
    assertThat(manager.get("/canteen/rules?lang=en").body()).contains("Online top-up limits").contains("Per day");
    manager.get("/canteen/rules?lang=zh");
    assertThat(jdbc.sql(
        """
            select count(*) from audit_event where entity_type = 'canteen_topup_rule' and after_state->>'effectiveFrom' = '2099-01-01'""")
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void staffMayNotOpenTheManagersPages() {
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/canteen/accounts").status()).isEqualTo(403);
    assertThat(staff.get("/canteen/my").status()).isEqualTo(200);
  }

  @Test
  void aCounterTopUpSaysWhoseCardGotHowMuch() {
    CanteenAccount account = fixture.visitorWith(0);
    String page = "/canteen/accounts/" + account.id();
    String token = manager.get(page).csrfToken();

    manager.post(page + "/top-ups", Map.of("_csrf", token, "amountYuan", "100", "idempotencyKey", "t-" + account.id()));

    assertThat(manager.get(page).body()).contains("已为 " + account.holderName() + " 充值 ¥100.00");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(10_000);
  }

  @Test
  void aManagerCorrectsFreezesReplacesAndClosesFromTheAccountPage() {
    CanteenAccount account = fixture.visitorWith(2_000);
    String page = "/canteen/accounts/" + account.id();
    String token = manager.get(page).csrfToken();

    WebSession.Page noReason = manager.post(page + "/corrections",
        Map.of("_csrf", token, "amountYuan", "5", "reason", " ", "idempotencyKey", "k1-" + account.id()));
    assertThat(noReason.redirectPath()).isEqualTo(page);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_000);
    assertThat(manager.get(page).body()).contains("请填写原因");

    manager.post(page + "/corrections", Map.of("_csrf", token, "amountYuan", "-5.5", "reason", "多充",
        "idempotencyKey", "k2-" + account.id()));
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(1_450);
    assertThat(manager.get(page).body()).as("the message says whose account, by how much")
        .contains("已更正 " + account.holderName() + " 的账户：-5.5 元");

    manager.post(page + "/freeze", Map.of("_csrf", token));
    assertThat(accounts.account(account.id(), fixture.manager).status()).isEqualTo("FROZEN");
    assertThat(manager.get(page).body()).as("the message says whose card").contains("已挂失冻结 " + account.holderName()
        + " 的饭卡");
    manager.post(page + "/replace-card", Map.of("_csrf", token, "cardNo", ""));
    CanteenAccount replaced = accounts.account(account.id(), fixture.manager);
    assertThat(replaced.status()).isEqualTo("ACTIVE");
    assertThat(replaced.cardNo()).isNotEqualTo(account.cardNo());
    assertThat(replaced.balanceFen()).isEqualTo(1_450);

    manager.post(page + "/close", Map.of("_csrf", token, "reason", "调出"));
    assertThat(accounts.account(account.id(), fixture.manager).status()).isEqualTo("CLOSED");
    assertThat(manager.get(page).body()).contains("销户结算");
  }
}
