package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plan's rooms, the 消费清单, the generated 接待清单 and closing only with four consistent documents. */
@IntegrationTest
class ReceptionDocumentsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReceptionRuleTables rules;
  @Autowired Accounts accounts;
  @Autowired ReceptionRegister register;
  ApiClient api;
  ReceptionFixtures fixtures;
  String liaison;
  static final LocalDate ARRIVAL = LocalDate.of(2026, 12, 21);

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new ReceptionFixtures(api, jdbc);
    liaison = api.tokenFor("liaison");
  }

  long hotel() {
    return rules.addHotel(ReceptionFixtures.fresh("云溪宾馆"), "云溪市迎宾路1号",
        accounts.loadUserByUsername("region.admin"));
  }

  @Test
  void roomsFollowTheGuestsGradeAtDesignatedHotelsOnly() {
    var letter = fixtures.letter(2, ARRIVAL, 1, 5000);
    letter.put("guests", List.of(Map.of("name", "王厅长", "unit", "省财政厅", "post", "厅长", "grade", "BUREAU_HEAD"),
        Map.of("name", "李科长", "unit", "省财政厅", "post", "科长")));
    long id = fixtures.register(letter).body().get("id").asLong();
    var guests = fixtures.status(id).get("guests");
    long bureauHead = guests.get(0).get("id").asLong();
    long hotel = hotel();
    var suite = api.post("/api/v1/receptions/" + id + "/stays", liaison, Map.of("guestId", bureauHead, "hotelId",
        hotel, "roomKind", "SUITE", "nights", 1, "pricePerNightFen", 40000));
    assertThat(suite.status()).isEqualTo(400);
    assertThat(suite.body().get("detail").asText()).contains("只能安排标准间");
    var standard = api.post("/api/v1/receptions/" + id + "/stays", liaison, Map.of("guestId", bureauHead, "hotelId",
        hotel, "roomKind", "STANDARD", "nights", 1, "pricePerNightFen", 45000));
    assertThat(standard.status()).isEqualTo(200);
    assertThat(standard.body().get("estimatedCostFen").asLong()).isEqualTo(3 * 5000 + 45000);
    var tooDear = api.post("/api/v1/receptions/" + id + "/stays", liaison, Map.of("guestId",
        guests.get(1).get("id").asLong(), "hotelId", hotel, "roomKind", "STANDARD", "nights", 1,
        "pricePerNightFen", 30001));
    assertThat(tooDear.body().get("detail").asText()).contains("超过住宿标准");
    long otherRegionsHotel = rules.addHotel(ReceptionFixtures.fresh("青山宾馆"), null,
        accounts.loadUserByUsername("county.admin"));
    var notDesignated = api.post("/api/v1/receptions/" + id + "/stays", liaison, Map.of("guestId",
        guests.get(1).get("id").asLong(), "hotelId", otherRegionsHotel, "roomKind", "STANDARD", "nights", 1,
        "pricePerNightFen", 20000));
    assertThat(notDesignated.body().get("detail").asText()).contains("定点饭店");
  }

  @Test
  void aReceptionClosesOnlyWhenItsFourDocumentsAgree() throws Exception {
    long id = fixtures.registered(3, ARRIVAL);
    String path = "/api/v1/receptions/" + id;
    assertThat(api.post(path + "/consumption", liaison, line("工作餐", 40000)).status())
        .as("no bill before approval").isEqualTo(409);
    api.post(path + "/submission", liaison, Map.of());
    assertThat(api.put(path + "/meals", liaison, List.of()).status()).as("the plan is fixed while approving")
        .isEqualTo(409);
    fixtures.approve(id);

    var banned = api.post(path + "/consumption", liaison, line("贵州茅台 1瓶", 150000));
    assertThat(banned.status()).isEqualTo(400);
    assertThat(banned.body().get("detail").asText()).contains("茅台");
    assertThat(api.post(path + "/consumption", liaison, line("工作餐（5人）", 40000)).status()).isEqualTo(201);
    assertThat(api.post(path + "/closing", liaison, Map.of()).body().get("detail").asText())
        .contains("尚未生成接待清单");

    var list = Map.of("activity", "座谈调研预算绩效管理", "place", "市财政局三楼会议室", "signedBy", "财政局负责人");
    assertThat(api.post(path + "/documents/reception-list", liaison, list).status()).isEqualTo(200);
    assertThat(api.post(path + "/consumption", liaison, Map.of("spentOn", ARRIVAL.toString(), "category", "ROOM",
        "item", "云溪宾馆标准间", "amountFen", 30000, "invoiceNo", "No.0001")).status()).isEqualTo(201);
    var stale = api.post(path + "/closing", liaison, Map.of());
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.body().get("detail").asText()).contains("¥400.00", "¥700.00");

    api.post(path + "/documents/reception-list", liaison, list);
    var documents = api.get(path + "/documents", liaison).body();
    assertThat(documents.get("letter").asBoolean()).isTrue();
    assertThat(documents.get("approvalForm").asBoolean()).isTrue();
    assertThat(documents.get("consumptionList").asBoolean()).isTrue();
    assertThat(documents.get("receptionList").asBoolean()).isTrue();
    var closed = api.post(path + "/closing", liaison, Map.of());
    assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
    assertThat(closed.body().get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.body().get("list").get("totalFen").asLong()).isEqualTo(70000);
    var month = register.totals(accounts.loadUserByUsername("region.admin"), ARRIVAL.withDayOfMonth(1),
        ARRIVAL.withDayOfMonth(1).plusMonths(1));
    assertThat(month).anySatisfy(total -> {
      assertThat(total.unitName()).isEqualTo("市财政局");
      assertThat(total.guests()).isGreaterThanOrEqualTo(3);
      assertThat(total.costFen()).isGreaterThanOrEqualTo(70000);
    });
    assertThat(register.totals(accounts.loadUserByUsername("county.admin"), ARRIVAL.withDayOfMonth(1),
        ARRIVAL.withDayOfMonth(1).plusMonths(1))).noneSatisfy(
            total -> assertThat(total.unitName())
                .isEqualTo("市财政局"));

    HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path + "/documents/reception-list.pdf"))
        .header("Authorization", "Bearer " + liaison).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    assertThat(api.post(path + "/consumption", liaison, line("补记", 100)).status()).as("closed").isEqualTo(409);
  }

  Map<String, Object> line(String item, long fen) {
    return Map.of("spentOn", ARRIVAL.toString(), "category", "MEAL", "item", item, "amountFen", fen);
  }
}
