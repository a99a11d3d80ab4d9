package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class DutyPageTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  @Test
  void aDispatcherPutsTheWorkerOnDutyAndSetsARuleFromThePage() {
    var session = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    String worker = String.valueOf(accounts.loadUserByUsername("worker").userId());
    LocalDate day = LocalDate.now().plusDays(3);

    var shift = session.post("/work-orders/duty/shifts", Map.of("_csrf", session.get("/work-orders/duty").csrfToken(),
        "userId", worker, "kind", "REPAIR", "startsAt", day + "T17:30", "endsAt", day.plusDays(1) + "T08:30"));
    assertThat(shift.redirectPath()).isEqualTo("/work-orders/duty");
    var rule = session.post("/work-orders/duty/rules", Map.of("_csrf", session.get("/work-orders/duty").csrfToken(),
        "category", "REPAIR_AIRCON", "building", "值班测试楼", "userId", worker));
    assertThat(rule.redirectPath()).isEqualTo("/work-orders/duty");

    String page = session.get("/work-orders/duty").body();
    assertThat(page).contains(day + " 17:30").contains(day.plusDays(1) + " 08:30").contains("值班测试楼");
  }

  @Test
  void aShiftThatEndsBeforeItStartsIsRefusedWithAChineseMessage() {
    var session = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    String worker = String.valueOf(accounts.loadUserByUsername("worker").userId());
    session.post("/work-orders/duty/shifts", Map.of("_csrf", session.get("/work-orders/duty").csrfToken(),
        "userId", worker, "kind", "", "startsAt", "2027-01-02T08:00", "endsAt", "2027-01-01T08:00"));
    assertThat(session.get("/work-orders/duty").body()).contains("值班结束时间须晚于开始时间");
  }

  @Test
  void staffCannotOpenThePage() {
    assertThat(new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get("/work-orders/duty").status())
        .isEqualTo(403);
  }
}
