package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed-in person who meets an error — an unknown address, a page of another role, a malformed address, a record
 * they may not see — reads what went wrong in their language on a page that keeps the top bar and the side menu.
 */
@IntegrationTest
class ErrorPageBrowserTest {

  @LocalServerPort int port;

  @Test
  void errorPagesKeepTheTopBarAndTheSideMenu() {
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("staff");
      // the container's error page: an address nobody serves, and an administrator's page refused by the filters
      assertErrorInShell(browser, "/no-such-page", "没有这个页面");
      assertErrorInShell(browser, "/admin/accounts", "您无权执行此操作");
      // a page controller's own error: a record outside the person's scope, a value that is not a date
      assertErrorInShell(browser, "/work-orders/987654321", "未找到工单");
      assertErrorInShell(browser, "/vehicles/my-trips?date=tomorrow", "参数的格式不正确");
      browser.screenshot("error-01-in-shell");
      assertErrorInShell(browser, "/no-such-page?lang=en", "There is no such page");
      browser.resize(390, 844);
      browser.open("/no-such-page");
      // on a phone the menu folds behind the toggle, as on every other page
      assertThat(browser.visible(".navbar-toggler").isDisplayed()).isTrue();
      browser.screenshot("error-02-phone");
    }
  }

  private static void assertErrorInShell(Browser browser, String path, String message) {
    browser.open(path);
    assertThat(browser.visible("#error-message").getText()).as(path).contains(message);
    assertThat(browser.find("#shell-user").getText()).as(path).isNotBlank();
    assertThat(browser.findAll("#sideMenu a[href='/work-orders/new']")).as(path).hasSize(1);
  }
}
