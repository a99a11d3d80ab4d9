package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A repair from report to closing, as the staff member, the dispatcher and the worker do it in a real Chromium. */
@IntegrationTest
class WorkOrderBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void aLeakingTapIsReportedDispatchedRepairedConfirmedVisitedAndClosed() {
    String description = "三楼卫生间水龙头漏水 " + System.nanoTime() % 1_000_000;
    signInAs("staff");
    browser.clickAndWaitForPage("#menu-report");
    new Select(browser.visible("#category")).selectByValue("REPAIR_PLUMBING");
    browser.find("label[for=priority-urgent]").click();
    browser.find("#building").sendKeys("市行政中心1号楼");
    browser.find("#floor").sendKeys("3");
    browser.find("#room").sendKeys("305");
    submit("#submit-report");
    assertThat(browser.visible("#description").getAttribute("class")).contains("is-invalid");
    assertThat(browser.find("#description ~ .invalid-feedback").getText()).as("the message sits next to the field")
        .isNotBlank();
    assertThat(browser.find("#priority-urgent").isSelected()).as("what was typed stays").isTrue();
    browser.screenshot("workorder-01-report-missing-description");

    browser.find("#description").sendKeys(description);
    submit("#submit-report");
    assertThat(status()).isEqualTo("已受理");
    String orderNo = browser.find("#order-no").getText();
    long id = Long.parseLong(browser.path().replaceAll("\\D+", ""));
    assertThat(browser.findAll("#order-actions")).as("the requester has nothing to do yet").isEmpty();
    browser.screenshot("workorder-02-reported");

    signInAs("repair.manager");
    browser.clickAndWaitForPage("#menu-work-orders");
    assertThat(browser.find("h1").getText()).isEqualTo("派单台");
    WebElement row = browser.find("tr[data-order-no='" + orderNo + "']");
    assertThat(row.findElement(By.cssSelector(".order-status")).getText()).isEqualTo("已受理");
    browser.screenshot("workorder-03-dispatch-desk");
    browser.clickAndWaitForPage("tr[data-order-no='" + orderNo + "'] .order-link");
    new Select(browser.visible("#assigneeUserId")).selectByValue(String.valueOf(userId("worker")));
    browser.screenshot("workorder-04-before-dispatch");
    act("DISPATCH");
    assertThat(status()).isEqualTo("已派单");
    assertThat(browser.find("#order-assignee").getText()).isEqualTo(displayName("worker"));

    signInAs("worker");
    WebElement todo = browser.find("#todo-list").findElements(By.cssSelector(".todo-link")).stream()
        .filter(link -> link.getText().contains(orderNo)).findFirst().orElseThrow();
    assertThat(todo.getText()).contains(description);
    browser.screenshot("workorder-05-worker-todo");
    todo.click();
    browser.await(d -> browser.path().equals("/work-orders/" + id));
    assertThat(status()).isEqualTo("已派单");
    act("ACCEPT");
    assertThat(status()).isEqualTo("已接单");
    act("ARRIVE");
    assertThat(status()).isEqualTo("已到场");
    browser.find("#resolve-comment").sendKeys("更换阀芯，已不漏水");
    browser.screenshot("workorder-06-worker-on-site");
    act("RESOLVE");
    assertThat(status()).isEqualTo("已办结");
    assertThat(browser.findAll("#order-actions")).isEmpty();

    signInAs("staff");
    browser.clickAndWaitForPage("#menu-work-orders");
    assertThat(browser.find("h1").getText()).isEqualTo("我的工单");
    browser.clickAndWaitForPage("tr[data-order-no='" + orderNo + "'] .order-link");
    assertThat(browser.findAll("#action-REOPEN")).as("not fixed? the requester can say so").hasSize(1);
    act("CONFIRM");
    assertThat(status()).isEqualTo("已确认");

