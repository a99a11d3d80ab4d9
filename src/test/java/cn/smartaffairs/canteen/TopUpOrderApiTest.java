package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online top-up: an order is credited only by its provider's signed notification, once, for its amount, in time;
 * replays, forgeries, wrong amounts and late payments credit nothing; the region's limits are rule values.
 */
@IntegrationTest
class TopUpOrderApiTest {

  private static final String NOTIFY = "/api/v1/canteen/payments/notify/sandbox";

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired TopUpOrders orders;
  @Autowired SandboxPaymentProvider sandbox;
  @Autowired CanteenRules rules;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  ApiClient api;
  CanteenFixture fixture;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private long balance(CanteenAccount account) {
    return accounts.account(account.id(), fixture.countyAdmin).balanceFen();
  }

  private SandboxPaymentProvider.SignedNotification paid(CurrentUser holder, String orderNo) {
    return sandbox.confirm(orders.own(holder, orderNo), clock.instant());
  }

  private ApiClient.Answer post(SandboxPaymentProvider.SignedNotification notification) {
    return api.postRaw(NOTIFY, Map.of(SandboxPaymentProvider.SIGNATURE_HEADER,
        notification.headers().getFirst(SandboxPaymentProvider.SIGNATURE_HEADER)), notification.body());
  }

  private long auditEvents(String action, String orderNo) {
    return jdbc.sql("""
        select count(*) from audit_event where action = :action and entity_type = 'canteen_topup_order'
           and (cast(:no as text) is null or entity_id = :no or after_state::text like '%' || :no || '%')""")
        .param("action", action).param("no", orderNo).query(Long.class).single();
  }

  @Test
  void aHolderOrdersThroughTheApiAndTheProvidersNotificationCreditsTheOrderOnce() {
    String token = api.tokenFor("staff");
    CanteenAccount account = accounts.accountOfStaff(fixture.staff.staffId()).orElseThrow();
    long before = accounts.account(account.id(), fixture.manager).balanceFen();

    ApiClient.Answer created = api.post("/api/v1/canteen/my/top-up-orders", token, Map.of("amountFen", 2_550));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("state").asText()).isEqualTo("PENDING");
    String orderNo = created.body().get("orderNo").asText();
    assertThat(created.body().get("payAt").asText()).isEqualTo("/canteen/sandbox-pay/" + orderNo);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(before);

