package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person submits a form with two mistakes in a real (headless) Chromium and sees both, each beside its field. */
@IntegrationTest
class FormFieldsBrowserTest {

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("region.admin");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void bothMistakesOfTheStaffFormAreShownBesideTheirFieldsAndWhatWasTypedStays() {
    browser.open("/staff/new");
    browser.visible("#staffNo").sendKeys("FB" + System.nanoTime() % 1_000_000);
    browser.find("#mobile").sendKeys("12345");
    browser.clickAndWaitForPage("#save");

    assertThat(browser.visible("#name-error").getText()).isEqualTo("请填写此项");
    assertThat(browser.visible("#mobile-error").getText()).isEqualTo("请输入11位手机号，如 13800138000");
    assertThat(browser.find("#name").getAttribute("class")).contains("is-invalid");
    assertThat(browser.find("#mobile").getAttribute("aria-describedby")).isEqualTo("mobile-error");
    assertThat(browser.find("#mobile").getAttribute("value")).isEqualTo("12345");
    assertThat(browser.find("label[for=name]").getText()).contains("姓名").contains("*");
    assertThat(browser.policyViolations()).isEmpty();
    browser.screenshot("form-fields-01-two-mistakes");
  }
}
