package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data scope of canteen accounts: a county admin neither reads nor changes a city account (404, nothing written),
 * and an idempotency key — some are predictable, e.g. {@code subsidy:<account>:<month>} — never opens another
 * holder's journal.
 */
@IntegrationTest
class CanteenScopeTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  CanteenFixture fixture;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
  }

  @Test
  void anotherModulesManagerAndAUnitLiaisonSeeOnlyTheirOwnAccount() {
    CanteenAccount city = fixture.visitorWith(1_000);
    for (String username : new String[] {"vehicle.manager", "liaison"}) {
      String token = api.tokenFor(username);
      var listed = api.get("/api/v1/canteen/accounts?page=0&size=50", token).body();
      long ownStaffId = users.loadUserByUsername(username).staffId();
      assertThat(listed.get("total").asLong()).as(username).isLessThanOrEqualTo(1);
      listed.get("items").forEach(item -> assertThat(item.get("staffId").asLong()).as(username).isEqualTo(ownStaffId));
      assertThat(api.get("/api/v1/canteen/accounts/" + city.id(), token).status()).as(username).isEqualTo(404);
    }
    assertThat(api.get("/api/v1/canteen/accounts/" + city.id(), api.tokenFor("canteen.manager")).status())
        .isEqualTo(200);
  }

  @Test
  void aCountyAdminCannotReadFreezeOrTopUpACityAccount() {
    CanteenAccount city = fixture.visitorWith(2_000);
    String token = api.tokenFor("county.admin");

    ApiClient.Answer read = api.get("/api/v1/canteen/accounts/" + city.id(), token);
    assertThat(read.status()).isEqualTo(404);
    // the same words as for an id that does not exist, naming the record in Chinese
    assertThat(read.body().get("detail").asText()).isEqualTo("未找到食堂账户（编号 " + city.id() + "），或您无权查看");
    assertThat(api.post("/api/v1/canteen/accounts/" + city.id() + "/freeze", token, Map.of()).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/canteen/accounts/" + city.id() + "/top-ups", token,
        Map.of("amountFen", 500, "idempotencyKey", CanteenFixture.key())).status()).isEqualTo(404);

    CanteenAccount after = accounts.account(city.id(), fixture.manager);
    assertThat(after.status()).isEqualTo("ACTIVE");
    assertThat(after.balanceFen()).isEqualTo(2_000);
  }

  @Test
  void aCountyAdminRepeatingTheKeyOfACityTopUpGetsNotFoundAndNotTheJournal() {
    CanteenAccount city = fixture.visitorWith(0);
    String key = CanteenFixture.key();
    funding.topUp(city.id(), 2_345, key, fixture.manager);

    ApiClient.Answer answer = api.post("/api/v1/canteen/accounts/" + city.id() + "/top-ups",
        api.tokenFor("county.admin"), Map.of("amountFen", 2_345, "idempotencyKey", key));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().has("balanceAfterFen")).isFalse();
    assertThat(accounts.account(city.id(), fixture.manager).balanceFen()).isEqualTo(2_345);
  }

  @Test
  void aKeyUsedOnAnotherAccountDoesNotAnswerThatAccountsJournal() {
    CanteenAccount county = fixture.countyStaffWith(0);
    CanteenAccount other = fixture.countyStaffWith(0);
    String key = CanteenFixture.key();
    funding.topUp(county.id(), 7_777, key, fixture.countyAdmin);

    // the same admin quotes that key for a top-up of another account: refused, naming no one's journal
    ApiClient.Answer answer = api.post("/api/v1/canteen/accounts/" + other.id() + "/top-ups",
        api.tokenFor("county.admin"), Map.of("amountFen", 100, "idempotencyKey", key));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().has("balanceAfterFen")).isFalse();
    assertThat(answer.body().toString()).doesNotContain("7777");
    assertThat(accounts.account(other.id(), fixture.countyAdmin).balanceFen()).isZero();
    assertThat(accounts.account(county.id(), fixture.countyAdmin).balanceFen()).isEqualTo(7_777);
  }

  @Test
  void aHolderCannotTakeAKeyOfTheFormThePlatformUsesForSubsidiesPreordersOrPages() {
    CanteenAccount own = accounts.accountOfStaff(fixture.staff.staffId())
        .orElseGet(() -> lifecycle.openStaffAccount(fixture.staff.staffId(), null, fixture.manager));
    String token = api.tokenFor("staff");
    long before = accounts.account(own.id(), fixture.manager).balanceFen();

    // the key is stored trimmed, so a padded one must be refused as well
    for (String key : java.util.List.of("subsidy:" + own.id() + ":2099-01", "canteen-preorder-999999999",
        "web-refund-999999999", "  subsidy:" + own.id() + ":2099-02")) {
      ApiClient.Answer answer = api.post("/api/v1/canteen/accounts/" + own.id() + "/top-ups", token,
          Map.of("amountFen", 100, "idempotencyKey", key));
      assertThat(answer.status()).as(key).isEqualTo(400);
    }
    assertThat(accounts.account(own.id(), fixture.manager).balanceFen()).isEqualTo(before);
  }

  @Test
  void theManagerStillGetsTheirOwnTopUpAgainForTheSameKey() {
    CanteenAccount account = fixture.visitorWith(0);
    String token = api.tokenFor("canteen.manager");
    String key = CanteenFixture.key();

    ApiClient.Answer first = api.post("/api/v1/canteen/accounts/" + account.id() + "/top-ups", token,
        Map.of("amountFen", 300, "idempotencyKey", key));
    ApiClient.Answer again = api.post("/api/v1/canteen/accounts/" + account.id() + "/top-ups", token,
        Map.of("amountFen", 300, "idempotencyKey", key));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
  }
}
