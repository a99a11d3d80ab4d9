package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.ApprovalSubjects;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /api/v1/receptions: 201 with id and status, or 400 naming the broken rule in Chinese; then approval. */
@IntegrationTest
class ReceptionApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApprovalSubjects subjects;
  ApiClient api;
  ReceptionFixtures fixtures;
  static final LocalDate ARRIVAL = LocalDate.of(2026, 12, 14);

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new ReceptionFixtures(api, jdbc);
  }

  @Test
  void aLetterWithARuleAbidingMealIsRegistered() {
    var letter = fixtures.letter(4, ARRIVAL, 3, 9000);
    var answer = fixtures.register(letter);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().get("status").asText()).isEqualTo("REGISTERED");
    long id = answer.body().get("id").asLong();
    var reception = api.get("/api/v1/receptions/" + id, api.tokenFor("liaison")).body();
    assertThat(reception.get("letterNo").asText()).isEqualTo(letter.get("letterNo"));
    assertThat(reception.get("guests")).hasSize(4);
    assertThat(reception.get("meals").get(0).get("accompanying").asInt()).isEqualTo(3);
    assertThat(reception.get("estimatedCostFen").asLong()).isEqualTo(7 * 9000);
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'reception' and entity_id = :id")
        .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void noLetterNoReception() {
    var letter = fixtures.letter(2, ARRIVAL, 1, 5000);
    letter.put("letterNo", "");
    var answer = fixtures.register(letter);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("没有公函不得接待");
  }

  @Test
  void aFourthAccompanyingDinerForTenGuestsIsRefusedAndForTwelveAllowed() {
    var refused = fixtures.register(fixtures.letter(10, ARRIVAL, 4, 5000));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("陪餐人数", "不得超过 3 人");
    assertThat(fixtures.register(fixtures.letter(12, ARRIVAL, 4, 5000)).status()).isEqualTo(201);
  }

  @Test
  void aMealOverTheRegionsStandardIsRefused() {
    var answer = fixtures.register(fixtures.letter(3, ARRIVAL, 1, 9001));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("超过用餐标准", "¥90.01", "¥90.00");
  }

  @Test
  void aSecondWorkingMealIsRefused() {
    var letter = fixtures.letter(3, ARRIVAL, 1, 5000);
    letter.put("meals", List.of(Map.of("date", ARRIVAL.toString(), "kind", "LUNCH", "accompanying", 1,
        "pricePerPersonFen", 5000),
        Map.of("date", ARRIVAL.plusDays(1).toString(), "kind", "LUNCH", "accompanying",
            1, "pricePerPersonFen", 5000)));
    var answer = fixtures.register(letter);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("工作餐");
  }

  @Test
  void theSameLetterIsRegisteredOnce() {
    var letter = fixtures.letter(2, ARRIVAL, 1, 5000);
    assertThat(fixtures.register(letter).status()).isEqualTo(201);
    assertThat(fixtures.register(letter).status()).isEqualTo(409);
  }

  @Test
  void anotherUnitsPeopleDoNotSeeTheReception() {
    long id = fixtures.registered(2, ARRIVAL);
    assertThat(api.get("/api/v1/receptions/" + id, api.tokenFor("staff")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/receptions/" + id, api.tokenFor("county.admin")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/receptions/" + id, api.tokenFor("region.admin")).status()).isEqualTo(200);
  }

  @Test
  void theApprovalFormGoesToTheUnitHeadThenTheBureauWhoSeeTheGuestsAndCost() {
    long id = fixtures.registered(3, ARRIVAL);
    var submitted = api.post("/api/v1/receptions/" + id + "/submission", api.tokenFor("liaison"), Map.of());
    assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(200);
    assertThat(submitted.body().get("status").asText()).isEqualTo("PENDING_APPROVAL");
    long approvalId = submitted.body().get("approvalRequestId").asLong();
    var summary = subjects.summary(approvalId, Receptions.APPROVAL_TYPE, Locale.SIMPLIFIED_CHINESE).orElseThrow();
    String words = summary.lines().toString();
    assertThat(words).contains("来宾1（省财政厅 处长）", "调研预算绩效管理工作", "午餐", "陪餐 2 人", "¥400.00",
        "肆佰元整");
    assertThat(api.post("/api/v1/receptions/" + id + "/submission", api.tokenFor("liaison"), Map.of()).status())
        .isEqualTo(409);
    fixtures.approve(id);
    assertThat(fixtures.status(id).get("status").asText()).isEqualTo("APPROVED");
  }
}
