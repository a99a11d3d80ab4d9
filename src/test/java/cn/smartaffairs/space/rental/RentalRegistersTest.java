package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lettables, tenants and safety checks are registers of their own: searched, sorted, paged and exported. */
@IntegrationTest
class RentalRegistersTest {

  @LocalServerPort int port;

  private WebSession as(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  @Test
  void theOverviewLinksEachRegisterAndEachListsTheDemoLettings() {
    WebSession manager = as("space.manager");

    String overview = manager.get("/space/rentals").body();
    assertThat(overview).contains("id=\"to-lettables\"").contains("id=\"to-tenants\"")
        .contains("id=\"to-safety-checks\"");
    assertThat(overview).as("the fields of a list page take no list of suggestions").doesNotContain("list=\"ListQuery");

    String lettables = manager.get("/space/rentals/lettables?keyword=商铺").body();
    assertThat(lettables).contains("附楼临街商铺101").contains("云溪便民超市有限公司").contains("id=\"sort-area\"")
        .contains("id=\"list-total\"");
    assertThat(manager.get("/space/rentals/tenants?sort=creditCode&dir=desc").body()).contains("云溪便民超市有限公司");
    assertThat(manager.get("/space/rentals/safety-checks").body()).contains("王建国").contains("发现问题");

    for (String export : new String[] {"/space/rentals/lettables/export.xlsx?keyword=商铺",
        "/space/rentals/tenants/export.xlsx", "/space/rentals/safety-checks/export.xlsx"}) {
      var workbook = manager.get(export);
      assertThat(workbook.status()).as(export).isEqualTo(200);
      assertThat(workbook.header("Content-Type")).startsWith("application/vnd.openxmlformats");
    }
  }

  @Test
  void staffMayNotReadTheRegisters() {
    WebSession staff = as("staff");
    for (String page : new String[] {"/space/rentals/lettables", "/space/rentals/tenants",
        "/space/rentals/safety-checks", "/space/rentals/tenants/export.xlsx"}) {
      assertThat(staff.get(page).status()).as(page).isEqualTo(403);
    }
  }
}
