package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The unit head opens a trip's approval, sees where the car goes and for whom, and approves it. */
@IntegrationTest
class TripApprovalBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  Browser browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theUnitHeadSeesTheRouteTimeAndPassengersBeforeApproving() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    LocalDate day = VehicleFixtures.weekday(12, 3);
    LocalDateTime start = day.atTime(14, 0);
    long requestId = fixtures.submit("陪同督查组调研", 3, "OTHER", start, start.plusHours(3), List.of("市人民医院"));
    long approvalId = api.get("/api/v1/vehicle-requests/" + requestId, api.tokenFor("staff")).body()
        .get("approvalRequestId").asLong();

    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("unit.head");
    browser.open("/approvals/" + approvalId);
    assertThat(browser.visible("#approval-type").getText()).isEqualTo("用车申请");
    String summary = browser.find("#approval-summary").getText();
    assertThat(summary).contains("行程", "市行政中心 → 市人民医院（返回市行政中心）",
        day.getMonthValue() + "月" + day.getDayOfMonth() + "日 14:00–17:00", "乘车人数", "3 人",
        "陪同督查组调研", "其他按规定配备").doesNotContain("vehicleRequestId", "plannedKm", "vehicle.trip");
    browser.screenshot("approval-03-trip-summary");

    browser.find("textarea[name=comment]").sendKeys("同意");
    browser.clickAndWaitForPage("#approve");
    assertThat(browser.find("#approval-summary").getText()).contains("市人民医院");
    assertThat(browser.findAll(".approval-route tbody tr"))
        .as("the head's decision and the manager's task (other tests may add steps to the shared flow)")
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
