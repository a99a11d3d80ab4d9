package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.CanteenAccounts;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member pre-orders lunch on a phone-sized screen and sees the payment and the balance after it. */
@IntegrationTest
class PreorderBrowserTest {

  @LocalServerPort int port;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired CanteenAccounts canteenAccounts;
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
  void aStaffMemberPreordersLunchAndSeesThePaymentAndTheBalanceAfterIt() {
    KitchenFixture fixture = new KitchenFixture(menus, accounts);
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(7);
    MenuItem pork = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    fixture.onMenu(site, day, Meal.LUNCH, "清炒时蔬", 250);
    long staffId = fixture.user("staff").staffId();
    long before = canteenAccounts.accountOfStaff(staffId).orElseThrow().balanceFen();

    browser.resize(412, 915);
    browser.open("/canteen?site=" + site.id() + "&date=" + day);
    String meal = "#meal-" + day + "-LUNCH";
    assertThat(browser.visible(meal).getText()).contains("红烧肉").contains("¥8.00").contains("09:30 截止");
    browser.scrollTo("#item-" + pork.id());
    browser.find("#item-" + pork.id()).click();
    browser.screenshot("canteen-01-preorder");
    browser.scrollTo(meal + " .place-preorder");
    browser.clickAndWaitForPage(meal + " .place-preorder");

    String expectedBalance = String.format("¥%.2f", (before - 800) / 100.0);
    assertThat(browser.visible(meal + " .preorder").getText()).contains("已报餐").contains("红烧肉");
    assertThat(browser.find(meal + " .paid-amount").getText()).isEqualTo("¥8.00");
    assertThat(browser.find(meal + " .balance-after").getText()).isEqualTo(expectedBalance);
    browser.screenshot("canteen-02-paid");
    assertThat(canteenAccounts.accountOfStaff(staffId).orElseThrow().balanceFen()).isEqualTo(before - 800);
  }
}
