package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator's day in a real (headless) Chromium: accounts, API keys, the audit trail, the calendar. */
@IntegrationTest
class AdministrationBrowserTest {

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("admin");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void adminCreatesAnAccountIssuesAnApiKeyAndVerifiesTheAuditChain() {
    String username = "browser" + System.nanoTime() % 1_000_000;
    browser.clickAndWaitForPage("#menu-accounts");
    browser.clickAndWaitForPage("#new-account");
    browser.visible("#username").sendKeys(username);
    browser.find("#displayName").sendKeys("浏览器测试");
    browser.find("#password").sendKeys("weak");
    browser.clickAndWaitForPage("button[type=submit].btn-primary");
    assertThat(browser.visible("#form-errors").getText()).contains("密码至少8位");
    browser.screenshot("admin-01-account-weak-password");

    browser.find("#password").sendKeys("Strong#Pass1");
    browser.clickAndWaitForPage("button[type=submit].btn-primary");
    assertThat(browser.visible("#account-status").getText()).isEqualTo("正常");
    browser.screenshot("admin-02-account-created");

    browser.clickAndWaitForPage("#menu-api-keys");
    browser.visible("#name").sendKeys("一号通热线 " + username);
    browser.find("input[name=scopes][value=STAFF_READ]").click();
    browser.clickAndWaitForPage("#create-key");
    String secret = browser.visible("#new-secret").getAttribute("value");
    assertThat(secret).startsWith("sak_");
    browser.screenshot("admin-03-api-key-created");
    assertThat(new ApiClient(port).withHeader("/api/v1/staff", "X-API-Key", secret).status()).isEqualTo(200);

    browser.clickAndWaitForPage("#menu-audit");
    assertThat(browser.find("#audit-table").getText()).contains("接口密钥").contains("用户账户");
    browser.find("#verify-chain").click();
    assertThat(browser.await(driver -> browser.findAll("#chain-intact").isEmpty()
        ? null
        : browser.find("#chain-intact")).getText()).isNotBlank();
    browser.screenshot("admin-04-audit-verified");

    browser.clickAndWaitForPage("#menu-calendar");
    assertThat(browser.find("#calendar-table").getText()).contains("国庆节调休上班");
    browser.screenshot("admin-05-calendar");
  }
}
