package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The deputy form names its missing times on their fields and appoints no one. */
@IntegrationTest
class ApprovalFormErrorsTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aDeputyWithoutStartAndWithAnUnreadableEndIsRefusedOnBothFields() {
    long head = accounts.loadUserByUsername("unit.head").userId();
    long liaison = accounts.loadUserByUsername("liaison").userId();
    WebSession admin = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    long before = jdbc.sql("select count(*) from approval_deputy").query(Long.class).single();

    var refused = admin.post("/admin/approval-flows/deputies", Map.of("principalId", String.valueOf(head),
        "deputyId", String.valueOf(liaison), "from", "", "until", "2031-13-45T99:00",
        "_csrf", admin.get("/admin/approval-flows").csrfToken()));

    assertThat(refused.redirectPath()).isEqualTo("/admin/approval-flows");
    String page = admin.get("/admin/approval-flows").body();
    assertThat(FieldErrors.of(page, "from")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "until")).containsExactly("请输入日期和时间，如 2025-03-01 09:30");
    assertThat(page).containsPattern("<option value=\"" + liaison + "\"[^>]*selected");
    assertThat(jdbc.sql("select count(*) from approval_deputy").query(Long.class).single()).isEqualTo(before);
  }
}
