package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.support.ApiClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An idempotency key belongs to its caller (terminal, holder's account, signed-in person): another caller's key never
 * answers for a request, and the same caller's key never stands in for another operation, account or amount.
 */
@IntegrationTest
class IdempotencyKeyScopeTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired ApiCredentials credentials;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  CanteenFixture fixture;
  String terminalKey;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    terminalKey = credentials.createApiKey("食堂消费机幂等测试", fixture.manager.regionId(),
        Set.of(ApiScope.CANTEEN_PAYMENTS), users.loadUserByUsername("admin")).secret();
  }

  private ApiClient.Answer pay(String card, long amountFen, String key) {
    return api.postWithHeader("/api/v1/canteen/payments", ApiClient.API_KEY_HEADER, terminalKey,
        Map.of("terminalId", "YX-T01", "credential", card, "amountFen", amountFen, "idempotencyKey", key));
  }

  @Test
  void aTopUpKeyTakenFirstDoesNotLetTheTerminalsMealPaymentWithThatKeyGoUncharged() {
    CanteenAccount account = fixture.visitorWith(0);
    String key = "YX-T01-20261205-" + System.nanoTime();
    // the key a terminal will use later, taken first by someone else's top-up of 1 fen
    api.post("/api/v1/canteen/accounts/" + account.id() + "/top-ups", api.tokenFor("canteen.manager"),
        Map.of("amountFen", 3_001, "idempotencyKey", key));

    ApiClient.Answer meal = pay(account.cardNo(), 1_200, key);

    assertThat(meal.status()).isEqualTo(201);
    assertThat(meal.body().get("kind").asText()).isEqualTo("MEAL_PAYMENT");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(3_001 - 1_200);
  }

  @Test
  void aRefundWhoseKeyBelongsToTheMealPaymentRefundsIt() {
    CanteenAccount account = fixture.visitorWith(2_000);
    String key = CanteenFixture.key();
    ApiClient.Answer meal = pay(account.cardNo(), 800, key);
    assertThat(meal.status()).isEqualTo(201);

    ApiClient.Answer refund = api.post("/api/v1/canteen/payments/" + meal.body().get("id").asLong() + "/refunds",
        api.tokenFor("canteen.manager"), Map.of("idempotencyKey", key, "reason", "误刷"));

    assertThat(refund.status()).isEqualTo(201);
    assertThat(refund.body().get("kind").asText()).isEqualTo("REFUND");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_000);
  }

  @Test
  void theSameCallersKeyForAnotherAmountAccountOrOperationIsRefusedNamingIt() {
    CanteenAccount first = fixture.visitorWith(1_000);
    CanteenAccount second = fixture.visitorWith(1_000);
    String manager = api.tokenFor("canteen.manager");
    String key = CanteenFixture.key();
    assertThat(api.post("/api/v1/canteen/accounts/" + first.id() + "/top-ups", manager,
        Map.of("amountFen", 500, "idempotencyKey", key)).status()).isEqualTo(201);

    ApiClient.Answer otherAmount = api.post("/api/v1/canteen/accounts/" + first.id() + "/top-ups", manager,
        Map.of("amountFen", 600, "idempotencyKey", key));
    ApiClient.Answer otherAccount = api.post("/api/v1/canteen/accounts/" + second.id() + "/top-ups", manager,
        Map.of("amountFen", 500, "idempotencyKey", key));
    ApiClient.Answer replay = api.post("/api/v1/canteen/accounts/" + first.id() + "/top-ups", manager,
        Map.of("amountFen", 500, "idempotencyKey", key));

    assertThat(otherAmount.status()).isEqualTo(409);
    assertThat(otherAmount.body().get("detail").asText()).contains(key).contains("充值");
    assertThat(otherAccount.status()).isEqualTo(409);
    assertThat(otherAccount.body().has("balanceAfterFen")).isFalse();
    assertThat(replay.status()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> funding.correct(first.id(), -100, "更正", key, fixture.manager))
        .isInstanceOf(cn.smartaffairs.platform.ConflictException.class);
    assertThat(accounts.account(first.id(), fixture.manager).balanceFen()).isEqualTo(1_500);
    assertThat(accounts.account(second.id(), fixture.manager).balanceFen()).isEqualTo(1_000);
  }

  @Test
  void aHolderCannotCreditTheirOwnAccountWithoutAPayment() {
    CanteenAccount own = accounts.accountOfStaff(fixture.staff.staffId())
        .orElseGet(() -> lifecycle.openStaffAccount(fixture.staff.staffId(), null, fixture.manager));
    long before = accounts.account(own.id(), fixture.manager).balanceFen();

    ApiClient.Answer answer = api.post("/api/v1/canteen/accounts/" + own.id() + "/top-ups", api.tokenFor("staff"),
        Map.of("amountFen", 9_999_900, "idempotencyKey", CanteenFixture.key()));

    assertThat(answer.status()).isBetween(400, 422);
    assertThat(answer.body().get("detail").asText()).contains("支付");
    assertThat(accounts.account(own.id(), fixture.manager).balanceFen()).isEqualTo(before);
  }
}
