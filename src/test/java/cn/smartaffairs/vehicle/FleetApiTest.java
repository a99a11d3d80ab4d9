package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registering vehicles: within quota and caps it works; over quota or over a cap it is refused naming the rule. */
@IntegrationTest
class FleetApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  ApiClient api;
  VehicleFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new VehicleFixtures(api, jdbc, accounts);
    manager = api.tokenFor("vehicle.manager");
  }

  @Test
  void aRegisteredVehicleIsListedInTheScopeOfItsRegionOnly() {
    long unit = fixtures.unit("YX", "市教育局");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    JsonNode vehicle = fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER"));
    String plate = vehicle.get("plate").asText();
    assertThat(vehicle.get("status").asText()).isEqualTo("IN_SERVICE");

    assertThat(plates(api.get("/api/v1/vehicles", manager).body())).contains(plate);
    assertThat(plates(api.get("/api/v1/vehicles", api.tokenFor("qs.vehicle")).body())).doesNotContain(plate)
        .contains("云A0Q701");
    assertThat(api.get("/api/v1/vehicles", api.tokenFor("staff")).body()).isEmpty();
    assertThat(api.get("/api/v1/vehicles/" + vehicle.get("id").asLong(), api.tokenFor("qs.vehicle")).status())
        .isEqualTo(404);
    long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'vehicle' and entity_id = :id")
        .param("id", vehicle.get("id").asText()).query(Long.class).single();
    assertThat(audited).isEqualTo(1);
  }

  @Test
  void overQuotaIsRefusedNamingTheUnitAndItsQuota() {
    long unit = fixtures.unit("YX", "市统计局");
    fixtures.roomInQuota(manager, unit, "EMERGENCY", 1);
    fixtures.register(manager, VehicleFixtures.vehicle(unit, "EMERGENCY"));
    long before = jdbc.sql("select count(*) from vehicle where unit_id = :u").param("u", unit).query(Long.class)
        .single();

    var refused = api.post("/api/v1/vehicles", manager, VehicleFixtures.vehicle(unit, "EMERGENCY"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).startsWith("超编制：市统计局 的应急保障车辆编制为")
        .contains("不能再登记");
    assertThat(jdbc.sql("select count(*) from vehicle where unit_id = :u").param("u", unit).query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void overThePriceCapOfItsCategoryIsRefusedNamingTheRule() {
    long unit = fixtures.unit("YX", "市科学技术局");
    fixtures.roomInQuota(manager, unit, "CONFIDENTIAL", 2);
    Map<String, Object> tooDear = VehicleFixtures.vehicle(unit, "CONFIDENTIAL");
    tooDear.put("priceFen", 12_500_000L);
    tooDear.put("displacementMl", 1500);

    var refused = api.post("/api/v1/vehicles", manager, tooDear);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText())
        .isEqualTo("超标准：购置价格 125000.00 元超过机要通信车辆价格上限 120000.00 元（《党政机关公务用车管理办法》机要通信 ≤12万元，2017-12-01起施行）");

    // the same price is fine for a new-energy sedan, whose cap is 18万
    Map<String, Object> electric = VehicleFixtures.vehicle(unit, "CONFIDENTIAL");
    electric.put("plate", VehicleFixtures.freshNevPlate());
    electric.put("priceFen", 12_500_000L);
    electric.put("newEnergy", true);
    electric.put("displacementMl", null);
    fixtures.register(manager, electric);
  }

  @Test
  void overTheDisplacementCapIsRefused() {
    long unit = fixtures.unit("YX", "市交通运输局");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    Map<String, Object> big = VehicleFixtures.vehicle(unit, "OTHER");
    big.put("displacementMl", 1998);

    var refused = api.post("/api/v1/vehicles", manager, big);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("排量 1.998L 超过其他按规定配备车辆排量上限 1.8L");
  }

  @Test
  void aRegionsOwnCapVersionAppliesFromItsEffectiveDate() {
    String county = api.tokenFor("qs.vehicle");
    long unit = fixtures.unit("QS", "县教育局");
    fixtures.roomInQuota(county, unit, "LAW_ENFORCEMENT", 2);
    var version = api.post("/api/v1/vehicle-rules", county,
        Map.of("key", "PRICE_CAP_FEN", "category", "LAW_ENFORCEMENT",
            "value", 10_000_000, "effectiveFrom", "2020-01-01", "national", false, "source", "青山县公务用车标准"));
    assertThat(version.status()).isEqualTo(201);
    Map<String, Object> recent = VehicleFixtures.vehicle(unit, "LAW_ENFORCEMENT");
    recent.put("priceFen", 12_000_000L);

    var refused = api.post("/api/v1/vehicles", county, recent);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("上限 100000.00 元（青山县公务用车标准，2020-01-01起施行）");

    // bought before the county's own version: the national cap of 18万 was in force
    recent.put("purchasedOn", "2019-06-01");
    fixtures.register(county, recent);
    // the city keeps the national cap
    long cityUnit = fixtures.unit("YX", "市生态环境局");
    fixtures.roomInQuota(manager, cityUnit, "LAW_ENFORCEMENT", 1);
    Map<String, Object> city = VehicleFixtures.vehicle(cityUnit, "LAW_ENFORCEMENT");
    city.put("priceFen", 12_000_000L);
    fixtures.register(manager, city);
  }

  @Test
  void badPlatesForeignBrandsAndStrangersAreRefused() {
    long unit = fixtures.unit("YX", "市住房和城乡建设局");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    Map<String, Object> badPlate = VehicleFixtures.vehicle(unit, "OTHER");
    badPlate.put("plate", "云I1234");
    assertThat(api.post("/api/v1/vehicles", manager, badPlate).body().get("detail").asText()).contains("不是有效的中国机动车号牌");
    Map<String, Object> foreign = VehicleFixtures.vehicle(unit, "OTHER");
    foreign.put("domestic", false);
    foreign.put("brand", "丰田");
    var refused = api.post("/api/v1/vehicles", manager, foreign);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("国产").contains("丰田");
    assertThat(api.post("/api/v1/vehicles", api.tokenFor("staff"), VehicleFixtures.vehicle(unit, "OTHER")).status())
        .isEqualTo(403);
    // another region's unit is not found, as an unknown one, so its id cannot be probed
    assertThat(
        api.post("/api/v1/vehicles", api.tokenFor("qs.vehicle"), VehicleFixtures.vehicle(unit, "OTHER")).status())
        .isEqualTo(404);
  }

  private static java.util.List<String> plates(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(v -> v.get("plate").asText()).toList();
  }
}
