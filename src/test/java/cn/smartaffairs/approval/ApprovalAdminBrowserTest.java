package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.Browser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator configures a two-step approval on the page, without code: the unit head (或签) always, then the
 * affairs administrator only above 5000. Requests submitted afterwards take the route the page defined.
 */
@IntegrationTest
class ApprovalAdminBrowserTest {

  @LocalServerPort int port;
  @Autowired Approvals approvals;
  @Autowired ApprovalFlows approvalFlows;
  @Autowired Accounts accounts;
  Browser browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theAdminDefinesATwoStepFlowWhoseSecondStepOnlyAppliesAboveFiveThousand() {
    String type = "test.admin" + System.nanoTime() % 1_000_000;
    CurrentUser staff = accounts.loadUserByUsername("staff");

    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("admin");
    browser.clickAndWaitForPage("#menu-approval-flows");
    assertThat(browser.path()).isEqualTo("/admin/approval-flows");
    browser.screenshot("approval-admin-01-list");

    browser.find("#requestType").sendKeys(type);
    new Select(browser.find("#regionId")).selectByValue(String.valueOf(staff.regionId()));
    browser.find("#name").sendKeys("大额申请两级审批");
    browser.find("#steps0\\.name").sendKeys("单位负责人审批");
    new Select(browser.find("#steps0\\.kind")).selectByValue("UNIT_ROLE");
    new Select(browser.find("#steps0\\.role")).selectByValue("UNIT_HEAD");
    new Select(browser.find("#steps0\\.mode")).selectByValue("ANY");
    browser.find("#steps0\\.deadlineHours").sendKeys("八");
    browser.scrollTo("#define-flow");
    browser.clickAndWaitForPage("#define-flow");
    assertThat(browser.visible("#step-0 .invalid-feedback").getText()).isEqualTo("步骤“单位负责人审批”的小时数须为整数");
    browser.scrollTo("#flow-errors");
    browser.screenshot("approval-admin-02-error");
    browser.find("#steps0\\.deadlineHours").clear();
    browser.find("#steps0\\.deadlineHours").sendKeys("8");
    browser.find("#steps0\\.remindBeforeHours").sendKeys("2");
    browser.find("#steps1\\.name").sendKeys("机关事务管理员审批");
    new Select(browser.find("#steps1\\.kind")).selectByValue("REGION_ROLE");
    new Select(browser.find("#steps1\\.role")).selectByValue("REGION_ADMIN");
    new Select(browser.find("#steps1\\.mode")).selectByValue("ALL");
    browser.find("#steps1\\.fact").sendKeys("amount");
    new Select(browser.find("#steps1\\.operator")).selectByValue(">");
    browser.find("#steps1\\.value").sendKeys("5000");
    browser.find("#steps1\\.deadlineHours").sendKeys("16");
    assertThat(browser.find("#steps1\\.userIds").isDisplayed()).as("people list hidden for a role step").isFalse();
    browser.scrollTo("#step-0");
    browser.screenshot("approval-admin-03-form");
    browser.scrollTo("#define-flow");
    browser.clickAndWaitForPage("#define-flow");

    assertThat(browser.path()).isEqualTo("/admin/approval-flows");
    String card = ".flow[data-request-type='" + type + "']";
    assertThat(browser.visible(card + " .flow-version").getText()).isEqualTo("第1版");
    assertThat(browser.findAll(card + " .flow-steps tbody tr")).hasSize(2);
    assertThat(browser.find(card + " .flow-steps tbody tr:nth-child(1) .step-approver").getText()).contains("单位负责人");
    assertThat(browser.find(card + " .flow-steps tbody tr:nth-child(1) .step-mode").getText()).isEqualTo("或签");
    assertThat(browser.find(card + " .flow-steps tbody tr:nth-child(2) .step-approver").getText())
        .contains("机关事务管理员");
    assertThat(browser.find(card + " .flow-steps tbody tr:nth-child(2) .step-condition").getText())
        .isEqualTo("amount > 5000");
    browser.scrollTo(card);
    browser.screenshot("approval-admin-04-defined");

    long small = approvals.submit(type, "购置办公桌椅", Map.of("amount", 3000), staff);
    long large = approvals.submit(type, "购置会议系统", Map.of("amount", 8000), staff);

    // a second version, defined while the two requests run, shows on the page and leaves their routes alone
    long liaison = accounts.loadUserByUsername("liaison").userId();
    approvalFlows.defineFlow(new FlowDefinition(type, staff.regionId(), "联络员复核", List.of(
        FlowDefinition.Step.people("联络员复核", List.of(liaison), ApprovalMode.ALL, 8))),
        accounts.loadUserByUsername("admin"));
    browser.open("/admin/approval-flows");
    assertThat(browser.visible(card + " .flow-version").getText()).isEqualTo("第2版");
    browser.scrollTo(card);
    browser.find(card + " details summary").click();
    assertThat(browser.visible(card + " details ol").getText()).contains("单位负责人审批").contains("amount > 5000");
    browser.screenshot("approval-admin-05-versions");

    assertThat(stepsOnTheRoute(small)).containsExactly("单位负责人审批");
    assertThat(stepsOnTheRoute(large)).containsExactly("单位负责人审批", "机关事务管理员审批");
  }

  /** The steps a request goes through, approving one open task at a time as its approver until the request ends. */
  private List<String> stepsOnTheRoute(long requestId) {
    List<String> steps = new ArrayList<>();
    CurrentUser admin = accounts.loadUserByUsername("admin");
    for (int guard = 0; guard < 20; guard++) {
      ApprovalRoute route = approvals.route(requestId, admin);
      if (route.status() != RequestStatus.PENDING) {
        assertThat(route.status()).isEqualTo(RequestStatus.APPROVED);
        return steps;
      }
      ApprovalRoute.Task task = route.pending().get(0);
      if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(task.stepName())) {
        steps.add(task.stepName());
      }
      approvals.approve(task.id(), accounts.findById(task.assigneeId()).orElseThrow(), "同意");
    }
    throw new AssertionError("the route did not finish");
  }
}
