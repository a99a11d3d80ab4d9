package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The statistics page draws its ECharts chart in a real browser, under the content security policy. */
@IntegrationTest
class WorkOrderReportBrowserTest {

  @LocalServerPort int port;
  @Autowired WorkOrders workOrders;
  @Autowired Accounts accounts;
  Browser browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theManagerSeesTheChartOfTodaysOrders() {
    workOrders.create(new NewWorkOrder("REPAIR_AIRCON", "NORMAL", null, "空调不制冷", "市行政中心1号楼", "6", "601", null,
        "来电人"), accounts.loadUserByUsername("repair.manager"));
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("repair.manager");

    browser.open("/work-orders/reports");
    browser.visible("#report-chart[data-chart-ready=true] canvas");
    assertThat(browser.find("#report-table").getText()).contains("空调维修");
    browser.screenshot("workorder-report");
  }
}
