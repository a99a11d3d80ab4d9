package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff tops up their canteen card online through the demo payment, pays for lunch, and sees both and the
 * balance on the page, next to their rotating payment code.
 */
@IntegrationTest
class MyCanteenAccountBrowserTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
  @Autowired MealPayments payments;
  @Autowired Accounts users;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("staff");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void staffTopUpThroughTheDemoPaymentAndSeeTheirBalanceAndEntries() {
    var staff = users.loadUserByUsername("staff");
    CanteenAccount account = accounts.accountOfStaff(staff.staffId()).orElseThrow();

    browser.clickAndWaitForPage("#menu-canteen-my");
    assertThat(browser.find("#card-no").getText()).isEqualTo(account.cardNo());
    assertThat(browser.find("#payment-code-text").getText()).startsWith("SA1." + account.id() + ".");
    assertThat(browser.find("#payment-code-image").getAttribute("src")).startsWith("data:image/png;base64,");
    long before = Long.parseLong(browser.visible("#balance").getText().replace(".", ""));

    // the order leads to the demo provider's page; nothing is credited before it confirms
    browser.visible("#amountYuan").sendKeys("25.50");
    browser.clickAndWaitForPage("#top-up");
    assertThat(browser.path()).startsWith("/canteen/sandbox-pay/");
    assertThat(browser.find("#sandbox-warning").getText()).contains("演示支付").contains("不产生真实扣款");
    assertThat(browser.find("#sandbox-amount").getText()).isEqualTo("¥25.50");
    String orderNo = browser.find("#sandbox-order-no").getText();
    browser.screenshot("canteen-02-demo-payment");
    browser.clickAndWaitForPage("#sandbox-confirm");

    assertThat(browser.path()).isEqualTo("/canteen/my");
    assertThat(browser.visible(".alert-success").getText()).contains("已为 " + account.holderName() + " 充值 ¥25.50");
    long afterTopUp = before + 2_550;
    assertThat(browser.visible("#balance").getText()).isEqualTo(yuan(afterTopUp));
    assertThat(browser.find("#order-" + orderNo + " .order-state").getText()).isEqualTo("已支付");
    assertThat(browser.find("#entries").getText()).contains("充值").contains("25.50");

    var manager = users.loadUserByUsername("canteen.manager");
    payments.charge(account.id(), 1_200, CanteenFixture.key(), "午餐", manager);
    browser.open("/canteen/my");

    assertThat(browser.visible("#balance").getText()).isEqualTo(yuan(afterTopUp - 1_200));
    assertThat(browser.find("#entries tbody tr").getText()).contains("消费").contains("12.00");
    browser.screenshot("canteen-01-my-account");
  }

  @Test
  void aPendingOrderIsListedInEnglishAndCanBeCancelled() {
    browser.open("/canteen/my?lang=en");
    browser.visible("#amountYuan").sendKeys("3");
    browser.clickAndWaitForPage("#top-up");
    assertThat(browser.find("#sandbox-warning").getText()).contains("Demo payment").contains("No real money");
    String orderNo = browser.find("#sandbox-order-no").getText();

    browser.open("/canteen/my");
    assertThat(browser.find("#order-" + orderNo + " .order-state").getText()).isEqualTo("Awaiting payment");
    browser.resize(390, 844);
    browser.clickAndWaitForPage("#order-" + orderNo + " button[type=submit]");

    assertThat(browser.find("#order-" + orderNo + " .order-state").getText()).isEqualTo("Cancelled");
    assertThat(browser.policyViolations()).isEmpty();
    browser.open("/canteen/my?lang=zh");
  }

  private static String yuan(long fen) {
    return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
  }
}
