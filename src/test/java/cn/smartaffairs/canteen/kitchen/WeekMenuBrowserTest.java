package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.CanteenAccounts;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.support.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The weekly menu opens on the first week that still takes orders — on a Sunday evening this week's meals are all
 * past their cut-off — with the diner's card and its current balance beside it.
 */
@IntegrationTest
class WeekMenuBrowserTest {

  @LocalServerPort int port;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired CanteenAccounts canteenAccounts;
  @Autowired TestClock clock;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void theMenuOpensOnTheFirstWeekThatStillTakesOrdersBesideTheCurrentBalance() {
    KitchenFixture fixture = new KitchenFixture(menus, accounts);
    CanteenSite site = fixture.freshSite();
    LocalDate monday = KitchenFixture.someFutureDay(21).with(DayOfWeek.MONDAY);
    LocalDate closedDay = monday.plusDays(2);
    // nothing on the week after; the one after that takes orders again
    LocalDate openDay = monday.plusWeeks(2).plusDays(1);
    fixture.onMenu(site, closedDay, Meal.LUNCH, "红烧肉", 800);
    fixture.onMenu(site, openDay, Meal.LUNCH, "清蒸鲈鱼", 1200);
    long balance = canteenAccounts.accountOfStaff(fixture.user("staff").staffId()).orElseThrow().balanceFen();

    clock.stopAt(KitchenFixture.at(monday.plusDays(6), "20:00"));
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("staff");
      browser.resize(412, 915);
      browser.open("/canteen?site=" + site.id());
      assertThat(browser.visible("#day-" + openDay).getText()).contains("清蒸鲈鱼");
      assertThat(browser.findAll("#day-" + closedDay)).isEmpty();
      assertThat(browser.find("#meal-" + openDay + "-LUNCH .place-preorder").isDisplayed()).isTrue();
      assertThat(browser.visible("#card-balance").getText()).isEqualTo(String.format("%.2f", balance / 100.0));
      browser.screenshot("canteen-week-01-first-open-week");

      // the week with the closed lunch is still there to read, one click back
      browser.clickAndWaitForPage("#previous-week");
      browser.clickAndWaitForPage("#previous-week");
      assertThat(browser.visible("#meal-" + closedDay + "-LUNCH").getText()).contains("红烧肉", "报餐已截止");
    }
  }
}
