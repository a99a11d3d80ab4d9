package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each demo role sees exactly its part of the staff register and the unit list through the API: the platform
 * admin everything, region roles their region, unit roles their unit, everyone else only themself. The expected
 * sets come straight from the database, independently of the scope code under test.
 */
@IntegrationTest
class DataScopeByRoleTest {

  private static final String CITY = "YX";
  private static final String COUNTY = "QS";
  private static final String FINANCE = "市财政局";
  private static final String POLICE = "市公安局";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @Test
  void platformAdminSeesEveryStaffMemberAndEveryUnit() {
    String token = api.tokenFor("admin");

    assertThat(staffIds(token)).isEqualTo(ids("select id from staff"));
    assertThat(unitIds(token)).isEqualTo(ids("select id from unit"));
    assertThat(api.get("/api/v1/staff/" + staffOfRegion(COUNTY), token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/units/" + unitOfRegion(COUNTY), token).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"region.admin", "vehicle.manager", "space.manager", "meeting.manager", "canteen.manager",
      "repair.manager", "asset.manager"})
  void cityRolesSeeTheCityRegionOnly(String username) {
    String token = api.tokenFor(username);

    assertThat(staffIds(token)).isEqualTo(staffIdsOfRegion(CITY));
    assertThat(unitIds(token)).isEqualTo(unitIdsOfRegion(CITY));
    assertThat(api.get("/api/v1/staff?size=5", token).body().get("items"))
        .allSatisfy(item -> assertThat(item.get("regionName").asText()).isEqualTo("云溪市本级"));
    assertThat(api.get("/api/v1/staff/" + staffOfRegion(CITY), token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/units/" + unitOfRegion(CITY), token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/staff/" + staffOfRegion(COUNTY), token).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/units/" + unitOfRegion(COUNTY), token).status()).isEqualTo(404);
  }

  @Test
  void countyAdminSeesQingshanCountyOnly() {
    String token = api.tokenFor("county.admin");

    assertThat(staffIds(token)).isEqualTo(staffIdsOfRegion(COUNTY));
    assertThat(unitIds(token)).isEqualTo(unitIdsOfRegion(COUNTY));
    assertThat(api.get("/api/v1/units?size=5", token).body().get("items"))
        .allSatisfy(item -> assertThat(item.get("regionName").asText()).isEqualTo("青山县"));
    assertThat(api.get("/api/v1/staff/" + staffOfRegion(CITY), token).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/units/" + unitOfRegion(CITY), token).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unit.head", "liaison"})
  void unitRolesSeeTheFinanceBureauOnly(String username) {
    String token = api.tokenFor(username);
    long finance = unitNamed(FINANCE);

    assertThat(staffIds(token)).isEqualTo(ids("select id from staff where unit_id = " + finance));
    assertThat(unitIds(token)).containsExactly(finance);
    assertThat(api.get("/api/v1/staff/" + staffOfUnit(FINANCE), token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/units/" + finance, token).status()).isEqualTo(200);
    var outside = api.get("/api/v1/staff/" + staffOfUnit(POLICE), token);
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.body().get("detail").asText()).contains("或您无权查看");
    assertThat(api.get("/api/v1/units/" + unitNamed(POLICE), token).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staff", "driver", "worker"})
  void peopleWithoutAnAdministrativeRoleSeeOnlyThemselvesAndTheirUnit(String username) {
    String token = api.tokenFor(username);
    long self = jdbc.sql("select staff_id from user_account where username = :u").param("u", username)
        .query(Long.class).single();
    long ownUnit = jdbc.sql("select unit_id from staff where id = :id").param("id", self).query(Long.class).single();
    long colleague = jdbc.sql("select id from staff where unit_id = :unit and id <> :self order by id limit 1")
        .param("unit", ownUnit).param("self", self).query(Long.class).single();
    long otherUnitOfTheRegion = jdbc.sql("""
        select id from unit where region_id = (select region_id from unit where id = :unit) and id <> :unit
         order by id limit 1""").param("unit", ownUnit).query(Long.class).single();

    var staffList = api.get("/api/v1/staff", token).body();
    assertThat(staffList.get("total").asLong()).isEqualTo(1);
    assertThat(staffList.get("items").get(0).get("id").asLong()).isEqualTo(self);
    assertThat(unitIds(token)).containsExactly(ownUnit);
    assertThat(api.get("/api/v1/staff/" + self, token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/units/" + ownUnit, token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/staff/" + colleague, token).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/units/" + otherUnitOfTheRegion, token).status()).isEqualTo(404);
  }

  @Test
  void filtersCannotWidenTheScope() {
    String token = api.tokenFor("liaison");
    long police = unitNamed(POLICE);

    assertThat(api.get("/api/v1/staff?unitId=" + police, token).body().get("total").asLong()).isZero();
    long county = jdbc.sql("select id from region where code = :c").param("c", COUNTY).query(Long.class).single();
    assertThat(api.get("/api/v1/units?regionId=" + county, token).body().get("total").asLong()).isZero();
    assertThat(api.get("/api/v1/units/" + police + "/departments", token).status()).isEqualTo(404);
  }

  /** Every id the API lists for the caller, across all pages. */
  private Set<Long> staffIds(String token) {
    return everyId("/api/v1/staff", token);
  }

  private Set<Long> unitIds(String token) {
    return everyId("/api/v1/units", token);
  }

  private Set<Long> everyId(String path, String token) {
    Set<Long> ids = new HashSet<>();
    long total;
    int page = 0;
    do {
      var answer = api.get(path + "?size=200&page=" + page++, token);
      assertThat(answer.status()).isEqualTo(200);
      total = answer.body().get("total").asLong();
      for (JsonNode item : answer.body().get("items")) {
        ids.add(item.get("id").asLong());
      }
      assertThat(page).as("paging through " + path).isLessThan(100);
    } while (ids.size() < total);
    assertThat(ids).hasSize((int) total);
    return ids;
  }

  private Set<Long> ids(String sql) {
    return new HashSet<>(jdbc.sql(sql).query(Long.class).list());
  }

  private Set<Long> staffIdsOfRegion(String code) {
    return new HashSet<>(jdbc.sql("select s.id from staff s join region r on r.id = s.region_id where r.code = :c")
        .param("c", code).query(Long.class).list());
  }

  private Set<Long> unitIdsOfRegion(String code) {
    return new HashSet<>(jdbc.sql("select u.id from unit u join region r on r.id = u.region_id where r.code = :c")
        .param("c", code).query(Long.class).list());
  }

  private long staffOfRegion(String code) {
    return first("select s.id from staff s join region r on r.id = s.region_id where r.code = :v order by s.id", code);
  }

  private long unitOfRegion(String code) {
    return first("select u.id from unit u join region r on r.id = u.region_id where r.code = :v order by u.id", code);
  }

  private long staffOfUnit(String unitName) {
    return first("select s.id from staff s where s.unit_id = (select id from unit where name = :v) order by s.id",
        unitName);
  }

  private long unitNamed(String name) {
    return first("select id from unit where name = :v", name);
  }

  private long first(String sql, String value) {
    List<Long> found = jdbc.sql(sql).param("v", value).query(Long.class).list();
    assertThat(found).as(sql + " with " + value).isNotEmpty();
    return found.get(0);
  }
}
