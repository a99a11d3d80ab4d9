package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 通行证 through the approval engine: the unit head, then the security manager approve and the pass becomes valid (its
 * QR token shown); a refusal leaves it refused; security revokes a valid pass with a reason; each step audited.
 */
@IntegrationTest
class PassApprovalTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Approvals approvals;
  @Autowired Accounts accounts;
  @Autowired Passes passes;
  ApiClient api;
  String staff;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    staff = api.tokenFor("staff");
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  static String freshPlate() {
    return "京Q" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
  }

  private JsonNode apply(String plate) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "VEHICLE");
    body.put("plate", plate);
    body.put("validFrom", today.toString());
    body.put("validTo", today.plusMonths(6).toString());
    body.put("reason", "每日驾车上班");
    var created = api.post("/api/v1/passes", staff, body);
    assertThat(created.status()).isEqualTo(201);
    return created.body();
  }

  private Map.Entry<Long, CurrentUser> openTask(long approvalRequest) {
    var row = jdbc.sql("""
        select id, assignee_id from approval_task where request_id = :r and status = 'OPEN' order by id limit 1""")
        .param("r", approvalRequest).query().singleRow();
    return Map.entry(((Number) row.get("id")).longValue(),
        accounts.findById(((Number) row.get("assignee_id")).longValue()).orElseThrow());
  }

  private String status(long id) {
    return api.get("/api/v1/passes/" + id, staff).body().get("status").asText();
  }

  @Test
  void aVehiclePassApprovedByTheUnitHeadAndTheSecurityManagerBecomesValid() {
    String plate = freshPlate();
    JsonNode pass = apply(plate.substring(0, 2) + " " + plate.substring(2));
    long id = pass.get("id").asLong();
    assertThat(pass.get("status").asText()).isEqualTo("PENDING");
    assertThat(pass.get("plate").asText()).isEqualTo(plate);
    assertThat(pass.get("qrToken").isNull()).isTrue();
    long request = pass.get("approvalRequestId").asLong();

    var first = openTask(request);
    assertThat(first.getValue().username()).isEqualTo("unit.head");
    approvals.approve(first.getKey(), first.getValue(), "同意");
    var second = openTask(request);
    assertThat(second.getValue().username()).isEqualTo("security.manager");
    approvals.approve(second.getKey(), second.getValue(), null);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(id)).isEqualTo("ACTIVE"));
    assertThat(api.get("/api/v1/passes/" + id, staff).body().get("qrToken").asText()).hasSizeGreaterThan(20);
    assertThat(passes.validForPlate(first.getValue().regionId(), plate, today)).isPresent();
    assertThat(passes.validForPlate(first.getValue().regionId(), plate, today.plusMonths(7))).isEmpty();

    String manager = api.tokenFor("security.manager");
    assertThat(api.post("/api/v1/passes/" + id + "/revoke", manager, Map.of("reason", " ")).status()).isEqualTo(400);
    assertThat(api.post("/api/v1/passes/" + id + "/revoke", staff, Map.of("reason", "自己吊销")).status())
        .isEqualTo(403);
    var revoked = api.post("/api/v1/passes/" + id + "/revoke", manager, Map.of("reason", "车辆已转让"));
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("status").asText()).isEqualTo("REVOKED");
    assertThat(passes.validForPlate(first.getValue().regionId(), plate, today)).isEmpty();
    assertThat(jdbc.sql("""
        select string_agg(action, ',' order by id) from audit_event
         where entity_type = 'access_pass' and entity_id = :id""").param("id", String.valueOf(id))
        .query(String.class).single()).isEqualTo("CREATE,UPDATE,REVOKE");
  }

  @Test
  void aRefusedPassStaysRefusedAndAWrongPlateIsRefusedAtOnce() {
    JsonNode pass = apply(freshPlate());
    var first = openTask(pass.get("approvalRequestId").asLong());
    approvals.reject(first.getKey(), first.getValue(), "不符合条件");
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(status(pass.get("id").asLong())).isEqualTo("REJECTED"));

    Map<String, Object> body = new HashMap<>();
    body.put("kind", "VEHICLE");
    body.put("plate", "ABC123");
    body.put("validFrom", today.toString());
    body.put("validTo", today.plusDays(1).toString());
    body.put("reason", "来访");
    var refused = api.post("/api/v1/passes", staff, body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("车牌号");
  }
}
