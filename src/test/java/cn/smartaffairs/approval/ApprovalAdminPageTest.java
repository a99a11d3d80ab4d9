package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.FlowDefinition.Step;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The flow configuration page is for administrators only, and a wrong form says what is wrong and saves nothing. */
@IntegrationTest
class ApprovalAdminPageTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Approvals approvals;
  @Autowired ApprovalFlows approvalFlows;
  @Autowired JdbcClient jdbc;

  private WebSession signedIn(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  private int flowsOf(String type) {
    return jdbc.sql("select count(*) from approval_flow where request_type = :type").param("type", type)
        .query(Integer.class).single();
  }

  /** The form fields with one filled step row; the test spoils what it checks. */
  private Map<String, String> form(String type) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("requestType", type);
    fields.put("regionId", String.valueOf(accounts.loadUserByUsername("staff").regionId()));
    fields.put("name", "测试流程");
    fields.put("steps[0].name", "单位负责人审批");
    fields.put("steps[0].kind", "UNIT_ROLE");
    fields.put("steps[0].role", "UNIT_HEAD");
    fields.put("steps[0].mode", "ANY");
    fields.put("steps[0].operator", ">");
    fields.put("steps[0].deadlineHours", "8");
    return fields;
  }

  @Test
  void aPersonWhoIsNotAnAdministratorIsRefused() {
    WebSession staff = signedIn("unit.head");
    assertThat(staff.get("/admin/approval-flows").status()).isEqualTo(403);
    assertThat(staff.get("/").body()).doesNotContain("menu-approval-flows");
  }

  @Test
  void aFormWithoutStepsIsRefusedInChineseAndSavesNothing() {
    String type = "test.nosteps" + System.nanoTime() % 1_000_000;
    Map<String, String> fields = form(type);
    fields.remove("steps[0].name");
    fields.remove("steps[0].deadlineHours");
    WebSession.Page page = signedIn("admin").submit("/admin/approval-flows", fields);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("请至少填写一个审批步骤");
    assertThat(flowsOf(type)).isZero();
  }

  @Test
  void aDeadlineThatIsNotANumberIsShownAtItsRowAndSavesNothing() {
    String type = "test.hours" + System.nanoTime() % 1_000_000;
    Map<String, String> fields = form(type);
    fields.put("steps[0].deadlineHours", "八小时");
    WebSession.Page page = signedIn("admin").submit("/admin/approval-flows", fields);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("步骤“单位负责人审批”的小时数须为整数");
    assertThat(page.body()).contains("value=\"八小时\"");
    assertThat(flowsOf(type)).isZero();
  }

  @Test
  void anUnknownOperatorIsRefusedWithTheConditionItWasGivenAndSavesNothing() {
    String type = "test.operator" + System.nanoTime() % 1_000_000;
    Map<String, String> fields = form(type);
    fields.put("steps[0].fact", "amount");
    fields.put("steps[0].operator", "=>");
    fields.put("steps[0].value", "5000");
    WebSession.Page page = signedIn("admin").submit("/admin/approval-flows", fields);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("审批条件不完整：amount =&gt; 5000");
    assertThat(flowsOf(type)).isZero();
  }

  @Test
  void theCountyAdminCannotDefineAFlowForTheCity() {
    String type = "test.region" + System.nanoTime() % 1_000_000;
    WebSession.Page page = signedIn("county.admin").submit("/admin/approval-flows", form(type));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("您无权执行此操作");
    assertThat(flowsOf(type)).isZero();
  }
  @Test
  void theRegionAdminAppointsADeputyWhoIsThenListed() {
    long head = accounts.loadUserByUsername("unit.head").userId();
    long liaison = accounts.loadUserByUsername("liaison").userId();
    WebSession admin = signedIn("region.admin");
    WebSession.Page answer = admin.post("/admin/approval-flows/deputies", Map.of("principalId", String.valueOf(head),
        "deputyId", String.valueOf(liaison), "from", "2031-03-02T08:30", "until", "2031-03-06T18:00",
        "_csrf", admin.get("/admin/approval-flows").csrfToken()));
    assertThat(answer.redirectPath()).isEqualTo("/admin/approval-flows");
    assertThat(jdbc.sql("""
        select count(*) from approval_deputy where principal_id = :head and deputy_id = :liaison
           and valid_from = timestamptz '2031-03-02 08:30+08'""")
        .param("head", head).param("liaison", liaison).query(Integer.class).single()).isEqualTo(1);
    assertThat(admin.get("/admin/approval-flows").body()).contains("2031-03-02 08:30").contains("2031-03-06 18:00");

    WebSession.Page refused = admin.post("/admin/approval-flows/deputies", Map.of("principalId", String.valueOf(head),
        "deputyId", String.valueOf(head), "from", "2031-04-01T08:30", "until", "2031-04-02T18:00",
        "_csrf", admin.get("/admin/approval-flows").csrfToken()));
    assertThat(refused.redirectPath()).isEqualTo("/admin/approval-flows");
    assertThat(admin.get("/admin/approval-flows").body()).contains("代理设置无效：代理人不能是本人")
        .doesNotContain("2031-04-01 08:30");
  }
  @Test
  void theListShowsTheVersionInForceWithOlderOnesCollapsedAndOnlyToAdminsOfThatRegion() {
    String type = "test.versions" + System.nanoTime() % 1_000_000;
    CurrentUser admin = accounts.loadUserByUsername("admin");
    long city = accounts.loadUserByUsername("staff").regionId();
    approvalFlows.defineFlow(new FlowDefinition(type, city, "第一版流程",
        List.of(Step.of("单位负责人审批", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8))), admin);
    long liaison = accounts.loadUserByUsername("liaison").userId();
    approvalFlows.defineFlow(new FlowDefinition(type, city, "第二版流程",
        List.of(Step.of("单位负责人审批", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8),
            Step.people("财务复核", List.of(liaison), ApprovalMode.ALL, 24)
                .when(new StepCondition("amount", ">=", "10000")))),
        admin);

    String page = signedIn("region.admin").get("/admin/approval-flows").body();
    String card = page.substring(page.indexOf("data-request-type=\"" + type + "\""));
    card = card.substring(0, card.indexOf("</details>"));
    assertThat(card).contains("第二版流程").contains("第2版").contains("指定人员：")
        .contains(accounts.displayNamesById(List.of(liaison)).get(liaison)).contains("amount &gt;= 10000")
        .contains("历史版本（1个）").contains("第一版流程");
    assertThat(signedIn("county.admin").get("/admin/approval-flows").body()).doesNotContain(type);
  }
}
