package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A gate camera reports plates with an API key of scope gates:events; each is allowed for a valid pass, an official
 * vehicle of the region or a visitor expected with that plate, refused otherwise — the reason answered and logged.
 */
@IntegrationTest
class GateEventTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApiCredentials credentials;
  @Autowired Accounts accounts;
  ApiClient api;
  String camera;
  long city;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    CurrentUser admin = (CurrentUser) accounts.loadUserByUsername("admin");
    camera = credentials.createApiKey("东门车牌识别-" + UUID.randomUUID(), city, Set.of(ApiScope.GATE_EVENTS), admin)
        .secret();
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  private ApiClient.Answer report(String plate, String direction) {
    Map<String, Object> body = new HashMap<>();
    body.put("gate", "东门");
    body.put("plate", plate);
    body.put("direction", direction);
    return api.postRaw("/api/v1/gate-events", Map.of(ApiClient.API_KEY_HEADER, camera), write(body));
  }

  private static String write(Map<String, Object> body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertDecision(ApiClient.Answer answer, boolean allowed, String reason) {
    assertThat(answer.status()).isEqualTo(200);
    JsonNode decision = answer.body();
    assertThat(decision.get("allowed").asBoolean()).isEqualTo(allowed);
    assertThat(decision.get("reason").asText()).isEqualTo(reason);
    assertThat(decision.get("reasonText").asText()).startsWith(allowed ? "放行" : "禁止通行");
    assertThat(jdbc.sql("select reason from access_gate_event where id = :id")
        .param("id", decision.get("id").asLong()).query(String.class).single()).isEqualTo(reason);
  }

  @Test
  void aPlateWithAValidPassIsAllowed() {
    String plate = PassApprovalTest.freshPlate();
    long staff = jdbc.sql("select staff_id from user_account where username = 'staff'").query(Long.class).single();
    long user = jdbc.sql("select id from user_account where username = 'staff'").query(Long.class).single();
    jdbc.sql("""
        insert into access_pass (region_id, kind, holder_staff_id, applicant_user_id, plate, valid_from, valid_to,
               reason, status, qr_token)
        values (:region, 'VEHICLE', :staff, :user, :plate, :from, :to, '通勤', 'ACTIVE', :token)""")
        .param("region", city).param("staff", staff).param("user", user).param("plate", plate)
        .param("from", java.sql.Date.valueOf(today.minusDays(1))).param("to", java.sql.Date.valueOf(today))
        .param("token", UUID.randomUUID().toString()).update();

    assertDecision(report(plate.substring(0, 2) + "·" + plate.substring(2), "IN"), true, "VALID_PASS");
  }

  @Test
  void anOfficialVehicleOfTheRegionIsAllowed() {
    String plate = jdbc.sql("""
        select plate from vehicle where region_id = :r and status = 'IN_SERVICE' order by id limit 1""")
        .param("r", city).query(String.class).single();
    assertDecision(report(plate, "OUT"), true, "OFFICIAL_VEHICLE");
  }

  @Test
  void aVisitorExpectedTodayWithThePlateIsAllowed() {
    String plate = PassApprovalTest.freshPlate();
    Map<String, Object> visit = Visitors.visit(Visitors.freshName(), Visitors.freshIdNumber(), today);
    visit.put("plate", plate);
    assertThat(api.post("/api/v1/visitors", api.tokenFor("staff"), visit).status()).isEqualTo(201);
    assertDecision(report(plate, "IN"), true, "EXPECTED_VISITOR");
  }

  @Test
  void aPlateWithNoneIsRefusedAndLogged() {
    String plate = PassApprovalTest.freshPlate();
    assertDecision(report(plate, "IN"), false, "NONE");
    assertThat(jdbc.sql("select count(*) from access_gate_event where plate = :p and not allowed")
        .param("p", plate).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aWrongPlateOrAKeyWithoutTheScopeIsRefused() {
    var wrong = report("ABC", "IN");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body().get("detail").asText()).contains("车牌号");
    CurrentUser admin = (CurrentUser) accounts.loadUserByUsername("admin");
    String reader = credentials.createApiKey("读车-" + UUID.randomUUID(), city, Set.of(ApiScope.VEHICLES_READ), admin)
        .secret();
    var forbidden = api.postRaw("/api/v1/gate-events", Map.of(ApiClient.API_KEY_HEADER, reader),
        "{\"gate\":\"东门\",\"plate\":\"京A12345\",\"direction\":\"IN\"}");
    assertThat(forbidden.status()).isEqualTo(403);
    // a member of staff's own token may not report plates either
    assertThat(api.post("/api/v1/gate-events", api.tokenFor("staff"),
        Map.of("gate", "东门", "plate", "京A12345", "direction", "IN")).status()).isEqualTo(403);
  }
}
