package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.support.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An approval from submission to decision as the people involved see it: the unit head finds it in the to-do list,
 * rejects it with a reason, the applicant sees the reason and resubmits, the head approves.
 */
@IntegrationTest
class ApprovalBrowserTest {

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

  private void signIn(String username) {
    browser.signInAs(username);
  }

  @Test
  void theUnitHeadRejectsFromTheInboxAndApprovesTheResubmission() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    CurrentUser staff = accounts.loadUserByUsername("staff");
    String type = "test.browser" + System.nanoTime() % 1_000_000;
    approvalFlows.defineFlow(new FlowDefinition(type, staff.regionId(), "单位负责人审批",
        List.of(FlowDefinition.Step.of("单位负责人", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8))), admin);
    long id = approvals.submit(type, "申请会议室用于业务培训", Map.of("attendees", 30), staff);

    browser = Browser.start("http://localhost:" + port);
    signIn("unit.head");
    browser.clickAndWaitForPage("a.todo-link[href='/approvals/" + id + "']");
    assertThat(browser.find("#approval-subject").getText()).isEqualTo("申请会议室用于业务培训");
    browser.find("textarea[name=comment]").sendKeys("请补充培训方案");
    browser.clickAndWaitForPage("#reject");
    assertThat(browser.visible("#approval-status").getText()).isEqualTo("已驳回");
    browser.screenshot("approval-01-rejected");

    browser.driver().manage().deleteAllCookies();
    signIn("staff");
    browser.open("/approvals/" + id);
    assertThat(browser.visible("#rejection-reason").getText()).contains("请补充培训方案");

    approvals.resubmit(id, Map.of("attendees", 30, "plan", "已附培训方案"), staff);
    browser.driver().manage().deleteAllCookies();
    signIn("unit.head");
    browser.clickAndWaitForPage("a.todo-link[href='/approvals/" + id + "']");
    browser.find("textarea[name=comment]").sendKeys("同意");
    browser.clickAndWaitForPage("#approve");
    assertThat(browser.visible("#approval-status").getText()).isEqualTo("已通过");
    assertThat(browser.findAll(".approval-route tbody tr")).as("both rounds on the route").hasSize(2);
    browser.screenshot("approval-02-approved");
  }
}
