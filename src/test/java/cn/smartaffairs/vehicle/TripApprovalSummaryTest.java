package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The unit head who approves a trip reads where the car goes, when, for how many and why, in Chinese and English, on
 * the API and the page; and a trip on Saturday morning asked for on Friday afternoon is decided before it leaves, not
 * on Monday.
 */
@IntegrationTest
class TripApprovalSummaryTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void theApproverReadsTheTripInWordsAndItsDeadlineFallsBeforeTheDeparture() {
    LocalDate friday = VehicleFixtures.weekday(11, 5);
    LocalDateTime departure = friday.plusDays(1).atTime(10, 0);
    clock.stopAt(friday.atTime(16, 0).atZone(VehicleFixtures.SHANGHAI).toInstant());
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    long requestId = fixtures.submit("赴市人民医院慰问", 2, "OTHER", departure, departure.plusHours(2),
        List.of("市人民医院"));
    long approvalId = api.get("/api/v1/vehicle-requests/" + requestId, api.tokenFor("staff")).body()
        .get("approvalRequestId").asLong();
    String head = api.tokenFor("unit.head");
    String day = departure.getMonthValue() + "月" + departure.getDayOfMonth() + "日";

    JsonNode chinese = api.get("/api/v1/approvals/" + approvalId, head).body();
    assertThat(chinese.get("requestTypeName").asText()).isEqualTo("用车申请");
    assertThat(lines(chinese.get("summary"))).contains("行程：市行政中心 → 市人民医院（返回市行政中心）",
        "用车时间：" + day + " 10:00–12:00", "乘车人数：2 人", "用车事由：赴市人民医院慰问", "车辆类别：其他按规定配备");
    assertThat(chinese.get("status").asText()).as("the route is still there").isEqualTo("PENDING");

    JsonNode english = api.getIn("/api/v1/approvals/" + approvalId, head, "en").body();
    assertThat(english.get("requestTypeName").asText()).isEqualTo("Vehicle request");
    assertThat(lines(english.get("summary"))).contains("Route：市行政中心 → 市人民医院 (back to 市行政中心)",
        "Passengers：2", "Vehicle category：Other", "Purpose：赴市人民医院慰问");

    JsonNode task = null;
    for (JsonNode open : api.getIn("/api/v1/approvals/tasks", head, "en").body()) {
      if (open.get("requestId").asLong() == approvalId) {
        task = open;
      }
    }
    assertThat(task).as("the head's open task").isNotNull();
    assertThat(task.get("requestTypeName").asText()).isEqualTo("Vehicle request");
    assertThat(lines(task.get("summary"))).anyMatch(line -> line.startsWith("Route："));

    Instant leaves = departure.atZone(VehicleFixtures.SHANGHAI).toInstant();
    List<Instant> due = jdbc.sql("select due_at from approval_task where request_id = :id and status = 'OPEN'")
        .param("id", approvalId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    assertThat(due).isNotEmpty().allSatisfy(moment -> assertThat(moment)
        .as("due two hours before the car leaves, not after the weekend")
        .isEqualTo(leaves.minus(Duration.ofHours(2))));

    WebSession page = new WebSession(port).signedInAs("unit.head", ApiClient.DEMO_PASSWORD);
    String zh = page.get("/approvals/" + approvalId).body();
    assertThat(zh).contains("用车申请", "市行政中心 → 市人民医院（返回市行政中心）", day + " 10:00–12:00", "2 人",
        "其他按规定配备").doesNotContain("vehicle.trip", "vehicleRequestId", "plannedKm");
    String en = page.get("/approvals/" + approvalId + "?lang=en").body();
    assertThat(en).contains("Vehicle request", "Route", "(back to 市行政中心)", "Passengers")
        .doesNotContain("vehicle.trip", "vehicleRequestId", "用车时间");
    page.get("/?lang=zh");
  }

  /** The summary's lines as "label：value". */
  private static List<String> lines(JsonNode summary) {
    List<String> lines = new ArrayList<>();
    summary.get("lines").forEach(line -> lines.add(line.get("label").asText() + "：" + line.get("value").asText()));
    return lines;
  }
}