    var notification = paid(fixture.staff, orderNo);
    ApiClient.Answer first = post(notification);
    ApiClient.Answer replay = post(notification);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("result").asText()).isEqualTo("CREDITED");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body().get("result").asText()).isEqualTo("REPLAYED");
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(before + 2_550);
    ApiClient.Answer order = api.get("/api/v1/canteen/my/top-up-orders/" + orderNo, token);
    assertThat(order.body().get("state").asText()).isEqualTo("PAID");
    assertThat(accounts.payment(order.body().get("journalId").asLong(), fixture.manager).channel()).isEqualTo("ONLINE");
    assertThat(api.get("/api/v1/canteen/my/top-up-orders", token).body().get(0).get("orderNo").asText())
        .isEqualTo(orderNo);
    assertThat(auditEvents("NOTIFY_REPLAYED", orderNo)).isEqualTo(1);
  }

  @Test
  void notificationsRacingEachOtherCreditTheOrderOnlyOnce() throws Exception {
    CanteenAccount account = fixture.countyStaffWith(0);
    CurrentUser holder = CanteenFixture.holderOf(account);
    String orderNo = orders.create(holder, 1_000).order().orderNo();
    var notification = paid(holder, orderNo);

    List<Callable<String>> attempts = java.util.Collections.nCopies(6,
        () -> post(notification).body().get("result").asText());
    List<String> results = CanteenFixture.allAtOnce(6, attempts);

    assertThat(results).containsOnlyOnce("CREDITED").containsOnly("CREDITED", "REPLAYED");
    assertThat(balance(account)).isEqualTo(1_000);
    assertThat(jdbc.sql("select count(*) from canteen_journal where account_id = :id and kind = 'TOP_UP'")
        .param("id", account.id()).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aForgedNotificationCreditsNothingAnswers400AndIsAudited() {
    CanteenAccount account = fixture.countyStaffWith(0);
    CurrentUser holder = CanteenFixture.holderOf(account);
    String orderNo = orders.create(holder, 2_000).order().orderNo();
    var genuine = paid(holder, orderNo);
    String forgedBody = genuine.body().replace("2000", "200000");

    ApiClient.Answer forged = api.postRaw(NOTIFY, Map.of(SandboxPaymentProvider.SIGNATURE_HEADER,
        genuine.headers().getFirst(SandboxPaymentProvider.SIGNATURE_HEADER)), forgedBody);
    ApiClient.Answer unsigned = api.postRaw(NOTIFY, Map.of(), genuine.body());

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body().get("reason").asText()).isEqualTo("BAD_SIGNATURE");
    assertThat(forged.body().get("detail").asText()).contains("签名无效");
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(balance(account)).isZero();
    assertThat(orders.mine(holder, orderNo).state()).isEqualTo(TopUpOrder.State.PENDING);
    assertThat(auditEvents("NOTIFY_REJECTED", orderNo)).isEqualTo(2);
    assertThat(api.postRaw("/api/v1/canteen/payments/notify/nobody", Map.of(), genuine.body()).status())
        .isEqualTo(404);
  }

  @Test
  void aSignedNotificationForAnotherAmountCreditsNothing() {
    CanteenAccount account = fixture.countyStaffWith(0);
    CurrentUser holder = CanteenFixture.holderOf(account);
    String orderNo = orders.create(holder, 2_000).order().orderNo();
    String body = paid(holder, orderNo).body().replace("\"amountFen\":2000", "\"amountFen\":1999");

    ApiClient.Answer answer = post(sandbox.sign(body));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("reason").asText()).isEqualTo("AMOUNT_MISMATCH");
    assertThat(balance(account)).isZero();
    assertThat(auditEvents("NOTIFY_REJECTED", orderNo)).isEqualTo(1);
  }

  @Test
  void aPaymentForAnExpiredOrderIsNotCreditedAndIsRecordedAsARefundDue() {
    CanteenAccount account = fixture.countyStaffWith(0);
    CurrentUser holder = CanteenFixture.holderOf(account);
    Instant now = Instant.now();
    clock.stopAt(now);
    var late = orders.create(holder, 1_500).order();
    var unpaid = orders.create(holder, 500).order();
    int lifetime = rules.topUpRule(account.regionId(), LocalDate.now(clock)).orderLifetimeMinutes();

    clock.stopAt(now.plusSeconds(60L * lifetime + 1));
    ApiClient.Answer answer = post(paid(holder, late.orderNo()));
    int expired = orders.expireOverdue();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("result").asText()).isEqualTo("REFUND_DUE");
    assertThat(balance(account)).isZero();
    assertThat(orders.mine(holder, late.orderNo()).state()).isEqualTo(TopUpOrder.State.EXPIRED);
    assertThat(expired).isGreaterThanOrEqualTo(1);
    assertThat(orders.mine(holder, unpaid.orderNo()).state()).isEqualTo(TopUpOrder.State.EXPIRED);
    assertThat(auditEvents("PAID_NOT_CREDITED", late.orderNo())).isEqualTo(1);
    assertThat(auditEvents("EXPIRE", unpaid.orderNo())).isEqualTo(1);
    assertThat(post(paid(holder, unpaid.orderNo())).body().get("result").asText()).isEqualTo("REFUND_DUE");
    assertThat(balance(account)).isZero();
  }

  @Test
  void theLimitsPerTopUpAndPerDayAreTheRegionsRuleValues() {
    CanteenAccount account = fixture.countyStaffWith(0);
    CurrentUser holder = CanteenFixture.holderOf(account);
    // the national default allows this order (1000 yuan at once)
    assertThat(orders.create(holder, 60_000).order().state()).isEqualTo(TopUpOrder.State.PENDING);

    // a new version for the county, in force today: 50 yuan at once, 80 a day (pending and paid orders count)
    rules.addTopUpRule(LocalDate.now(clock), 5_000, 8_000, 15, fixture.countyAdmin);
    CanteenAccount fresh = fixture.countyStaffWith(0);
    CurrentUser other = CanteenFixture.holderOf(fresh);

    var overOnce = catchThrowableOfType(BusinessRuleException.class,
        () -> orders.create(other, 5_001));
    assertThat(overOnce.messageKey()).isEqualTo("canteen.topUpOrder.overPerTopUp");
    assertThat(overOnce.arguments()).containsExactly("50.00");
    orders.create(other, 5_000);
    var overDay = catchThrowableOfType(BusinessRuleException.class,
        () -> orders.create(other, 3_001));
    assertThat(overDay.messageKey()).isEqualTo("canteen.topUpOrder.overPerDay");
    assertThat(overDay.arguments()).containsExactly("80.00", "50.00");
    assertThat(orders.create(other, 3_000).order().amountFen()).isEqualTo(3_000);
  }

  @Test
  void theApiNamesTheLimitInChinese() {
    String token = api.tokenFor("staff");
    ApiClient.Answer tooMuch = api.post("/api/v1/canteen/my/top-up-orders", token, Map.of("amountFen", 100_000_000));

    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.body().get("detail").asText()).contains("单笔在线充值上限");
    assertThat(api.post("/api/v1/canteen/my/top-up-orders", token, Map.of("amountFen", 0)).status()).isEqualTo(400);
  }
}