    signInAs("repair.manager");
    browser.open("/work-orders/" + id);
    browser.scrollTo("#form-VISIT");
    browser.find("label[for=satisfaction-SATISFIED]").click();
    browser.find("#visit-comment").sendKeys("维修及时");
    browser.screenshot("workorder-07-return-visit");
    act("VISIT");
    assertThat(status()).isEqualTo("已回访");
    act("CLOSE");
    assertThat(status()).isEqualTo("已销号");
    assertThat(browser.find("#order-satisfaction").getText()).isEqualTo("满意");
    assertThat(browser.findAll("#order-actions")).isEmpty();
    assertThat(browser.findAll("#timeline .timeline-step")).hasSize(8);
    assertThat(browser.find("#timeline").getText()).contains("受理", "派单", "接单", "到场", "办结", "确认", "回访", "销号",
        "更换阀芯，已不漏水", displayName("worker"));
    browser.screenshot("workorder-08-closed");
  }

  @Test
  void aStalePageIsToldTheOrderMovedOnAndChangesNothing() {
    ApiClient api = new ApiClient(port);
    long id = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_ELECTRIC",
        "description", "会议室灯不亮", "priority", "NORMAL")).body().get("id").asLong();
    signInAs("repair.manager");
    browser.open("/work-orders/" + id);
    new Select(browser.visible("#assigneeUserId")).selectByValue(String.valueOf(userId("worker")));

    var meanwhile = api.post("/api/v1/work-orders/" + id + "/transitions", api.tokenFor("region.admin"),
        Map.of("action", "dispatch", "assigneeUserId", userId("worker"), "expectedVersion", 0));
    assertThat(meanwhile.status()).isEqualTo(200);
    act("DISPATCH");

    assertThat(browser.visible("#flash-error").getText()).contains("刚刚已被他人处理").contains("请刷新");
    assertThat(status()).isEqualTo("已派单");
    browser.screenshot("workorder-09-stale-page");
    assertThat(jdbc.sql("select version from work_order where id = :id").param("id", id).query(Integer.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from work_order_event where work_order_id = :id and action = 'DISPATCH'")
        .param("id", id).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aHotlineAgentNamesTheCallerAndRuleMessagesSitNextToTheirFields() {
    signInAs("repair.manager");
    browser.clickAndWaitForPage("#menu-report");
    // a category that no longer exists, as from a form left open while the list changed
    browser.driver().executeScript("var o = document.createElement('option'); o.value = 'NO_SUCH'; o.text = 'x';"
        + " document.getElementById('category').add(o);");
    new Select(browser.visible("#category")).selectByValue("NO_SUCH");
    browser.find("#description").sendKeys("来电反映二楼走廊灯不亮");
    submit("#submit-report");
    assertThat(browser.find("#category ~ .invalid-feedback").getText()).isEqualTo("工单类别“NO_SUCH”不存在");

    new Select(browser.visible("#category")).selectByValue("REPAIR_ELECTRIC");
    submit("#submit-report");
    assertThat(browser.find("#requesterName ~ .invalid-feedback").getText()).isEqualTo("请填写报事人");
    browser.screenshot("workorder-11-agent-form-requester-missing");

    browser.find("#requesterName").sendKeys("王来电");
    submit("#submit-report");
    assertThat(status()).isEqualTo("已受理");
    assertThat(browser.find("main").getText()).contains("王来电", "热线");
    assertThat(browser.findAll("#action-DISPATCH")).hasSize(1);
  }

  @Test
  void anOrderPastItsDeadlineShowsTheDeadlineInRed() {
    ApiClient api = new ApiClient(port);
    String orderNo = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_AIRCON",
        "description", "空调不制冷", "priority", "NORMAL")).body().get("orderNo").asText();
    jdbc.sql("update work_order set received_at = received_at - interval '10 days', "
        + "respond_due_at = received_at - interval '10 days', resolve_due_at = received_at - interval '9 days' "
        + "where order_no = :no").param("no", orderNo).update();
    signInAs("staff");
    browser.open("/work-orders");
    WebElement due = browser.find("tr[data-order-no='" + orderNo + "'] .resolve-due");
    assertThat(due.getAttribute("class")).contains("overdue").contains("text-danger");
  }

  @Test
  void theReportFormFitsAPhone() {
    browser.resize(390, 844);
    signInAs("staff");
    browser.open("/work-orders/new");
    browser.visible("#report-form");
    long pageWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) browser.driver().executeScript("return window.innerWidth");
    assertThat(pageWidth).as("the form does not scroll sideways").isLessThanOrEqualTo(viewport);
    browser.screenshot("workorder-10-phone-report-form");
  }

  private void signInAs(String username) {
    browser.driver().manage().deleteAllCookies();
    browser.signInAs(username);
  }

  private void submit(String button) {
    browser.scrollTo(button);
    browser.clickAndWaitForPage(button);
  }

  /** Presses the button of an action on the order page and waits for the page it leads back to. */
  private void act(String action) {
    submit("#action-" + action);
  }

  private String status() {
    return browser.visible("#order-status").getText();
  }

  private long userId(String username) {
    return jdbc.sql("select id from user_account where username = :u").param("u", username).query(Long.class).single();
  }

  private String displayName(String username) {
    return jdbc.sql("select display_name from user_account where username = :u").param("u", username)
        .query(String.class).single();
  }
}
