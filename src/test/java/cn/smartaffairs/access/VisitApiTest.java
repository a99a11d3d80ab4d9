package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 访客登记 over the API: a host announces a visitor and gets the pass; the ID number is checked by GB 11643, kept
 * encrypted and answered only masked; the gate checks the visitor in by the pass or the ID number, the host is told,
 * and checks out; every step audited.
 */
@IntegrationTest
class VisitApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  String host;
  String guard;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    host = api.tokenFor("staff");
    guard = api.tokenFor("guard");
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void aHostAnnouncesAVisitorAndGetsThePassWithTheIdNumberOnlyMasked() {
    String idNumber = Visitors.freshIdNumber();
    var created = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), idNumber, today));

    assertThat(created.status()).isEqualTo(201);
    JsonNode pass = created.body();
    assertThat(pass.get("id").asLong()).isPositive();
    assertThat(pass.get("qrToken").asText()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(pass.get("status").asText()).isEqualTo("EXPECTED");
    assertThat(pass.get("idNumberMasked").asText())
        .isEqualTo(idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14));
    assertThat(pass.get("mobileMasked").asText()).isEqualTo("138****8000");
    assertThat(pass.toString()).doesNotContain(idNumber).doesNotContain("13800138000");
    assertThat(api.get("/api/v1/visitors/" + pass.get("id").asLong(), host).body().toString())
        .doesNotContain(idNumber);

    var stored = jdbc.sql("select id_number_cipher, id_number_hash, mobile_cipher from access_visit where id = :id")
        .param("id", pass.get("id").asLong()).query().singleRow();
    assertThat(stored.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(idNumber)
        .doesNotContain("13800138000"));
    assertThat(jdbc.sql("""
        select string_agg(coalesce(after_state::text, ''), ' ') from audit_event
         where entity_type = 'access_visit' and entity_id = :id""").param("id", pass.get("id").asText())
        .query(String.class).single()).contains(pass.get("idNumberMasked").asText()).doesNotContain(idNumber);
  }

  @Test
  void anInvalidIdNumberIsRefusedIn400WithTheCheckNamedInChinese() {
    String valid = Visitors.freshIdNumber();
    char wrong = valid.charAt(17) == '0' ? '1' : '0';
    var badCheck = api.post("/api/v1/visitors", host,
        Visitors.visit(Visitors.freshName(), valid.substring(0, 17) + wrong, today));
    assertThat(badCheck.status()).isEqualTo(400);
    assertThat(badCheck.body().get("detail").asText()).contains("校验位").doesNotContain(valid.substring(0, 17));

    var badDate = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), "110105194913310021", today));
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body().get("detail").asText()).contains("出生日期");

    var shortNumber = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), "110105194912", today));
    assertThat(shortNumber.status()).isEqualTo(400);
    assertThat(shortNumber.body().get("detail").asText()).contains("18 位");
  }

  @Test
  void theGateChecksTheVisitorInByThePassTellsTheHostAndChecksOut() {
    String name = Visitors.freshName();
    JsonNode pass = api.post("/api/v1/visitors", host, Visitors.visit(name, Visitors.freshIdNumber(), today)).body();
    long id = pass.get("id").asLong();

    var in = api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", pass.get("qrToken").asText()));
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.body().get("status").asText()).isEqualTo("CHECKED_IN");
    assertThat(in.body().get("checkedInAt").isNull()).isFalse();
    assertThat(jdbc.sql("""
        select count(*) from notification n join user_account u on u.id = n.user_id
         where u.username = 'staff' and n.title like :name""").param("name", "%" + name + "%")
        .query(Long.class).single()).isEqualTo(1);

    var again = api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", pass.get("qrToken").asText()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).contains("已入场");

    var out = api.post("/api/v1/visitors/" + id + "/check-out", guard, Map.of());
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.body().get("status").asText()).isEqualTo("CHECKED_OUT");
    assertThat(audits(id)).containsExactly("CREATE", "CHECK_IN", "CHECK_OUT");
  }

  @Test
  void theGateFindsTodaysVisitByTheIdNumberTyped() {
    String idNumber = Visitors.freshIdNumber();
    long id = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), idNumber, today)).body()
        .get("id").asLong();

    var in = api.post("/api/v1/visitors/check-in", guard, Map.of("idNumber", idNumber.toLowerCase()));
    assertThat(in.status()).isEqualTo(200);
    assertThat(in.body().get("id").asLong()).isEqualTo(id);

    var unknown = api.post("/api/v1/visitors/check-in", guard, Map.of("idNumber", Visitors.freshIdNumber()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("detail").asText()).contains("今天没有");
  }

  @Test
  void aPassForAnotherDayOrAnUnknownPassDoesNotOpenTheGate() {
    JsonNode tomorrow = api.post("/api/v1/visitors", host,
        Visitors.visit(Visitors.freshName(), Visitors.freshIdNumber(), today.plusDays(1))).body();
    var early = api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", tomorrow.get("qrToken").asText()));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().get("detail").asText()).contains("当天才能使用");

    var unknown = api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", "no-such-pass"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("detail").asText()).contains("无效的通行码");
  }

  @Test
  void onlyTheGateChecksInAndAHostRegistersOnlyTheirOwnVisitors() {
    JsonNode pass = api.post("/api/v1/visitors", host,
        Visitors.visit(Visitors.freshName(), Visitors.freshIdNumber(), today)).body();
    assertThat(api.post("/api/v1/visitors/check-in", host, Map.of("qrToken", pass.get("qrToken").asText())).status())
        .isEqualTo(403);

    long otherStaff = jdbc.sql("select staff_id from user_account where username = 'liaison'").query(Long.class)
        .single();
    Map<String, Object> forAnother = Visitors.visit(Visitors.freshName(), Visitors.freshIdNumber(), today);
    forAnother.put("hostStaffId", otherStaff);
    assertThat(api.post("/api/v1/visitors", host, forAnother).status()).isEqualTo(403);
    // the gate may announce a visitor for any host of its region
    assertThat(api.post("/api/v1/visitors", guard, forAnother).status()).isEqualTo(201);
    // another host does not see the visit
    assertThat(api.get("/api/v1/visitors/" + pass.get("id").asLong(), api.tokenFor("liaison")).status())
        .isEqualTo(404);
  }

  private java.util.List<String> audits(long visitId) {
    return jdbc.sql("""
        select action from audit_event where entity_type = 'access_visit' and entity_id = :id order by id""")
        .param("id", String.valueOf(visitId)).query(String.class).list();
  }
}
