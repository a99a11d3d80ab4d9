package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The space API: the shapes integrators rely on, and every answer limited to the caller's scope. */
@IntegrationTest
class SpaceApiTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Accounts accounts;
  ApiClient api;
  SpaceFixtures fixtures;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new SpaceFixtures(context);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void complianceAnswersPeopleAndUnitsWithAreasAsNumbers() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 1);
    long person = fixtures.person(unit, "SECTION_HEAD");
    fixtures.officeFor(unit, "21.5", today.minusDays(10), person);

    var answer = api.get("/api/v1/space/compliance?unitId=" + unit, api.tokenFor("space.manager"));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode people = answer.body().get("people");
    assertThat(people).hasSize(1);
    JsonNode one = people.get(0);
    assertThat(one.get("staffId").asLong()).isEqualTo(person);
    assertThat(one.get("name").isTextual()).isTrue();
    assertThat(one.get("rank").asText()).isEqualTo("乡科级正职");
    assertThat(one.get("allowedArea").isNumber()).isTrue();
    assertThat(one.get("allowedArea").decimalValue()).isEqualByComparingTo("9");
    assertThat(one.get("occupiedArea").decimalValue()).isEqualByComparingTo("21.5");
    assertThat(one.get("excess").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(one.get("rule").asText()).contains("市级机关");
    JsonNode unitRow = answer.body().get("units").get(0);
    assertThat(unitRow.get("unitId").asLong()).isEqualTo(unit);
    assertThat(unitRow.get("allowedArea").decimalValue()).isEqualByComparingTo("15");
    assertThat(unitRow.get("occupiedArea").decimalValue()).isEqualByComparingTo("21.5");
    assertThat(unitRow.get("excess").decimalValue()).isEqualByComparingTo("6.5");
  }

  @Test
  void eachCallerSeesOnlyTheirScope() {
    CurrentUser liaison = accounts.loadUserByUsername("liaison");
    CurrentUser staff = accounts.loadUserByUsername("staff");
    long finance = liaison.unitId();
    long otherUnit = fixtures.unit(GovernmentLevel.CITY, 5);
    long stranger = fixtures.person(otherUnit, "LEVEL_OFFICER_1");
    fixtures.officeFor(otherUnit, "12", today.minusDays(5), stranger);
    long colleague = fixtures.person(finance, "LEVEL_OFFICER_1");
    long financeRoom = fixtures.officeFor(finance, "12", today.minusDays(5), colleague);

    JsonNode unitView = api.get("/api/v1/space/compliance", api.tokenFor("liaison")).body();
    assertThat(ids(unitView.get("people"), "staffId")).contains(colleague).doesNotContain(stranger);
    assertThat(ids(unitView.get("units"), "unitId")).containsOnly(finance);
    JsonNode rooms = api.get("/api/v1/space/rooms", api.tokenFor("liaison")).body();
    assertThat(ids(rooms, "id")).contains(financeRoom);
    assertThat(ids(rooms, "unitId")).containsOnly(finance);

    JsonNode own = api.get("/api/v1/space/compliance", api.tokenFor("staff")).body();
    assertThat(ids(own.get("people"), "staffId")).allMatch(id -> id.equals(staff.staffId()));
    assertThat(own.get("units")).isEmpty();
    assertThat(api.get("/api/v1/space/rooms/" + financeRoom, api.tokenFor("staff")).status()).isEqualTo(404);

    JsonNode county = api.get("/api/v1/space/compliance?unitId=" + otherUnit, api.tokenFor("county.admin")).body();
    assertThat(county.get("people")).isEmpty();
    assertThat(county.get("units")).isEmpty();
    assertThat(api.get("/api/v1/space/compliance", null).status()).isEqualTo(401);
  }

  @Test
  void allocatingTheSameRoomTwiceAnswers409InChinese() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long other = fixtures.unit(GovernmentLevel.CITY, 5);
    long room = fixtures.room(fixtures.buildingWithFloor(), "20", RoomKind.OFFICE);
    String token = api.tokenFor("space.manager");
    var created = api.post("/api/v1/space/agreements", token, Map.of("unitId", unit, "agreementNo",
        SpaceFixtures.fresh("A-"), "termFrom", today.toString(), "roomIds", List.of(room)));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("area").decimalValue()).isEqualByComparingTo("20");

    var refused = api.post("/api/v1/space/agreements", token, Map.of("unitId", other, "agreementNo",
        SpaceFixtures.fresh("A-"), "termFrom", today.plusDays(3).toString(), "roomIds", List.of(room)));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("detail").asText()).contains("不能同时分配给两个单位");

    var bad = api.post("/api/v1/space/agreements", token, Map.of("unitId", other, "agreementNo", "",
        "termFrom", today.toString(), "roomIds", List.of(room)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.post("/api/v1/space/agreements", api.tokenFor("staff"), Map.of("unitId", other, "agreementNo",
        "X", "termFrom", today.toString(), "roomIds", List.of(room))).status()).isEqualTo(403);
  }

  @Test
  void theOpenApiDescriptionDocumentsTheSpaceEndpoints() {
    var docs = api.get("/v3/api-docs", api.tokenFor("space.manager"));
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body().get("paths").has("/api/v1/space/compliance")).isTrue();
    assertThat(docs.body().get("paths").has("/api/v1/space/rooms")).isTrue();
    assertThat(docs.body().get("components").get("schemas").get("PersonCompliance").get("properties").has("excess"))
        .isTrue();
  }

  private static List<Long> ids(JsonNode array, String field) {
    List<Long> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get(field).isNull() ? null : node.get(field).asLong()));
    return ids;
  }
}
