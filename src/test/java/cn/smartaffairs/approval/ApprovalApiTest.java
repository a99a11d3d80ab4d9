package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.FlowDefinition.Step;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.ApiClient.Answer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApprovalApiTest {

  @Autowired Approvals approvals;

  @Autowired ApprovalFlows approvalFlows;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /** A request type approved by the head of the applicant's unit, above 5000 also by the affairs administration. */
  private String unitHeadFlow() {
    long yx = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    String type = "test.api" + UUID.randomUUID().toString().substring(0, 8);
    approvalFlows.defineFlow(new FlowDefinition(type, yx, "用车审批", List.of(
        Step.of("单位负责人审核", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8),
        Step.of("机关事务管理局审批", ApproverKind.REGION_ROLE, Role.REGION_ADMIN, ApprovalMode.ANY, 16)
            .when(new StepCondition("amount", ">", "5000")))),
        accounts.loadUserByUsername("admin"));
    return type;
  }

  private static long openTaskOf(ApiClient api, String token, long requestId) {
    Answer tasks = api.get("/api/v1/approvals/tasks", token);
    assertThat(tasks.status()).isEqualTo(200);
    for (var task : tasks.body()) {
      if (task.get("requestId").asLong() == requestId) {
        return task.get("taskId").asLong();
      }
    }
    throw new AssertionError("no open task for request " + requestId);
  }

  @Test
  void anApplicantSubmitsAndTheUnitHeadApprovesThroughTheApi() {
    var api = new ApiClient(port);
    String staff = api.tokenFor("staff");
    String head = api.tokenFor("unit.head");

    Answer submitted = api.post("/api/v1/approvals", staff,
        Map.of("requestType", unitHeadFlow(), "subject", "赴省城开会用车", "facts", Map.of("amount", 800)));
    assertThat(submitted.status()).isEqualTo(201);
    long id = submitted.body().get("id").asLong();
    assertThat(submitted.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(submitted.body().get("tasks").get(0).get("stepName").asText()).isEqualTo("单位负责人审核");

    Answer approved = api.post("/api/v1/approvals/tasks/" + openTaskOf(api, head, id) + "/approve", head,
        Map.of("comment", "同意"));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");

    Answer seen = api.get("/api/v1/approvals/" + id, staff);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.body().get("tasks").get(0).get("comment").asText()).isEqualTo("同意");

    Answer late = api.post("/api/v1/approvals/" + id + "/withdraw", staff, Map.of());
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.body().get("detail").asText()).isEqualTo("该申请不在审批中");
  }

  @Test
  void aRejectedRequestIsResubmittedThroughTheApiAndErrorsAreChineseProblems() {
    var api = new ApiClient(port);
    String staff = api.tokenFor("staff");
    String head = api.tokenFor("unit.head");
    long id = api.post("/api/v1/approvals", staff,
        Map.of("requestType", unitHeadFlow(), "subject", "购置打印机", "facts", Map.of("amount", 9000))).body()
        .get("id").asLong();
    long task = openTaskOf(api, head, id);

    Answer stranger = api.post("/api/v1/approvals/tasks/" + task + "/approve", api.tokenFor("liaison"), Map.of());
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.body().get("detail").asText()).contains("不是您的审批任务");
    Answer noReason = api.post("/api/v1/approvals/tasks/" + task + "/reject", head, Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().get("detail").asText()).isEqualTo("驳回时请填写理由");

    Answer rejected = api.post("/api/v1/approvals/tasks/" + task + "/reject", head, Map.of("comment", "请核减金额"));
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.body().get("rejectionReason").asText()).isEqualTo("请核减金额");

    Answer resubmitted = api.post("/api/v1/approvals/" + id + "/resubmit", staff,
        Map.of("facts", Map.of("amount", 4000)));
    assertThat(resubmitted.status()).isEqualTo(200);
    assertThat(resubmitted.body().get("status").asText()).isEqualTo("PENDING");
    assertThat(resubmitted.body().get("round").asInt()).isEqualTo(2);
    assertThat(resubmitted.body().get("rejectionReason").asText()).isEqualTo("请核减金额");

    assertThat(api.get("/api/v1/approvals/" + id, api.tokenFor("county.admin")).status()).isEqualTo(404);
    Answer unknown = api.post("/api/v1/approvals", staff, Map.of("requestType", "test.nosuchflow", "subject", "无流程"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("detail").asText()).contains("尚未配置");
  }

  @Test
  void anAdministratorConfiguresAFlowAndADeputyThroughTheApi() {
    var api = new ApiClient(port);
    String type = "test.cfg" + UUID.randomUUID().toString().substring(0, 8);
    long yx = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    long liaison = accounts.loadUserByUsername("liaison").userId();
    long head = accounts.loadUserByUsername("unit.head").userId();
    Map<String, Object> flow = Map.of("requestType", type, "regionId", yx, "name", "会议室借用", "steps", List.of(
        Map.of("name", "联络员或负责人", "kind", "USERS", "userIds", List.of(liaison, head), "mode", "ANY",
            "deadlineHours", 8, "remindBeforeHours", 2),
        Map.of("name", "十人以上报机关事务局", "kind", "REGION_ROLE", "role", "REGION_ADMIN", "mode", "ALL",
            "condition", Map.of("fact", "headCount", "operator", ">=", "value", "10"), "deadlineHours", 16)));

    assertThat(api.post("/api/v1/approvals/flows", api.tokenFor("unit.head"), flow).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/approvals/flows", api.tokenFor("region.admin"), flow).status()).isEqualTo(201);

    String headToken = api.tokenFor("unit.head");
    var now = java.time.Instant.now();
    Answer appointed = api.post("/api/v1/approvals/deputies", headToken,
        Map.of("principalId", head, "deputyId", liaison,
            "from", now.minusSeconds(60).toString(), "until", now.plusSeconds(3600).toString()));
    assertThat(appointed.status()).isEqualTo(201);
    Answer stranger = api.post("/api/v1/approvals/deputies", api.tokenFor("staff"), Map.of("principalId", head,
        "deputyId", accounts.loadUserByUsername("staff").userId(), "from", now.toString(),
        "until", now.plusSeconds(3600).toString()));
    assertThat(stranger.status()).as("only the principal or an admin appoints a deputy").isEqualTo(403);

    Answer submitted = api.post("/api/v1/approvals", api.tokenFor("staff"),
        Map.of("requestType", type, "subject", "借用大会议室", "facts", Map.of("headCount", 12)));
    assertThat(submitted.status()).isEqualTo(201);
    assertThat(submitted.body().get("tasks")).hasSize(2);
  }
}
