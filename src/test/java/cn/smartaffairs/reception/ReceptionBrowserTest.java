package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Done means (issue 16): in Chromium, the 机关事务管理局 designates a hotel; the 财政局's liaison registers the 公函 (a
 * fourth accompanying diner for three guests refused by name), plans a room and submits the 接待审批单; the unit head
 * and the bureau approve it seeing guests and cost; the liaison records the 消费清单 (a banned item refused), generates
 * the 接待清单 (PDF) and closes the reception; the statistics show it and export it.
 */
@IntegrationTest
class ReceptionBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Receptions receptions;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  void signInAs(String username) {
    browser.driver().manage().deleteAllCookies();
    browser.signInAs(username);
  }

  void type(String selector, String text) {
    var field = browser.find(selector);
    field.clear();
    field.sendKeys(text);
  }

  void setDate(String selector, LocalDate day) {
    browser.driver().executeScript("arguments[0].value = arguments[1];", browser.find(selector), day.toString());
  }

  /** Opens a menu entry as a person would; its group unfolds and the entry scrolls into view (the menu is long). */
  void openMenu(String entry) {
    browser.clickAndWaitForPage(entry);
  }

  @Test
  void fromTheLetterThroughApprovalAndTheBillToClosing() throws Exception {
    String hotel = ReceptionFixtures.fresh("云溪迎宾馆");
    String letterNo = ReceptionFixtures.fresh("省财函〔2026〕");
    LocalDate arrival = receptions.today().plusDays(10);

    signInAs("region.admin");
    openMenu("#menu-reception-rules");
    assertThat(browser.find("#rule-values").getText()).contains("每次接待工作餐次数", "全国默认");
    type("#hotel-name", hotel);
    type("#hotel-address", "云溪市迎宾路1号");
    browser.clickAndWaitForPage("#hotel-form button[type=submit]");
    assertThat(browser.find("#hotels").getText()).contains(hotel);

    signInAs("liaison");
    openMenu("#menu-receptions");
    browser.clickAndWaitForPage("#new-reception");
    type("#letterNo", letterNo);
    type("#guestUnit", "省财政厅");
    type("#purpose", "调研预算绩效管理工作");
    setDate("#arrival", arrival);
    setDate("#departure", arrival.plusDays(1));
    type("#guestLines", "王明，省财政厅，处长，县处级正职\n李华，省财政厅，副处长\n赵强，省财政厅，科员");
    setDate("#mealDate", arrival);
    type("#accompanying", "4");
    type("#mealPrice", "80");
    browser.clickAndWaitForPage("#register-reception");
    assertThat(browser.find("#form-errors").getText()).contains("陪餐不得超过 3 人");
    browser.screenshot("reception-01-refused");
    assertThat(browser.find("#letterNo").getAttribute("value")).isEqualTo(letterNo);
    type("#accompanying", "3");
    browser.clickAndWaitForPage("#register-reception");
    assertThat(browser.find("h1").getText()).contains("省财政厅", letterNo);
    assertThat(browser.find("#reception-status").getText()).isEqualTo("已登记公函");
    assertThat(browser.find("#guests").getText()).contains("王明", "副处长", "县处级正职");
    browser.find("#meal-form").findElement(org.openqa.selenium.By.xpath("..")).findElement(
        org.openqa.selenium.By.tagName("summary")).click();
    type("#meal-accompanying", "2");
    browser.clickAndWaitForPage("#save-meal");
    assertThat(browser.find("#meals").getText()).contains("午餐", "80.00");

    new Select(browser.find("#guestId")).selectByVisibleText("王明");
    new Select(browser.find("#hotelId")).selectByVisibleText(hotel);
    type("#pricePerNight", "300");
    browser.clickAndWaitForPage("#add-stay");
    assertThat(browser.find("#stays").getText()).contains("王明", hotel, "标准间");
    assertThat(browser.find("#estimated-cost").getText()).isEqualTo("¥700.00");
    browser.clickAndWaitForPage("#submit-reception");
    assertThat(browser.find("#reception-status").getText()).isEqualTo("审批中");
    long receptionId = Long.parseLong(browser.path().replaceAll("\\D", ""));
    long approvalId = jdbc.sql("select approval_request_id from reception where id = :id").param("id", receptionId)
        .query(Long.class).single();

    for (String approver : new String[] {"unit.head", "region.admin"}) {
      signInAs(approver);
      browser.open("/approvals/" + approvalId);
      assertThat(browser.find("#approval-type").getText()).isEqualTo("公务接待审批");
      assertThat(browser.find("#approval-summary").getText()).contains("王明（省财政厅 处长）", "调研预算绩效管理工作",
          "陪餐 2 人", "¥700.00", "柒佰元整");
      browser.clickAndWaitForPage("#approve");
    }
    browser.screenshot("reception-02-approved");
    await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(jdbc.sql(
        "select status from reception where id = :id").param("id", receptionId).query(String.class).single()));

    signInAs("liaison");
    browser.open("/receptions/" + receptionId);
    assertThat(browser.find("#reception-status").getText()).isEqualTo("已批准");
    setDate("#spentOn", arrival);
    type("#item", "五粮液 1瓶");
    type("#amount", "980");
    browser.clickAndWaitForPage("#add-consumption");
    assertThat(browser.visible("#flash-error").getText()).contains("不得含有“五粮液”");
    setDate("#spentOn", arrival);
    type("#item", "工作餐（5人）");
    type("#amount", "400");
    browser.clickAndWaitForPage("#add-consumption");
    new Select(browser.find("#category")).selectByVisibleText("住宿费");
    setDate("#spentOn", arrival);
    type("#item", hotel + " 标准间 1晚");
    type("#amount", "300");
    type("#invoiceNo", "No.00012345");
    browser.clickAndWaitForPage("#add-consumption");
    assertThat(browser.find("#consumption-total").getText()).isEqualTo("700.00");

    type("#place", "市财政局三楼会议室");
    type("#signedBy", "财政局负责人");
    browser.clickAndWaitForPage("#generate-list");
    assertThat(browser.find("#list-generated").getText()).contains("接待 3 人", "¥700.00");
    String pdfPath = URI.create(browser.find("#list-pdf").getAttribute("href")).getPath();
    String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + pdfPath)).header("Cookie", "JSESSIONID=" + session).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

    browser.clickAndWaitForPage("#close-reception");
    assertThat(browser.find("#reception-status").getText()).isEqualTo("已办结");
    assertThat(browser.find("#four-documents").getText()).doesNotContain("✗");
    browser.screenshot("reception-03-closed");

    openMenu("#menu-reception-statistics");
    new Select(browser.find("#stats-month")).selectByValue(String.valueOf(arrival.getMonthValue()));
    type("#stats-year", String.valueOf(arrival.getYear()));
    browser.clickAndWaitForPage("#stats-period button[type=submit]");
    assertThat(browser.find("#reception-statistics").getText()).contains("市财政局");
    browser.find("#stats-export").click();
    assertThat(browser.awaitDownload(".xlsx", Duration.ofSeconds(20))).exists();
  }
}
