package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import cn.smartaffairs.space.rental.Rentals;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages and API of rentals, inspections and repair projects over the demo data, as their users reach them. */
@IntegrationTest
class EstateAndRentalPagesTest {

  @LocalServerPort int port;
  @Autowired Inspections inspections;
  @Autowired RepairProjects projects;
  @Autowired Rentals rentals;
  @Autowired Accounts accounts;

  private WebSession as(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  @Test
  void theSpaceManagerSeesTheDemoLettingsCampaignAndRepairProject() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    WebSession session = as("space.manager");

    var rentalsPage = session.get("/space/rentals");
    assertThat(rentalsPage.status()).isEqualTo(200);
    assertThat(rentalsPage.body()).contains("附楼临街商铺101").contains("云溪便民超市有限公司").contains("data-instalment-id");
    var lease = rentals.leases(manager).stream().filter(l -> l.lettableName().equals("附楼临街商铺101")).findFirst()
        .orElseThrow();
    assertThat(session.get("/space/rentals/leases/" + lease.id()).body()).contains(lease.contractNo()).contains("部分缴纳");
    var roll = session.get("/space/rentals/roll");
    assertThat(roll.status()).isEqualTo(200);
    assertThat(roll.body()).contains(lease.contractNo()).contains("income-chart");
    var workbook = session.get("/space/rentals/roll.xlsx");
    assertThat(workbook.status()).isEqualTo(200);
    assertThat(workbook.header("Content-Type")).startsWith("application/vnd.openxmlformats");

    var campaign = inspections.campaigns(manager).stream().filter(c -> c.title().endsWith("年度办公用房清理整改"))
        .findFirst().orElseThrow();
    assertThat(session.get("/space/inspections").body()).contains(campaign.title());
    var campaignPage = session.get("/space/inspections/" + campaign.id());
    assertThat(campaignPage.body()).contains("楼梯间应急照明灯损坏").contains("checklist-form");
    var finding = inspections.findings(campaign.id(), manager).stream().filter(f -> f.workOrderId() != null)
        .findFirst().orElseThrow();
    assertThat(session.get("/space/inspections/findings/" + finding.id()).body()).contains("work-order-link");

    RepairProject roof = projects.projects(manager).stream().filter(p -> p.title().equals("附楼屋面防水大修"))
        .findFirst().orElseThrow();
    assertThat(roof.stage()).isEqualTo(RepairStage.PLANNING);
    assertThat(session.get("/space/repairs").body()).contains(roof.projectNo());
    assertThat(session.get("/space/repairs/" + roof.id()).body()).contains("下一步：实施");

    assertThat(as("admin").get("/admin/space-rental-rules").body()).contains("行政事业性国有资产出租期限（全国默认）");
    assertThat(session.get("/space/repairs?lang=en").body()).contains("Repair projects").contains("Planning");
  }

  @Test
  void aRegionAdminAddsALeaseTermVersionOnTheRulePageAndASpaceManagerMayNot() {
    WebSession admin = as("county.admin");
    String token = admin.get("/admin/space-rental-rules").csrfToken();
    String from = java.time.LocalDate.of(2040, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 3000)).toString();
    var saved = admin.post("/admin/space-rental-rules", Map.of("name", "县级出租期限规则", "maxTermMonths", "96",
        "reminderLeadDays", "5", "effectiveFrom", from, "_csrf", token));
    assertThat(saved.redirectPath()).isEqualTo("/admin/space-rental-rules");
    assertThat(admin.get("/admin/space-rental-rules").body()).contains("县级出租期限规则").contains(from)
        .contains("租金到期提前提醒（天）").contains("<td>5</td>");

    String later = java.time.LocalDate.parse(from).plusDays(1).toString();
    var refused = admin.post("/admin/space-rental-rules", Map.of("name", "县级出租期限规则", "maxTermMonths", "96",
        "reminderLeadDays", "61", "effectiveFrom", later, "_csrf", token));
    assertThat(refused.redirectPath()).isEqualTo("/admin/space-rental-rules");
    assertThat(admin.get("/admin/space-rental-rules").body()).contains("flash-error")
        .contains("租金到期提前提醒天数须在 1 至 60 天之间").doesNotContain(later);

    WebSession manager = as("space.manager");
    assertThat(manager.get("/admin/space-rental-rules").status()).isEqualTo(403);
  }

  @Test
  void aProjectMovesOnFromItsPageAndAStaleFormIsRefusedWithoutChange() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    long building = projects.projects(manager).get(0).buildingId();
    RepairProject project = projects.open(new EstateRecords.NewRepairProject("会议室吊顶中修", RepairClass.MEDIUM,
        building, null, "三楼会议室", 45_000_00L, null), manager);
    WebSession session = as("space.manager");
    String page = "/space/repairs/" + project.id();
    String token = session.get(page).csrfToken();
    Map<String, String> move = Map.of("to", "APPROVAL", "version", String.valueOf(project.version()), "note", "同意立项",
        "_csrf", token);

    assertThat(session.post(page + "/steps", move).redirectPath()).isEqualTo(page);
    assertThat(projects.project(project.id(), manager).stage()).isEqualTo(RepairStage.APPROVAL);
    assertThat(session.get(page).body()).contains("下一步：计划安排").doesNotContain("flash-error");
    session.post(page + "/steps", move);
    assertThat(session.get(page).body()).contains("flash-error");
    assertThat(projects.steps(project.id(), manager)).hasSize(2);
  }

  @Test
  void theApiAnswers409ForASkippedStepAndPeopleWithoutARoleAreKeptOut() {
    ApiClient api = new ApiClient(port);
    String token = api.tokenFor("repair.manager");
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    long building = projects.projects(manager).get(0).buildingId();
    var opened = api.post("/api/v1/space/repair-projects", token, Map.of("title", "卫生间日常维修",
        "repairClass", "ROUTINE", "buildingId", building));
    assertThat(opened.status()).isEqualTo(201);
    long id = opened.body().get("id").asLong();

    var skipped = api.post("/api/v1/space/repair-projects/" + id + "/steps", token, Map.of("to", "WORKS",
        "expectedVersion", 0));
    assertThat(skipped.status()).isEqualTo(409);
    assertThat(skipped.body().get("detail").asText()).contains("检查鉴定").contains("项目确立");
    assertThat(api.post("/api/v1/space/repair-projects/" + id + "/steps", token, Map.of("to", "APPROVAL",
        "expectedVersion", 0)).status()).isEqualTo(200);

    String spaceManager = api.tokenFor("space.manager");
    long lettable = api.get("/api/v1/space/rentals/lettables", spaceManager).body().get(0).get("id").asLong();
    long tenant = api.get("/api/v1/space/rentals/tenants", spaceManager).body().get(0).get("id").asLong();
    var tooLong = api.post("/api/v1/space/rentals/leases", spaceManager,
        Map.of("lettableId", lettable, "tenantId", tenant,
            "contractNo", "API-" + System.nanoTime(), "startDate", "2030-01-01", "termMonths", 72, "frequency",
            "YEARLY",
            "annualRentFen", 1_000_000));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().get("detail").asText())
        .isEqualTo("租期 72 个月超过出租期限规则“行政事业性国有资产出租期限（全国默认）”（2021-04-01 起施行）允许的最长 60 个月");

    String staff = api.tokenFor("staff");
    assertThat(api.get("/api/v1/space/repair-projects/" + id, staff).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/space/rentals/leases", staff).body()).isEmpty();
    assertThat(as("staff").get("/space/rentals").status()).isEqualTo(403);
  }
}
