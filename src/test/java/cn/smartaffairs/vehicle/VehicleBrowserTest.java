package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.support.TestClock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people do in the browser: staff ask for a car, unit head and vehicle manager approve, the dispatcher plans the
 * day with the optimiser and confirms, the driver starts and ends the trip on a phone, the requester confirms, and the
 * trip's costs appear in 单车核算 with an .xlsx export.
 */
@IntegrationTest
class VehicleBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aRequestGoesFromTheFormThroughApprovalAndPlanningToTheTripAndTheReport() throws Exception {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    var nightDriver = fixtures.driver(api.tokenFor("vehicle.manager"), LocalTime.of(19, 0), LocalTime.of(23, 30));
    LocalDate day = VehicleFixtures.weekday(10, 2);
    String purpose = "夜间接站-" + nightDriver.username().substring(7);

    try (Browser staff = Browser.start(base())) {
      staff.signInAs("staff");
      staff.clickAndWaitForPage("#menu-vehicle-request");
      staff.visible("#purpose").sendKeys(purpose);
      staff.find("#passengers").clear();
      staff.find("#passengers").sendKeys("2");
      select(staff.find("#stop-1"), "云溪高铁站");
      setValue(staff, "#date", day.toString());
      setValue(staff, "#from", "19:30");
      setValue(staff, "#to", "21:00");
      staff.screenshot("vehicle-01-request-form");
      staff.clickAndWaitForPage("#request-submit");
      assertThat(staff.visible("#my-requests").getText()).contains(purpose, "审批中");
    }
    long requestId = jdbc.sql("select id from vehicle_request where purpose = :p").param("p", purpose)
        .query(Long.class).single();
    long approvalId = jdbc.sql("select approval_request_id from vehicle_request where id = :id").param("id", requestId)
        .query(Long.class).single();
    for (String approver : new String[] {"unit.head", "vehicle.manager"}) {
      try (Browser browser = Browser.start(base())) {
        browser.signInAs(approver);
        browser.open("/approvals/" + approvalId);
        browser.clickAndWaitForPage("#approve");
      }
    }

    String plate;
    String driverAccount;
    try (Browser manager = Browser.start(base())) {
      manager.signInAs("vehicle.manager");
      manager.open("/vehicles/board?date=" + day);
      assertThat(manager.visible("#board-" + requestId).getText()).contains(purpose, "待派车");
      manager.clickAndWaitForPage("#plan-day");
      assertThat(manager.visible("#plan-" + requestId).getText()).contains("测试驾驶员");
      // the score is said in words, not as the solver's "0hard/0medium/-1071soft"
      assertThat(manager.visible("#plan-totals").getText()).containsPattern("(全部约束满足|违反 \\d+ 项约束) · 未安排 \\d+ 趟")
          .doesNotContain("hard");
      manager.screenshot("vehicle-02-plan");
      manager.clickAndWaitForPage("#confirm-plan");
      WebElement row = manager.visible("#board-" + requestId);
      assertThat(row.getText()).contains("已派车", "测试驾驶员");
      assertThat(row.findElement(By.cssSelector("a.sheet-link")).getAttribute("href")).endsWith("/sheet.pdf");
      plate = jdbc.sql("""
          select v.plate from vehicle_dispatch d join vehicle v on v.id = d.vehicle_id
           where d.request_id = :id and d.status = 'ACTIVE'""").param("id", requestId).query(String.class).single();
      // another test's evening driver may have got the trip: sign in as whoever the plan chose
      driverAccount = jdbc.sql("""
          select a.username from vehicle_dispatch d join vehicle_driver dr on dr.id = d.driver_id
            join user_account a on a.id = dr.user_id where d.request_id = :id and d.status = 'ACTIVE'""")
          .param("id", requestId).query(String.class).single();
      manager.screenshot("vehicle-03-board");
    }

    try (Browser driver = Browser.start(base())) {
      driver.resize(390, 844);
      driver.signInAs(driverAccount);
      clock.stopAt(day.atTime(19, 25).atZone(VehicleFixtures.SHANGHAI).toInstant());
      driver.open("/vehicles/my-trips");
      int odometer = jdbc.sql("select odometer_km from vehicle where plate = :p").param("p", plate)
          .query(Integer.class).single();
      driver.visible(".start-trip input[name=odometerKm]").sendKeys(String.valueOf(odometer));
      driver.clickAndWaitForPage(".start-trip button");
      clock.stopAt(day.atTime(20, 55).atZone(VehicleFixtures.SHANGHAI).toInstant());
      driver.visible(".end-trip input[name=odometerKm]").sendKeys(String.valueOf(odometer + 8));
      driver.find(".end-trip input[name=tollsYuan]").sendKeys("10");
      driver.find(".end-trip input[name=parkingYuan]").sendKeys("5");
      driver.find(".end-trip input[name=energyCostYuan]").sendKeys("20");
      driver.find(".end-trip input[name=fuelLitres]").sendKeys("2.5");
      driver.screenshot("vehicle-04-phone-end-trip");
      driver.clickAndWaitForPage(".end-trip button");
      assertThat(driver.visible(".trip-done").getText()).contains("行驶 8 公里");
    }

    try (Browser staff = Browser.start(base())) {
      staff.signInAs("staff");
      staff.open("/vehicle-requests");
      staff.clickAndWaitForPage("#request-" + requestId + " .confirm-trip");
      assertThat(staff.visible("#request-" + requestId).getText()).contains("已完成", "已确认", plate);
    }

    try (Browser manager = Browser.start(base())) {
      manager.signInAs("vehicle.manager");
      manager.open("/vehicles/costs?from=" + day + "&to=" + day);
      String report = manager.visible("#cost-report").getText();
      assertThat(report).contains(plate, "35.00", "车队平均");
      String chartReady = manager.await(d -> d.findElement(By.id("cost-chart")).getAttribute("data-chart-ready"));
      assertThat(chartReady).isEqualTo("true");
      manager.screenshot("vehicle-05-cost-report");
      manager.find("#export-costs").click();
      var file = manager.awaitDownload(".xlsx", Duration.ofSeconds(20));
      assertThat(Files.size(file)).isPositive();
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void select(WebElement select, String text) {
    select.findElements(By.tagName("option")).stream().filter(o -> o.getText().equals(text)).findFirst().orElseThrow()
        .click();
  }

  private static void setValue(Browser browser, String selector, String value) {
    browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(selector), value);
  }
}
