package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small builders for receptions of the demo city's 市财政局 (its liaison registers, its head and the region admin approve). */
final class ReceptionFixtures {

  final ApiClient api;
  final JdbcClient jdbc;

  ReceptionFixtures(ApiClient api, JdbcClient jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  long financeUnit() {
    return jdbc.sql("select u.id from org_unit u where u.name = '市财政局' order by u.id limit 1").query(Long.class)
        .single();
  }

  static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A letter of {@code guests} guests visiting from {@code arrival} for two days, with one lunch. */
  Map<String, Object> letter(int guests, LocalDate arrival, int accompanying, long pricePerPersonFen) {
    List<Map<String, Object>> people = new ArrayList<>();
    for (int i = 1; i <= guests; i++) {
      people.add(Map.of("name", "来宾" + i, "unit", "省财政厅", "post", i == 1 ? "处长" : "科员"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hostUnitId", financeUnit());
    body.put("letterNo", fresh("省财函〔2026〕"));
    body.put("guestUnit", "省财政厅");
    body.put("purpose", "调研预算绩效管理工作");
    body.put("arrival", arrival.toString());
    body.put("departure", arrival.plusDays(1).toString());
    body.put("guests", people);
    body.put("meals", List.of(Map.of("date", arrival.toString(), "kind", "LUNCH", "accompanying", accompanying,
        "pricePerPersonFen", pricePerPersonFen)));
    return body;
  }

  ApiClient.Answer register(Map<String, Object> letter) {
    return api.post("/api/v1/receptions", api.tokenFor("liaison"), letter);
  }

  long registered(int guests, LocalDate arrival) {
    var answer = register(letter(guests, arrival, 2, 8000));
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    return answer.body().get("id").asLong();
  }

  /** Approves the reception's open tasks: the unit head's, then the region admin's; waits for the listener. */
  void approve(long receptionId) {
    long approvalId = status(receptionId).get("approvalRequestId").asLong();
    for (String approver : List.of("unit.head", "region.admin")) {
      String token = api.tokenFor(approver);
      boolean found = false;
      for (JsonNode task : api.get("/api/v1/approvals/tasks", token).body()) {
        if (task.get("requestId").asLong() == approvalId) {
          assertThat(api.post("/api/v1/approvals/tasks/" + task.get("taskId").asLong() + "/approve", token,
              Map.of("comment", "同意")).status()).isEqualTo(200);
          found = true;
        }
      }
      assertThat(found).as("task of " + approver).isTrue();
    }
    awaitStatus(receptionId, "APPROVED");
  }

  JsonNode status(long receptionId) {
    return api.get("/api/v1/receptions/" + receptionId, api.tokenFor("liaison")).body();
  }

  void awaitStatus(long receptionId, String status) {
    await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
        "select status from reception where id = :id").param("id", receptionId).query(String.class).single())
        .isEqualTo(status));
  }
}
