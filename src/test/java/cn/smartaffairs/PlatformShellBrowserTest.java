package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.support.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person does in the web shell, in a real (headless) Chromium: sign in, switch language, find, export. */
@IntegrationTest
class PlatformShellBrowserTest {

  private static final Pattern TOTAL = Pattern.compile("共\\s*([\\d,]+)\\s*条");

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void adminSignsInSwitchesLanguageSearchesStaffAndExportsWhatTheListShows() throws IOException {
    browser.open("/");
    browser.visible("#username");
    assertThat(browser.path()).startsWith("/login");
    browser.screenshot("shell-01-login");

    signInAs("admin");
    assertThat(browser.find("#welcome").getText()).contains("您好");
    assertThat(browser.find("#shell-user").getText()).isNotBlank();
    browser.screenshot("shell-02-home-zh");

    browser.clickAndWaitForPage("#lang-switch");
    assertThat(browser.visible("#welcome").getText()).contains("Hello");
    assertThat(browser.find("#menu-staff").getText()).isEqualTo("Staff");
    browser.screenshot("shell-03-home-en");

    browser.clickAndWaitForPage("#lang-switch");
    assertThat(browser.visible("#welcome").getText()).contains("您好");
    assertThat(browser.find("#menu-staff").getText()).isEqualTo("干部职工");

    browser.clickAndWaitForPage("#menu-staff");
    browser.visible("#staff-table");
    assertThat(browser.path()).startsWith("/staff");
    long everyone = total();
    assertThat(everyone).isGreaterThanOrEqualTo(2000);
    browser.screenshot("shell-04-staff-list");

    List<String> firstPage = staffNumbers();
    String surname = names().get(0).substring(0, 1);
    browser.scrollTo("#page-next");
    browser.screenshot("shell-04b-staff-list-paging");
    browser.clickAndWaitForPage("#page-next");
    assertThat(total()).isEqualTo(everyone);
    assertThat(staffNumbers()).isNotEmpty().doesNotContainAnyElementsOf(firstPage);

    browser.find("#keyword").sendKeys(surname);
    browser.clickAndWaitForPage("#search");
    long found = total();
    assertThat(found).isPositive().isLessThan(everyone);
    assertThat(names()).isNotEmpty().allSatisfy(name -> assertThat(name).contains(surname));
    assertThat(browser.find("#keyword").getAttribute("value")).isEqualTo(surname);
    browser.screenshot("shell-05-staff-search");

    browser.find("#export-staff").click();
    Path download = browser.awaitDownload(".xlsx", Duration.ofSeconds(30));
    assertThat(download.getFileName()).hasToString("干部职工.xlsx");
    Xlsx.Table sheet;
    try (InputStream in = Files.newInputStream(download)) {
      sheet = Xlsx.read(in);
    }
    assertThat(sheet.headers()).contains("工号", "姓名");
    assertThat(sheet.rows()).hasSize((int) found)
        .allSatisfy(row -> assertThat(row.get("姓名")).contains(surname));
  }

  @Test
  void staffMemberSeesOnlyThemselfInTheStaffList() {
    browser.open("/login");
    signInAs("staff");
    browser.clickAndWaitForPage("#menu-staff");
    browser.visible("#staff-table");
    assertThat(total()).isEqualTo(1);
    assertThat(names()).hasSize(1);
    browser.screenshot("shell-06-staff-member-list");
  }

  @Test
  void staffListFitsAPhone() {
    browser.resize(390, 844);
    browser.open("/login");
    browser.screenshot("shell-07-phone-login");
    signInAs("admin");
    browser.open("/staff");
    browser.visible("#staff-table");
    WebElement toggle = browser.visible("button.navbar-toggler");
    assertThat(browser.find("#menu-staff").isDisplayed()).isFalse();
    long pageWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) browser.driver().executeScript("return window.innerWidth");
    assertThat(pageWidth).as("the page does not scroll sideways").isLessThanOrEqualTo(viewport);
    browser.screenshot("shell-08-phone-staff-list");

    toggle.click();
    browser.visible("#menu-staff");
    awaitMenuSettled();
    browser.screenshot("shell-09-phone-menu-open");

    browser.find("#sideMenu .btn-close").click();
    awaitMenuSettled();
    assertThat(browser.find("#menu-staff").isDisplayed()).isFalse();
  }

  /** Waits until the phone menu has finished sliding in or out. */
  private void awaitMenuSettled() {
    browser.await(d -> {
      String classes = browser.find("#sideMenu").getAttribute("class");
      return !classes.contains("showing") && !classes.contains("hiding");
    });
  }

  private void signInAs(String username) {
    browser.signInAs(username);
  }

  /** The number in "共 N 条" under the list (written with thousands separators: 共 2,000 条). */
  private long total() {
    String text = browser.visible("#list-total").getText();
    Matcher matcher = TOTAL.matcher(text);
    assertThat(matcher.find()).as("list total in '%s'", text).isTrue();
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }

  private List<String> staffNumbers() {
    return browser.findAll("#staff-table tbody tr td:nth-child(1)").stream().map(WebElement::getText).toList();
  }

  private List<String> names() {
    return browser.findAll("#staff-table tbody tr td:nth-child(2) a").stream().map(WebElement::getText).toList();
  }
}
