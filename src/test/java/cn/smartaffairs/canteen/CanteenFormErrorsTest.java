package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account, terminal and rule forms name each refused field beside it, in the reader's language, with what was
 * typed, and change nothing; a refused row form (a refund) shows its message on its own row only.
 */
@IntegrationTest
class CanteenFormErrorsTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired MealPayments payments;
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
  void aCorrectionThatIsNoAmountAndHasNoReasonIsRefusedOnBothFields() {
    CanteenAccount account = fixture.visitorWith(2_000);
    String page = "/canteen/accounts/" + account.id();

    var refused = manager.post(page + "/corrections", Map.of("_csrf", manager.get(page).csrfToken(),
        "amountYuan", "5元", "reason", "", "idempotencyKey", "e1-" + account.id()));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "correction-amount"))
        .containsExactly("请输入以元为单位的金额，最多两位小数，扣减时填负数");
    assertThat(FieldErrors.marked(shown, "correction-amount")).isTrue();
    assertThat(FieldErrors.value(shown, "correction-amount")).isEqualTo("5元");
    assertThat(FieldErrors.of(shown, "correction-reason")).containsExactly("请填写原因");
    assertThat(FieldErrors.of(shown, "top-up-amount")).as("the counter top-up is another form").isEmpty();
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_000);
  }

  @Test
  void aRefundWithoutReasonIsRefusedOnItsOwnRowInEnglishToo() {
    CanteenAccount account = fixture.visitorWith(5_000);
    Payment lunch = payments.charge(account.id(), 1_200, CanteenFixture.key(), "午餐", fixture.manager);
    Payment dinner = payments.charge(account.id(), 1_500, CanteenFixture.key(), "晚餐", fixture.manager);
    String page = "/canteen/accounts/" + account.id();

    manager.get(page + "?lang=en");
    try {
      var refused = manager.post("/canteen/payments/" + lunch.id() + "/refund", Map.of("_csrf",
          manager.get(page).csrfToken(), "accountId", String.valueOf(account.id()), "reason", " "));

      assertThat(refused.redirectPath()).isEqualTo(page);
      String shown = manager.get(page).body();
      assertThat(FieldErrors.of(shown, "refund-" + lunch.id() + "-reason")).containsExactly("Enter a reason");
      assertThat(FieldErrors.marked(shown, "refund-" + lunch.id() + "-reason")).isTrue();
      assertThat(FieldErrors.of(shown, "refund-" + dinner.id() + "-reason")).isEmpty();
      assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(5_000 - 1_200 - 1_500);
    } finally {
      manager.get(page + "?lang=zh");
    }
  }

  @Test
  void aTerminalWithoutCodeIsRefusedBesideItAndKeepsItsName() {
    long before = jdbc.sql("select count(*) from canteen_terminal").query(Long.class).single();
    long canteen = jdbc.sql("select canteen_id from canteen_terminal where terminal_code = 'YX-T01'")
        .query(Long.class).single();

    var refused = manager.post("/canteen/terminals", Map.of("_csrf", manager.get("/canteen/terminals").csrfToken(),
        "terminalCode", "  ", "canteenId", String.valueOf(canteen), "name", "二楼西窗口"));

    assertThat(refused.redirectPath()).isEqualTo("/canteen/terminals");
    String shown = manager.get("/canteen/terminals").body();
    assertThat(FieldErrors.of(shown, "terminalCode")).containsExactly("请填写终端编号（不超过40个字符）");
    assertThat(FieldErrors.value(shown, "terminal-name")).isEqualTo("二楼西窗口");
    assertThat(FieldErrors.of(shown, "canteen-name")).as("the new-canteen form is another form").isEmpty();
    assertThat(jdbc.sql("select count(*) from canteen_terminal").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void aTopUpRuleWithALimitThatIsNoAmountAndNoLifetimeNamesBothFields() {
    Map<String, String> fields = new HashMap<>(Map.of("_csrf", manager.get("/canteen/rules").csrfToken(),
        "effectiveFrom", "2099-03-01", "maxPerTopUpYuan", "500", "maxPerDayYuan", "八百",
        "orderLifetimeMinutes", "0"));

    var refused = manager.post("/canteen/rules/top-ups", fields);

    String shown = manager.get(refused.redirectPath()).body();
    assertThat(FieldErrors.of(shown, "maxPerDayYuan")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(shown, "maxPerDayYuan")).isEqualTo("八百");
    assertThat(FieldErrors.of(shown, "orderLifetimeMinutes")).hasSize(1);
    assertThat(FieldErrors.value(shown, "topUpFrom")).isEqualTo("2099-03-01");
    assertThat(jdbc.sql("select count(*) from canteen_topup_rule where effective_from = '2099-03-01'")
        .query(Long.class).single()).isZero();
  }
}
