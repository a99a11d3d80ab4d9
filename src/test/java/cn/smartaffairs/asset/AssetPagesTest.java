package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The register's pages: the form registers and names refused fields, the asset's page, the list and its export. */
@IntegrationTest
class AssetPagesTest {

  @LocalServerPort int port;

  private WebSession signedIn(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  @Test
  void theFormRegistersAnAssetAndItsPageShowsTheBookValue() {
    WebSession session = signedIn("asset.manager");
    String number = "P-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("number", number);
    fields.put("name", "碎纸机");
    fields.put("classCode", "A020204");
    fields.put("purchasedOn", "2025-01-15");
    fields.put("originalValue", "1,440.00");
    fields.put("fundingSource", "FISCAL");
    fields.put("status", "IN_USE");
    fields.put("unitId", String.valueOf(unitOf(session)));

    fields.put("_csrf", session.get("/assets/new").csrfToken());
    WebSession.Page created = session.post("/assets", fields);

    assertThat(created.status()).isEqualTo(302);
    String page = created.redirectPath();
    assertThat(page).matches("/assets/\\d+");
    String body = session.get(page).body();
    assertThat(body).contains(number).contains("碎纸机").contains("资产卡片").contains("账面价值")
        .contains("id=\"asset-book-value\"");
    assertThat(session.get("/assets?keyword=" + number).body()).contains(number).contains("asset-book-value");
  }

  private static long unitOf(WebSession session) {
    String form = session.get("/assets/new").body();
    int select = form.indexOf("id=\"unitId\"");
    int option = form.indexOf("<option value=\"", form.indexOf("</option>", select) + 1);
    String value = form.substring(option + 15, form.indexOf('"', option + 15));
    return Long.parseLong(value);
  }

  @Test
  void aRefusedFieldIsNamedBesideIt() {
    WebSession session = signedIn("asset.manager");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", "投影仪");
    fields.put("classCode", "A020202");
    fields.put("purchasedOn", "2099-01-01");
    fields.put("originalValue", "12.345");
    fields.put("fundingSource", "FISCAL");
    fields.put("status", "IN_USE");
    fields.put("unitId", String.valueOf(unitOf(session)));
    fields.put("_csrf", session.get("/assets/new").csrfToken());

    WebSession.Page refused = session.post("/assets", fields);

    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"originalValue-error\"");
    fields.put("originalValue", "12.34");
    fields.put("_csrf", session.get("/assets/new").csrfToken());
    assertThat(session.post("/assets", fields).body()).contains("id=\"purchasedOn-error\"").contains("不能晚于今天");
  }

  @Test
  void theRuleAndListPagesOpenAndTheListExports() {
    WebSession admin = signedIn("admin");

    assertThat(admin.get("/assets/classes").body()).contains("A020101").contains("计算机")
        .contains("id=\"asset-class-form\"");
    assertThat(admin.get("/admin/asset-life-rules").body()).contains("id=\"life-rules\"").contains("全国默认");
    WebSession.Page export = signedIn("asset.manager").get("/assets/export.xlsx");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).contains("spreadsheetml");
    assertThat(signedIn("asset.manager").get("/admin/asset-life-rules").status()).isEqualTo(403);
  }
}
