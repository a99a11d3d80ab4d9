package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The canteen's lists that grow (an account's entries, terminals, flagged offline payments, food samples, purchase
 * requests, received batches) search, sort and export as every platform list does.
 */
@IntegrationTest
class CanteenListsTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired MealPayments payments;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  CanteenFixture fixture;
  WebSession manager;
  long canteen;

  @BeforeEach
  void setUp() {
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    canteen = jdbc.sql("select id from canteen where name = '市行政中心职工食堂'").query(Long.class).single();
  }

  private void exports(WebSession session, String path) {
    WebSession.Page export = session.get(path);
    assertThat(export.status()).as(path).isEqualTo(200);
    assertThat(export.header("Content-Type")).as(path).contains("spreadsheetml");
  }

  @Test
  void anAccountsEntriesAreSearchedSortedPagedAndExported() {
    CanteenAccount account = fixture.visitorWith(10_000);
    payments.charge(account.id(), 1_200, CanteenFixture.key(), "午餐 红烧肉", fixture.manager);
    payments.charge(account.id(), 800, CanteenFixture.key(), "早餐 豆浆", fixture.manager);
    String page = "/canteen/accounts/" + account.id();

    String all = manager.get(page).body();
    assertThat(all).contains("id=\"entries\"").contains("共 3 条");
    String found = manager.get(page + "?keyword=%E8%B1%86%E6%B5%86").body();
    assertThat(found).contains("共 1 条").contains("早餐 豆浆").doesNotContain("午餐 红烧肉");
    assertThat(manager.get(page + "?sort=amount&dir=desc&size=1").body()).contains("共 3 条")
        .contains("aria-sort=\"descending\"").contains("id=\"page-next\"");
    exports(manager, page + "/export.xlsx?keyword=%E8%B1%86%E6%B5%86");
  }

  @Test
  void theHoldersOwnEntriesAreAListWithAnExport() {
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/canteen/my").body()).contains("id=\"entries\"").contains("id=\"list-total\"");
    exports(staff, "/canteen/my/export.xlsx");
    assertThat(staff.get("/canteen/accounts/1/export.xlsx").status()).isEqualTo(403);
  }

  @Test
  void terminalsAndFlaggedPaymentsAreListsWithExports() {
    assertThat(manager.get("/canteen/terminals?sort=code&dir=desc").body()).contains("YX-T01")
        .contains("aria-sort=\"descending\"");
    assertThat(manager.get("/canteen/terminals?keyword=YX-T02").body()).contains("YX-T02").doesNotContain(">YX-T01<");
    exports(manager, "/canteen/terminals/export.xlsx");
    assertThat(manager.get("/canteen/overdrafts?sort=holder").status()).isEqualTo(200);
    exports(manager, "/canteen/overdrafts/export.xlsx");
  }

  @Test
  void samplesRequestsAndBatchesAreListsOfTheChosenCanteenWithExports() {
    for (String path : List.of("/canteen/kitchen/samples", "/canteen/procurement/requests",
        "/canteen/procurement/batches")) {
      String page = manager.get(path + "?site=" + canteen + "&sort=" + "nonsense").body();
      assertThat(page).as(path).contains("id=\"list-total\"").contains("name=\"site\" value=\"" + canteen + "\"")
          .doesNotContain("list=\"ListQuery");
      exports(manager, path + "/export.xlsx?site=" + canteen);
    }
    assertThat(manager.get("/canteen/procurement/batches?site=" + canteen + "&keyword=%E9%9F%AD%E8%8F%9C").body())
        .contains("共 1 条").contains("拒收");
    assertThat(manager.get("/canteen/procurement/requests?site=" + canteen + "&sort=item").body())
        .contains("猪五花肉");
  }
}
