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

/** A member of staff tops up their canteen card online, pays for lunch, and sees both and the balance on the page. */
@IntegrationTest
class MyCanteenAccountBrowserTest {

  @LocalServerPort int port;
  @Autowired CanteenAccounts accounts;
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
  void staffSeeTheirBalanceAndEntriesAfterATopUpAndAPayment() {
    var staff = users.loadUserByUsername("staff");
    CanteenAccount account = accounts.accountOfStaff(staff.staffId()).orElseThrow();

    browser.clickAndWaitForPage("#menu-canteen-my");
    assertThat(browser.find("#card-no").getText()).isEqualTo(account.cardNo());
    // the holder's own top-up credits nothing without a confirmed payment; the counter's does
    browser.visible("#amountYuan").sendKeys("25.50");
    browser.clickAndWaitForPage("#top-up");
    assertThat(browser.visible("#balance").getText()).isEqualTo(yuan(account.balanceFen()));
    var counter = users.loadUserByUsername("canteen.manager");
    accounts.topUp(account.id(), 2_550, CanteenFixture.key(), counter);
    browser.open("/canteen/my");

    long afterTopUp = account.balanceFen() + 2_550;
    assertThat(browser.visible("#balance").getText()).isEqualTo(yuan(afterTopUp));
    assertThat(browser.find("#entries").getText()).contains("充值").contains("25.50");

    var manager = users.loadUserByUsername("canteen.manager");
    accounts.charge(account.id(), 1_200, CanteenFixture.key(), "午餐", manager);
    browser.open("/canteen/my");

    assertThat(browser.visible("#balance").getText()).isEqualTo(yuan(afterTopUp - 1_200));
    assertThat(browser.find("#entries tbody tr").getText()).contains("消费").contains("12.00");
    browser.screenshot("canteen-01-my-account");
  }

  private static String yuan(long fen) {
    return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
  }
}
