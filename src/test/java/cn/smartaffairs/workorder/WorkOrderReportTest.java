package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class WorkOrderReportTest {

  @Autowired WorkOrders workOrders;
  @Autowired WorkOrderReport report;
  @Autowired Accounts accounts;
  @LocalServerPort int port;

  private CurrentUser user(String username) {
    return accounts.loadUserByUsername(username);
  }

  /** Visit problems (三服务) are used by this test only, so their line is exactly what it creates. */
  private void closedOnTime(String satisfaction) {
    CurrentUser manager = user("repair.manager");
    WorkOrder order = workOrders.create(new NewWorkOrder("VISIT_PROBLEM", "NORMAL", "VISIT", "走访中反映食堂排队时间长",
        null, null, null, null, "走访对象"), manager);
    workOrders.move(order.id(), new Transition("dispatch", user("worker").userId(), null, null, null, null), manager);
    workOrders.move(order.id(), Transition.of("accept"), user("worker"));
    workOrders.move(order.id(), Transition.of("resolve"), user("worker"));
    workOrders.move(order.id(), Transition.of("confirm"), manager);
    workOrders.move(order.id(), new Transition("visit", null, Satisfaction.valueOf(satisfaction), false, null, null),
        manager);
    workOrders.move(order.id(), Transition.of("close"), manager);
  }

  private WorkOrderReport.Line visitProblems(LocalDate day) {
    return report.lines(day, day, WorkOrderReport.GroupBy.CATEGORY, user("repair.manager")).stream()
        .filter(l -> l.group().equals("三服务问题")).findFirst()
        .orElse(new WorkOrderReport.Line("三服务问题", 0, 0, null, null, null, null, 0.0, null));
  }

  @Test
  void theReportCountsOrdersOnTimeRatesAndSatisfactionPerCategory() {
    LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
    var before = visitProblems(today);
    closedOnTime("SATISFIED");
    closedOnTime("NEUTRAL");

    var line = visitProblems(today);

    assertThat(line.orders()).isEqualTo(before.orders() + 2);
    assertThat(line.closed()).isEqualTo(before.closed() + 2);
    assertThat(line.respondOnTime()).isEqualTo(1.0);
    assertThat(line.resolveOnTime()).isEqualTo(1.0);
    long satisfiedBefore = Math.round(before.satisfactionRate() * before.orders());
    assertThat(line.satisfactionRate()).as("满意 counts, 一般 does not")
        .isCloseTo((satisfiedBefore + 1.0) / (before.orders() + 2), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(line.reopenRate()).isZero();
    assertThat(report.lines(today, today, WorkOrderReport.GroupBy.CATEGORY, user("county.admin")))
        .as("another region's admin sees none of it").noneMatch(l -> l.group().equals("三服务问题"));
  }

  @Test
  void thePageDrawsAChartAndTheExportCarriesTheSameRows() throws Exception {
    closedOnTime("SATISFIED");
    var session = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    var page = session.get("/work-orders/reports");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-chart=").contains("三服务问题").contains("echarts.min.js");

    LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
    var http = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/work-orders/reports/export.xlsx?from=" + today + "&to=" + today))
        .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID")).GET().build();
    var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    var table = Xlsx.read(response.body());
    assertThat(table.headers()).contains("类别", "办结及时率", "满意率");
    assertThat(table.rows()).anyMatch(row -> row.get("类别").equals("三服务问题"));

    assertThat(new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get("/work-orders/reports").status())
        .isEqualTo(403);
  }
}
