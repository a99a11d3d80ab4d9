package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StaffApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @Test
  void withoutTokenTheApiAnswers401InChinese() {
    var answer = api.get("/api/v1/staff", null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).contains("未登录");
  }

  @Test
  void theApiAnswersInEnglishWhenTheCallerAsksForIt() {
    var answer = api.withHeader("/api/v1/staff", "Accept-Language", "en");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).contains("Not signed in");
  }

  @Test
  void platformAdminSeesEveryStaffMember() {
    var answer = api.get("/api/v1/staff?page=0&size=50", api.tokenFor("admin"));
    assertThat(answer.status()).isEqualTo(200);
    long all = jdbc.sql("select count(*) from staff").query(Long.class).single();
    assertThat(answer.body().get("total").asLong()).isEqualTo(all).isGreaterThanOrEqualTo(2000);
    assertThat(answer.body().get("items")).hasSize(50);
  }

  @Test
  void regionAdminSeesOnlyTheirRegion() {
    long cityStaff = jdbc.sql("select count(*) from staff s join region r on r.id = s.region_id where r.code = 'YX'")
        .query(Long.class).single();
    var answer = api.get("/api/v1/staff?size=200", api.tokenFor("region.admin"));
    assertThat(answer.body().get("total").asLong()).isEqualTo(cityStaff);
    for (JsonNode item : answer.body().get("items")) {
      assertThat(item.get("regionName").asText()).isEqualTo("云溪市本级");
    }
  }

  @Test
  void unitLiaisonSeesOnlyTheirUnit() {
    var answer = api.get("/api/v1/staff?size=200", api.tokenFor("liaison"));
    for (JsonNode item : answer.body().get("items")) {
      assertThat(item.get("unitName").asText()).isEqualTo("市财政局");
    }
    assertThat(answer.body().get("total").asLong()).isPositive();
  }

  @Test
  void staffMemberSeesOnlyThemself() {
    var answer = api.get("/api/v1/staff", api.tokenFor("staff"));
    assertThat(answer.body().get("total").asLong()).isEqualTo(1);
  }

  @Test
  void guessingAnotherUnitsStaffIdAnswers404() {
    long otherUnitsMember = jdbc.sql("""
        select s.id from staff s join unit u on u.id = s.unit_id where u.name = '市公安局' limit 1""")
        .query(Long.class).single();
    assertThat(api.get("/api/v1/staff/" + otherUnitsMember, api.tokenFor("liaison")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/staff/" + otherUnitsMember, api.tokenFor("admin")).status()).isEqualTo(200);
  }

  @Test
  void aUnitLiaisonAddsStaffToTheirUnitButAModuleManagerMayNotChangeTheRegister() {
    long finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    var draft = java.util.Map.of("unitId", finance, "staffNo", "LIA" + System.nanoTime() % 1_000_000,
        "name", "新同事", "rankCode", "LEVEL_OFFICER_1", "withinEstablishment", true, "mobile", "13912345678",
        "status", "ACTIVE");
    var created = api.post("/api/v1/staff", api.tokenFor("liaison"), draft);
    assertThat(created.status()).isEqualTo(201);
    assertThat(api.get("/api/v1/staff/" + created.body().get("id").asLong(), api.tokenFor("liaison")).body()
        .get("mobileMasked").asText()).isEqualTo("139****5678");

    var byManager = api.post("/api/v1/staff", api.tokenFor("vehicle.manager"),
        java.util.Map.of("unitId", finance, "staffNo", "MGR" + System.nanoTime() % 1_000_000, "name", "越权",
            "rankCode", "LEVEL_OFFICER_1", "withinEstablishment", true, "status", "ACTIVE"));
    assertThat(byManager.status()).isEqualTo(404);
  }

  @Test
  void aBadMobileNumberIsRefusedWithAChineseMessageAndNothingIsSaved() {
    long finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    long before = jdbc.sql("select count(*) from staff").query(Long.class).single();
    var answer = api.post("/api/v1/staff", api.tokenFor("liaison"), java.util.Map.of("unitId", finance,
        "staffNo", "BAD" + System.nanoTime() % 1_000_000, "name", "号码错", "rankCode", "LEVEL_OFFICER_1",
        "withinEstablishment", true, "mobile", "12345", "status", "ACTIVE"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("手机号").contains("12345");
    assertThat(jdbc.sql("select count(*) from staff").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void mobileNumbersLeaveOnlyMaskedAndAreStoredEncrypted() {
    var item = api.get("/api/v1/staff?size=1", api.tokenFor("admin")).body().get("items").get(0);
    assertThat(item.get("mobileMasked").asText()).matches("1\\d{2}\\*{4}\\d{4}");
    String stored = jdbc.sql("select mobile_cipher from staff where id = :id").param("id", item.get("id").asLong())
        .query(String.class).single();
    assertThat(stored).doesNotContain(item.get("mobileMasked").asText().substring(7));
  }
}
