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
  void mobileNumbersLeaveOnlyMaskedAndAreStoredEncrypted() {
    var item = api.get("/api/v1/staff?size=1", api.tokenFor("admin")).body().get("items").get(0);
    assertThat(item.get("mobileMasked").asText()).matches("1\\d{2}\\*{4}\\d{4}");
    String stored = jdbc.sql("select mobile_cipher from staff where id = :id").param("id", item.get("id").asLong())
        .query(String.class).single();
    assertThat(stored).doesNotContain(item.get("mobileMasked").asText().substring(7));
  }
}
