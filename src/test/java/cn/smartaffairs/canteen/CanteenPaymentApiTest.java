package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CanteenPaymentApiTest {

  private static final String TERMINAL = "YX-T01";

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired ApiCredentials credentials;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired OverdraftFlags overdrafts;
  @Autowired PaymentCodes paymentCodes;
  ApiClient api;
  CanteenFixture fixture;
  String terminalKey;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    var admin = users.loadUserByUsername("admin");
    terminalKey = credentials.createApiKey("食堂消费机测试", fixture.manager.regionId(),
        Set.of(ApiScope.CANTEEN_PAYMENTS), admin).secret();
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private ApiClient.Answer pay(String credential, Long amountFen, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("terminalId", TERMINAL);
    body.put("credential", credential);
    body.put("amountFen", amountFen);
    body.put("idempotencyKey", key);
    return api.postWithHeader("/api/v1/canteen/payments", ApiClient.API_KEY_HEADER, terminalKey, body);
  }

  @Test
  void aTerminalPaysByCardAndTheSameKeyAgainAnswersTheOriginalPayment() {
    CanteenAccount account = fixture.visitorWith(3_000);
    String key = CanteenFixture.key();

    ApiClient.Answer first = pay(account.cardNo(), 1_200L, key);
    ApiClient.Answer again = pay(account.cardNo(), 1_200L, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().get("balanceAfterFen").asLong()).isEqualTo(1_800);
    assertThat(first.body().get("terminalId").asText()).isEqualTo(TERMINAL);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(1_800);
  }

  @Test
  void aTerminalCannotTakeAKeyOfTheFormThePlatformUsesItself() {
    CanteenAccount account = fixture.visitorWith(3_000);

    for (String key : java.util.List.of("subsidy:" + account.id() + ":2099-01", " canteen-preorder-999999999",
        "web-x")) {
      assertThat(pay(account.cardNo(), 100L, key).status()).as(key).isEqualTo(400);
    }
    ApiClient.Answer offline = api.postWithHeader("/api/v1/canteen/payments/offline-batch", ApiClient.API_KEY_HEADER,
        terminalKey, List.of(item(account.cardNo(), 100, "subsidy:" + account.id() + ":2099-02")));
    assertThat(offline.body().get("rejected").asInt()).isEqualTo(1);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(3_000);
  }

  @Test
  void aFreshPaymentCodeReachesTheAccountButTheQrSecretItselfDoesNot() {
    CanteenAccount account = fixture.visitorWith(3_000);
    String code = paymentCodes.current(account.id()).orElseThrow().code();
    String secret = accounts.credentials(account.id(), fixture.manager).stream()
        .filter(credential -> credential.kind().equals("QR")).findFirst().orElseThrow().credential();

    ApiClient.Answer paid = pay(code, 500L, CanteenFixture.key());
    ApiClient.Answer bySecret = pay(secret, 500L, CanteenFixture.key());

    assertThat(paid.status()).isEqualTo(201);
    assertThat(paid.body().get("accountId").asLong()).isEqualTo(account.id());
    assertThat(bySecret.status()).isEqualTo(422);
    assertThat(bySecret.body().get("reason").asText()).isEqualTo("UNKNOWN_CREDENTIAL");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_500);
  }

  @Test
  void aPaymentCodeFromTheMinuteBeforeIsAcceptedButAnOlderOneHasExpired() {
    CanteenAccount account = fixture.visitorWith(3_000);
    java.time.Instant shown = java.time.Instant.now();
    clock.stopAt(shown);
    String code = paymentCodes.current(account.id()).orElseThrow().code();

    clock.stopAt(shown.plusSeconds(60));
    assertThat(pay(code, 100L, CanteenFixture.key()).status()).isEqualTo(201);
    clock.stopAt(shown.plusSeconds(120));
    ApiClient.Answer expired = pay(code, 100L, CanteenFixture.key());

    assertThat(expired.status()).isEqualTo(422);
    assertThat(expired.body().get("reason").asText()).isEqualTo("PAYMENT_CODE_EXPIRED");
    assertThat(expired.body().get("detail").asText()).contains("付款码已过期");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_900);
  }

  @Test
  void aForgedPaymentCodeIsRefused() {
    CanteenAccount account = fixture.visitorWith(3_000);
    String code = paymentCodes.current(account.id()).orElseThrow().code();
    String forged = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
    String otherAccount = code.replace("SA1." + account.id() + ".", "SA1." + (account.id() + 1) + ".");

    ApiClient.Answer answer = pay(forged, 100L, CanteenFixture.key());

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("reason").asText()).isEqualTo("PAYMENT_CODE_INVALID");
    assertThat(pay(otherAccount, 100L, CanteenFixture.key()).body().get("reason").asText())
        .isEqualTo("PAYMENT_CODE_INVALID");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(3_000);
  }

  @Test
  void aRegisteredFaceIdentityPaysAndTheOldOneStopsWorking() {
    CanteenAccount account = fixture.visitorWith(3_000);
    String face = "face-" + CanteenFixture.key();
    lifecycle.registerCredential(account.id(), "FACE", face, fixture.manager);
    assertThat(pay(face, 300L, CanteenFixture.key()).status()).isEqualTo(201);

    lifecycle.registerCredential(account.id(), "FACE", face + "-new", fixture.manager);
    assertThat(pay(face, 300L, CanteenFixture.key()).body().get("reason").asText()).isEqualTo("CARD_LOST");
    assertThat(pay(face + "-new", 300L, CanteenFixture.key()).body().get("balanceAfterFen").asLong()).isEqualTo(2_400);
  }

  @Test
  void refusalsAre422WithAReasonCodeAndAChineseMessage() {
    CanteenAccount poor = fixture.visitorWith(100);
    ApiClient.Answer insufficient = pay(poor.cardNo(), 1_000L, CanteenFixture.key());
    assertThat(insufficient.status()).isEqualTo(422);
    assertThat(insufficient.body().get("reason").asText()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(insufficient.body().get("detail").asText()).contains("余额不足");

    CanteenAccount frozen = fixture.visitorWith(5_000);
    lifecycle.freeze(frozen.id(), fixture.manager);
    assertThat(pay(frozen.cardNo(), 100L, CanteenFixture.key()).body().get("reason").asText()).isEqualTo("CARD_FROZEN");

    CanteenAccount hungry = fixture.visitorWith(20_000);
    assertThat(pay(hungry.cardNo(), 9_000L, CanteenFixture.key()).status()).isEqualTo(201);
    ApiClient.Answer limit = pay(hungry.cardNo(), 2_000L, CanteenFixture.key());
    assertThat(limit.status()).isEqualTo(422);
    assertThat(limit.body().get("reason").asText()).isEqualTo("DAILY_LIMIT_REACHED");

    assertThat(pay("000000000000", 100L, CanteenFixture.key()).body().get("reason").asText())
        .isEqualTo("UNKNOWN_CREDENTIAL");
    assertThat(accounts.account(poor.id(), fixture.manager).balanceFen()).isEqualTo(100);
  }

  @Test
  void withoutAnAmountTheMealIsPricedByPeriodAndCategory() {
    CanteenAccount account = fixture.visitorWith(5_000);
    clock.stopAt(LocalDateTime.of(2030, 5, 8, 12, 5).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

    ApiClient.Answer lunch = pay(account.cardNo(), null, CanteenFixture.key());
    assertThat(lunch.status()).isEqualTo(201);
    assertThat(lunch.body().get("amountFen").asLong()).isEqualTo(2_000);

    clock.stopAt(LocalDateTime.of(2030, 5, 8, 15, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    assertThat(pay(account.cardNo(), null, CanteenFixture.key()).body().get("reason").asText())
        .isEqualTo("NO_MEAL_PERIOD");
  }

  @Test
  void aCanteenManagersTokenMayPayButAStaffTokenMayNot() {
    CanteenAccount account = fixture.visitorWith(3_000);
    Map<String, Object> body = Map.of("terminalId", TERMINAL, "credential", account.cardNo(), "amountFen", 300,
        "idempotencyKey", CanteenFixture.key());

    assertThat(api.post("/api/v1/canteen/payments", api.tokenFor("canteen.manager"), body).status()).isEqualTo(201);
    ApiClient.Answer staff = api.post("/api/v1/canteen/payments", api.tokenFor("staff"),
        Map.of("terminalId", TERMINAL, "credential", account.cardNo(), "amountFen", 300,
            "idempotencyKey", CanteenFixture.key()));
    assertThat(staff.status()).isEqualTo(422);
    assertThat(staff.body().get("reason").asText()).isEqualTo("UNKNOWN_TERMINAL");
  }

  @Test
  void anOfflineBatchChargesNothingTwiceAndFlagsOverdrafts() {
    CanteenAccount account = fixture.visitorWith(1_000);
    String paid = CanteenFixture.key();
    assertThat(pay(account.cardNo(), 400L, paid).status()).isEqualTo(201);
    String overdraft = CanteenFixture.key();
    String later = CanteenFixture.key();
    List<Map<String, Object>> batch = List.of(
        item(account.cardNo(), 400, paid),
        item(account.cardNo(), 500, later),
        item(account.cardNo(), 800, overdraft),
        item(account.cardNo(), 800, overdraft),
        item("999999999999", 800, CanteenFixture.key()));

    ApiClient.Answer answer = api.postWithHeader("/api/v1/canteen/payments/offline-batch", ApiClient.API_KEY_HEADER,
        terminalKey, batch);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode items = answer.body().get("items");
    assertThat(items.get(0).get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(items.get(1).get("status").asText()).isEqualTo("RECORDED");
    assertThat(items.get(2).get("status").asText()).isEqualTo("FLAGGED");
    assertThat(items.get(2).get("reason").asText()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(items.get(3).get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(items.get(4).get("status").asText()).isEqualTo("REJECTED");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(1_000 - 400 - 500 - 800);

    ApiClient.Answer flags = api.get("/api/v1/canteen/overdrafts", api.tokenFor("canteen.manager"));
    assertThat(flags.body().findValuesAsText("accountId")).contains(String.valueOf(account.id()));
    ApiClient.Answer check = api.get("/api/v1/canteen/ledger-check", api.tokenFor("canteen.manager"));
    assertThat(check.body().get("ok").asBoolean()).isTrue();

    long flagged = items.get(2).get("payment").get("id").asLong();
    overdrafts.resolve(flagged, "已现金补缴8元", fixture.manager);
    assertThat(overdrafts.open(fixture.manager)).noneMatch(flag -> flag.journalId() == flagged);
  }

  private static Map<String, Object> item(String credential, long amountFen, String key) {
    return Map.of("terminalId", TERMINAL, "credential", credential, "amountFen", amountFen, "idempotencyKey", key,
        "paidAt", java.time.OffsetDateTime.now().minusMinutes(30).toString());
  }

  @Test
  void accountsAreListedInScopeAndAHolderTopsUpAndSeesTheEntries() {
    String manager = api.tokenFor("canteen.manager");
    ApiClient.Answer list = api.get("/api/v1/canteen/accounts?page=0&size=50", manager);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().get("total").asLong()).isGreaterThan(50);
    assertThat(list.body().get("items")).hasSize(50);
    assertThat(list.body().get("items").get(0).has("cardNo")).isTrue();
    assertThat(list.body().get("items").get(0).has("balanceFen")).isTrue();

    String staff = api.tokenFor("staff");
    ApiClient.Answer own = api.get("/api/v1/canteen/accounts?page=0&size=50", staff);
    assertThat(own.body().get("total").asLong()).isEqualTo(1);
    long id = own.body().get("items").get(0).get("id").asLong();
    long before = own.body().get("items").get(0).get("balanceFen").asLong();

    String key = CanteenFixture.key();
    // the holder's own top-up is refused (no money without a payment); a manager's counter top-up is credited
    assertThat(api.post("/api/v1/canteen/accounts/" + id + "/top-ups", staff,
        Map.of("amountFen", 2_000, "idempotencyKey", key)).status()).isBetween(400, 422);
    ApiClient.Answer topUp = api.post("/api/v1/canteen/accounts/" + id + "/top-ups", manager,
        Map.of("amountFen", 2_000, "idempotencyKey", key));
    assertThat(topUp.status()).isEqualTo(201);
    assertThat(api.post("/api/v1/canteen/accounts/" + id + "/top-ups", manager,
        Map.of("amountFen", 2_000, "idempotencyKey", key)).status()).isEqualTo(200);

    ApiClient.Answer detail = api.get("/api/v1/canteen/accounts/" + id, staff);
    assertThat(detail.body().get("balanceFen").asLong()).isEqualTo(before + 2_000);
    assertThat(detail.body().get("entries").get(0).get("kind").asText()).isEqualTo("TOP_UP");

    long someoneElse = list.body().get("items").get(0).get("id").asLong() == id
        ? list.body().get("items").get(1).get("id").asLong()
        : list.body().get("items").get(0).get("id").asLong();
    assertThat(api.get("/api/v1/canteen/accounts/" + someoneElse, staff).status()).isEqualTo(404);
  }
}
