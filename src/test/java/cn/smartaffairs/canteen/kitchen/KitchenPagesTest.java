package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The canteen manager's pages over the demo city's canteen, and what staff may not open. */
@IntegrationTest
class KitchenPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  long canteen;
  LocalDate today;

  @BeforeEach
  void setUp() {
    canteen = jdbc.sql("select id from canteen where name = '市行政中心职工食堂'").query(Long.class).single();
    today = LocalDate.now(KitchenFixture.SHANGHAI);
  }

  private WebSession signedIn(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  @Test
  void theDemoCanteensManagerPagesShowItsMenusSuppliersBatchesAndReport() {
    WebSession manager = signedIn("canteen.manager");
    Map<String, String> pages = Map.ofEntries(
        Map.entry("/canteen/kitchen?site=" + canteen, "红烧肉"),
        Map.entry("/canteen/kitchen/head-count?site=" + canteen + "&meal=LUNCH", "报餐人数"),
        Map.entry("/canteen/kitchen/waste?site=" + canteen + "&date=" + today.minusDays(1), "餐盘剩余"),
        Map.entry("/canteen/kitchen/samples?site=" + canteen, "每道菜留样不少于 125 克"),
        Map.entry("/canteen/kitchen/rules", "09:30"),
        Map.entry("/canteen/procurement/suppliers", "云溪速达副食店"),
        Map.entry("/canteen/procurement/requests?site=" + canteen, "猪五花肉"),
        Map.entry("/canteen/procurement/batches?site=" + canteen, "拒收"),
        Map.entry("/canteen/procurement/trace?site=" + canteen, "食材追溯"),
        Map.entry("/canteen/reports?site=" + canteen, "report-chart"),
        Map.entry("/canteen?site=" + canteen, "本周菜单与报餐"));
    pages.forEach((path, expected) -> {
      var page = manager.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains(expected).doesNotContain("Exception");
    });
    var export = manager.get("/canteen/reports/export.xlsx?site=" + canteen + "&from=" + today.minusDays(6)
        + "&to=" + today);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/vnd.openxmlformats");
  }

  @Test
  void aTooLightSampleOnThePageShowsTheRuleInChinese() {
    WebSession manager = signedIn("canteen.manager");
    long dish = jdbc.sql("""
        select m.id from canteen_menu_item m join canteen_dish d on d.id = m.dish_id
         where m.site_id = :site order by m.serve_date desc limit 1""").param("site", canteen)
        .query(Long.class).single();
    String samples = "/canteen/kitchen/samples?site=" + canteen;
    var posted = manager.post("/canteen/kitchen/samples", Map.of("_csrf", manager.get(samples).csrfToken(),
        "siteId", String.valueOf(canteen), "date", today.toString(), "menuItemId", String.valueOf(dish),
        "weightGrams", "100", "takenBy", "留样员"));

    assertThat(posted.status()).isEqualTo(302);
    assertThat(manager.get(posted.redirectPath()).body()).contains("留样 100 克，不足规定的 125 克");
  }

  @Test
  void staffMayNotOpenTheManagersPages() {
    WebSession staff = signedIn("staff");
    assertThat(staff.get("/canteen/kitchen").status()).isEqualTo(403);
    assertThat(staff.get("/canteen/procurement/suppliers").status()).isEqualTo(403);
    assertThat(staff.get("/canteen/reports").status()).isEqualTo(403);
    assertThat(staff.get("/canteen").status()).isEqualTo(200);
  }
}
