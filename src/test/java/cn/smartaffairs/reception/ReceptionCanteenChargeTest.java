package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A working meal in the staff canteen is charged to the host unit through the canteen's unit charges, once. */
@IntegrationTest
class ReceptionCanteenChargeTest {

  static final LocalDate ARRIVAL = LocalDate.of(2026, 12, 22);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  ReceptionFixtures fixtures;
  String liaison;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new ReceptionFixtures(api, jdbc);
    liaison = api.tokenFor("liaison");
  }

  /** Three guests and two accompanying diners at ¥80 a head, lunch in the staff canteen: ¥400 for the unit. */
  long approvedWithACanteenLunch() {
    var letter = fixtures.letter(3, ARRIVAL, 2, 8000);
    letter.put("meals", List.of(Map.of("date", ARRIVAL.toString(), "kind", "LUNCH", "accompanying", 2,
        "pricePerPersonFen", 8000, "inCanteen", true)));
    var registered = fixtures.register(letter);
    assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
    long id = registered.body().get("id").asLong();
    long meal = mealOf(id);
    assertThat(api.post("/api/v1/receptions/" + id + "/meals/" + meal + "/canteen-charge", liaison, Map.of())
        .status()).as("nothing is charged before approval").isEqualTo(409);
    assertThat(api.post("/api/v1/receptions/" + id + "/submission", liaison, Map.of()).status()).isEqualTo(200);
    fixtures.approve(id);
    return id;
  }

  long mealOf(long id) {
    return fixtures.status(id).get("meals").get(0).get("id").asLong();
  }

  @Test
  void theCanteenMealIsChargedOnceAndTheReceptionClosesWithItsFourDocuments() {
    long id = approvedWithACanteenLunch();
    long meal = mealOf(id);
    String path = "/api/v1/receptions/" + id;

    var charged = api.post(path + "/meals/" + meal + "/canteen-charge", liaison, Map.of());
    assertThat(charged.status()).as(String.valueOf(charged.body())).isEqualTo(201);
    String chargeNo = charged.body().get("chargeNo").asText();
    assertThat(charged.body().get("amountFen").asLong()).isEqualTo(5 * 8000);
    assertThat(charged.body().get("unitId").asLong()).isEqualTo(fixtures.financeUnit());
    var again = api.post(path + "/meals/" + meal + "/canteen-charge", liaison, Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).contains(chargeNo);
    assertThat(jdbc.sql("select count(*) from canteen_unit_charge where reference = :r")
        .param("r", "reception-" + id + "-meal-" + meal).query(Long.class).single()).isEqualTo(1);

    var consumption = api.get(path + "/consumption", liaison).body();
    assertThat(consumption).hasSize(1);
    assertThat(consumption.get(0).get("category").asText()).isEqualTo("MEAL");
    assertThat(consumption.get(0).get("amountFen").asLong()).isEqualTo(40000);
    assertThat(consumption.get(0).get("invoiceNo").asText()).isEqualTo(chargeNo);
    assertThat(fixtures.status(id).get("meals").get(0).get("canteenChargeNo").asText()).isEqualTo(chargeNo);

    var list = Map.of("activity", "座谈调研预算绩效管理", "place", "市机关食堂", "signedBy", "财政局负责人");
    assertThat(api.post(path + "/documents/reception-list", liaison, list).status()).isEqualTo(200);
    var documents = api.get(path + "/documents", liaison).body();
    assertThat(documents.get("letter").asBoolean()).isTrue();
    assertThat(documents.get("approvalForm").asBoolean()).isTrue();
    assertThat(documents.get("consumptionList").asBoolean()).isTrue();
    assertThat(documents.get("receptionList").asBoolean()).isTrue();
    var closed = api.post(path + "/closing", liaison, Map.of());
    assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
    assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.body().get("list").get("totalFen").asLong()).isEqualTo(40000);
    assertThat(api.post(path + "/meals/" + meal + "/canteen-charge", liaison, Map.of()).status())
        .as("closed").isEqualTo(409);
  }

  @Test
  void theReceptionPagesButtonChargesTheMealAndThenShowsItsChargeNumber() {
    long id = approvedWithACanteenLunch();
    long meal = mealOf(id);
    WebSession session = new WebSession(port).signedInAs("liaison", ApiClient.DEMO_PASSWORD);
    var page = session.get("/receptions/" + id);
    assertThat(page.body()).contains("id=\"charge-meal-" + meal + "\"");

    var posted = session.post("/receptions/" + id + "/meals/" + meal + "/canteen-charge",
        Map.of("_csrf", page.csrfToken(), "version", fixtures.status(id).get("version").asText()));
    assertThat(posted.status()).isEqualTo(302);
    String shown = session.get(posted.redirectPath()).body();
    String chargeNo = jdbc.sql("select charge_no from canteen_unit_charge where reference = :r")
        .param("r", "reception-" + id + "-meal-" + meal).query(String.class).single();
    assertThat(shown).contains("已记入接待单位的食堂挂账 " + chargeNo).contains("id=\"meal-charge-" + meal + "\"")
        .doesNotContain("id=\"charge-meal-" + meal + "\"");
    assertThat(jdbc.sql("select count(*) from reception_consumption where reception_id = :id and invoice_no = :no")
        .param("id", id).param("no", chargeNo).query(Long.class).single()).isEqualTo(1);
  }
}
