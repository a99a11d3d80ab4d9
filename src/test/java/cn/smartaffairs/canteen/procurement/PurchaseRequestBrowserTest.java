package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The canteen manager raises a purchase request, gets two quotes, runs 二次竞价 and awards the lowest bid. */
@IntegrationTest
class PurchaseRequestBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("canteen.manager");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void theManagerAwardsThePurchaseToTheLowestSecondRoundBid() {
    String item = "土鸡蛋-" + UUID.randomUUID().toString().substring(0, 6);
    browser.clickAndWaitForPage("#menu-canteen-requests");
    browser.find("#new-request input[name=itemName]").sendKeys(item);
    browser.find("#new-request input[name=quantity]").sendKeys("30");
    browser.find("#new-request input[name=unit]").sendKeys("千克");
    browser.clickAndWaitForPage("#new-request button[type=submit]");
    long id = jdbc.sql("select id from canteen_purchase_request where item_name = :item").param("item", item)
        .query(Long.class).single();
    String card = "#request-" + id;

    quote(card, "云溪丰收粮油贸易公司", "12.50");
    browser.clickAndWaitForPage(card + " form[action$='/second-round'] button");
    assertThat(browser.find("#flash-error").getText()).isEqualTo("至少需要 2 家供应商报价才能进行二次竞价（目前 1 家）");
    quote(card, "云溪绿源蔬菜配送有限公司", "12.00");
    browser.clickAndWaitForPage(card + " form[action$='/second-round'] button");
    assertThat(browser.find(card + " .request-status").getText()).isEqualTo("二次竞价");
    quote(card, "云溪丰收粮油贸易公司", "11.20");
    quote(card, "云溪绿源蔬菜配送有限公司", "11.50");
    browser.scrollTo(card + " form[action$='/award'] button");
    browser.screenshot("canteen-03-second-round");
    browser.clickAndWaitForPage(card + " form[action$='/award'] button");

    assertThat(browser.find(card + " .request-status").getText()).isEqualTo("已定标");
    assertThat(browser.find(card + " .fw-bold.text-success").getText()).isEqualTo("云溪丰收粮油贸易公司 ¥11.20 ✓");
    browser.screenshot("canteen-04-awarded");
  }

  private void quote(String card, String supplier, String yuan) {
    browser.scrollTo(card + " select[name=supplierId]");
    new Select(browser.find(card + " select[name=supplierId]")).selectByVisibleText(supplier);
    browser.find(card + " input[name=unitPriceYuan]").sendKeys(yuan);
    browser.clickAndWaitForPage(card + " form[action$='/quotes'] button");
  }
}
