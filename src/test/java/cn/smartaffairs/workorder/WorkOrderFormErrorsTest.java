package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deadline-rule, duty-shift and order-move forms refuse bad input on each field at once and save nothing.
 */
@IntegrationTest
class WorkOrderFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aDeadlineRuleWithoutTimeLimitAndDateIsRefusedOnBothFields() {
    var session = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    long before = count("work_order_deadline_rule");

    var refused = session.post("/admin/work-order-rules/deadlines", Map.of("_csrf",
        session.get("/admin/work-order-rules").csrfToken(), "category", "REPAIR_PLUMBING", "priority", "NORMAL",
        "respondMinutes", "0", "resolveWorkingDays", "-2", "effectiveFrom", ""));

    assertThat(refused.redirectPath()).isEqualTo("/admin/work-order-rules");
    String page = session.get("/admin/work-order-rules").body();
    assertThat(FieldErrors.of(page, "respondMinutes")).containsExactly("时限须为正数");
    assertThat(FieldErrors.of(page, "resolveWorkingDays")).containsExactly("不能为负数");
    assertThat(FieldErrors.of(page, "effectiveFrom")).containsExactly("请填写此项");
    assertThat(FieldErrors.marked(page, "effectiveFrom")).isTrue();
    assertThat(count("work_order_deadline_rule")).isEqualTo(before);
  }

  @Test
  void aShiftWithoutTimesIsRefusedOnBothTimesAndTheOtherFormStaysClean() {
    var session = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    long before = count("duty_shift");

    var refused = session.post("/work-orders/duty/shifts", Map.of("_csrf", session.get("/work-orders/duty").csrfToken(),
        "kind", "REPAIR", "startsAt", "", "endsAt", "next week"));

    assertThat(refused.redirectPath()).isEqualTo("/work-orders/duty");
    String page = session.get("/work-orders/duty").body();
    assertThat(FieldErrors.of(page, "shift-user")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "startsAt")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "endsAt")).containsExactly("请输入日期和时间，如 2025-03-01 09:30");
    assertThat(FieldErrors.of(page, "rule-user")).isEmpty();
    assertThat(count("duty_shift")).isEqualTo(before);
  }

  @Test
  void aDispatchToAWorkerThatIsNoNumberIsRefusedBesideTheWorkerAndTheOrderStaysPut() {
    ApiClient api = new ApiClient(port);
    long id = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_ELECTRIC",
        "description", "表单测试：走廊灯不亮", "priority", "NORMAL")).body().get("id").asLong();
    var session = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    String page = "/work-orders/" + id;

    var refused = session.post(page + "/transitions", Map.of("_csrf", session.get(page).csrfToken(),
        "action", "DISPATCH", "expectedVersion", "0", "assigneeUserId", "王师傅"));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = session.get(page).body();
    assertThat(FieldErrors.of(shown, "assigneeUserId")).containsExactly("请输入整数");
    assertThat(FieldErrors.marked(shown, "assigneeUserId")).isTrue();
    assertThat(jdbc.sql("select status from work_order where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("RECEIVED");
  }
}
