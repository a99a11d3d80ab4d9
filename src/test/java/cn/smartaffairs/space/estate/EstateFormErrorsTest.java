package cn.smartaffairs.space.estate;

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

/** The campaign and repair-project forms name every bad field at once and save nothing. */
@IntegrationTest
class EstateFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aCampaignWithoutTitleAndEndIsRefusedOnBothFieldsAndKeepsItsChecklist() {
    var manager = new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
    long before = count("space_inspection_campaign");

    var refused = manager.post("/space/inspections", Map.of("_csrf", manager.get("/space/inspections").csrfToken(),
        "title", "", "startsOn", "2030-03-01", "endsOn", "", "items", "消防通道畅通"));

    assertThat(refused.redirectPath()).isEqualTo("/space/inspections");
    String page = manager.get("/space/inspections").body();
    assertThat(FieldErrors.of(page, "title")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "endsOn")).containsExactly("请填写此项");
    assertThat(page).contains(">消防通道畅通</textarea>");
    assertThat(count("space_inspection_campaign")).isEqualTo(before);
  }

  @Test
  void aRepairProjectWithoutTitleAndWithABudgetThatIsNoAmountIsRefusedOnBothFields() {
    var manager = new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
    long before = count("space_repair_project");

    var refused = manager.post("/space/repairs", Map.of("_csrf", manager.get("/space/repairs").csrfToken(),
        "title", " ", "repairClass", "ROUTINE", "buildingId", "1", "budget", "-5"));

    assertThat(refused.redirectPath()).isEqualTo("/space/repairs");
    String page = manager.get("/space/repairs").body();
    assertThat(FieldErrors.of(page, "title")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "budget")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "budget")).isEqualTo("-5");
    assertThat(count("space_repair_project")).isEqualTo(before);
  }
}
