package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data scope of office space: a county admin (青山县) neither reads a city agreement or its certificate nor returns a
 * city room or ends a city office — 404, never 403, and nothing changes — nor sees a city person's compliance line.
 */
@IntegrationTest
class SpaceScopeTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  SpaceFixtures fixtures;
  LocalDate today;
  String countyAdmin;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new SpaceFixtures(context);
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    countyAdmin = api.tokenFor("county.admin");
  }

  @Test
  void aCountyAdminCannotReadACityAgreementOrDownloadItsCertificate() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long room = fixtures.room(fixtures.buildingWithFloor(), "18", RoomKind.OFFICE);
    long agreement = fixtures.allocate(unit, today.minusDays(3), room).id();

    assertThat(api.get("/api/v1/space/agreements/" + agreement, countyAdmin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/space/agreements/" + agreement + "/certificate.pdf", countyAdmin).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/space/rooms/" + room + "/history", countyAdmin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/space/agreements/" + agreement, api.tokenFor("space.manager")).status())
        .isEqualTo(200);
  }

  @Test
  void aCountyAdminCannotReturnACityRoomNorEndACityOffice() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long person = fixtures.person(unit, "LEVEL_OFFICER_1");
    long room = fixtures.officeFor(unit, "12", today.minusDays(10), person);
    long allocation = jdbc.sql("select id from space_unit_allocation where room_id = :room and valid_to is null")
        .param("room", room).query(Long.class).single();
    long office = jdbc.sql("select id from space_office_assignment where room_id = :room and valid_to is null")
        .param("room", room).query(Long.class).single();

    ApiClient.Answer returned = api.post("/api/v1/space/allocations/" + allocation + "/return", countyAdmin,
        Map.of("on", today.toString()));
    ApiClient.Answer ended = api.post("/api/v1/space/offices/" + office + "/end", countyAdmin,
        Map.of("on", today.toString()));
    ApiClient.Answer postEnded = api.post("/api/v1/space/offices/" + office + "/concurrent-post-ended", countyAdmin,
        Map.of("on", today.toString()));

    assertThat(returned.status()).isEqualTo(404);
    assertThat(ended.status()).isEqualTo(404);
    assertThat(postEnded.status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from space_unit_allocation where id = :id and valid_to is null")
        .param("id", allocation).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from space_office_assignment where id = :id and valid_to is null")
        .param("id", office).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aCountyAdminDoesNotSeeACityPersonsComplianceLine() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 1);
    long person = fixtures.person(unit, "SECTION_HEAD");
    fixtures.officeFor(unit, "30", today.minusDays(4), person);

    JsonNode county = api.get("/api/v1/space/compliance?unitId=" + unit, countyAdmin).body();
    JsonNode city = api.get("/api/v1/space/compliance?unitId=" + unit, api.tokenFor("space.manager")).body();

    assertThat(staffIds(county.get("people"))).doesNotContain(person);
    assertThat(county.get("units")).isEmpty();
    assertThat(staffIds(city.get("people"))).containsExactly(person);
  }

  @Test
  void aCountyAdminCannotRecordARankChangeOfACityPerson() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 3);
    long person = fixtures.person(unit, "LEVEL_OFFICER_1");

    ApiClient.Answer answer = api.post("/api/v1/space/rank-changes", countyAdmin, Map.of("staffId", person,
        "rankCode", "SECTION_HEAD", "effectiveFrom", today.toString()));

    assertThat(answer.status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from space_rank_change where staff_id = :s").param("s", person)
        .query(Long.class).single()).isZero();
  }

  private static List<Long> staffIds(JsonNode people) {
    List<Long> ids = new ArrayList<>();
    people.forEach(p -> ids.add(p.get("staffId").asLong()));
    return ids;
  }
}
