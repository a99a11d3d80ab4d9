package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A request whose approval the requester takes back leaves the queue; resubmitted and approved, it comes back. */
@IntegrationTest
class VehicleRequestWithdrawalTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Approvals approvals;

  @Test
  void aWithdrawnApprovalWithdrawsTheRequestAndAResubmissionCanStillBeApproved() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    String staff = api.tokenFor("staff");
    LocalDate day = VehicleFixtures.weekday(7, 2);
    long requestId = fixtures.submit("改期的调研", 2, "OTHER", day.atTime(9, 0), day.atTime(11, 0),
        List.of("市人民医院"));
    long approvalId = api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("approvalRequestId").asLong();
    CurrentUser requester = (CurrentUser) accounts.loadUserByUsername("staff");

    approvals.withdraw(approvalId, requester);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("status").asText()).isEqualTo("WITHDRAWN"));

    approvals.resubmit(approvalId, null, requester);
    fixtures.approve(requestId);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("status").asText()).isEqualTo("APPROVED"));
  }
}
