package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A refused 接待审批单 sends the reception back to its plan; a withdrawn one too; either may go again. */
@IntegrationTest
class ReceptionApprovalOutcomeTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  ReceptionFixtures fixtures;
  static final LocalDate ARRIVAL = LocalDate.of(2026, 12, 28);

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new ReceptionFixtures(api, jdbc);
  }

  long submit(long id) {
    var answer = api.post("/api/v1/receptions/" + id + "/submission", api.tokenFor("liaison"), Map.of());
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    return answer.body().get("approvalRequestId").asLong();
  }

  long task(String approver, long approvalId) {
    for (JsonNode task : api.get("/api/v1/approvals/tasks", api.tokenFor(approver)).body()) {
      if (task.get("requestId").asLong() == approvalId) {
        return task.get("taskId").asLong();
      }
    }
    throw new AssertionError("no task of " + approver);
  }

  @Test
  void aRefusedReceptionIsPlannedAgainAndResubmitted() {
    long id = fixtures.registered(4, ARRIVAL);
    long first = submit(id);
    String head = api.tokenFor("unit.head");
    assertThat(api.post("/api/v1/approvals/tasks/" + task("unit.head", first) + "/reject", head,
        Map.of("comment", "陪餐人数从简")).status()).isEqualTo(200);
    fixtures.awaitStatus(id, "REJECTED");
    var replanned = api.put("/api/v1/receptions/" + id + "/meals", api.tokenFor("liaison"), List.of(Map.of("date",
        ARRIVAL.toString(), "kind", "LUNCH", "accompanying", 1, "pricePerPersonFen", 6000)));
    assertThat(replanned.status()).isEqualTo(200);
    assertThat(replanned.body().get("estimatedCostFen").asLong()).isEqualTo(5 * 6000);
    long second = submit(id);
    assertThat(second).isNotEqualTo(first);
    fixtures.approve(id);
  }

  @Test
  void aWithdrawnApprovalFormLeavesTheLetterRegistered() {
    long id = fixtures.registered(2, ARRIVAL);
    long approvalId = submit(id);
    assertThat(api.post("/api/v1/approvals/" + approvalId + "/withdraw", api.tokenFor("liaison"), Map.of()).status())
        .isEqualTo(200);
    fixtures.awaitStatus(id, "REGISTERED");
    assertThat(api.post("/api/v1/receptions/" + id + "/cancellation", api.tokenFor("liaison"), Map.of()).body()
        .get("status").asText()).isEqualTo("CANCELLED");
  }
}
