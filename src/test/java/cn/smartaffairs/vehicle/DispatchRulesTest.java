package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Dispatch by hand keeps the hard rules: seats, category, shift, no overlap, and mutual aid only with both consents. */
@IntegrationTest
class DispatchRulesTest {

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
  void seatsCategoryShiftAndOverlapAreChecked() {
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 2);
    long car = fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong();
    long otherCar = fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong();
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    var otherDriver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate day = VehicleFixtures.weekday(6, 2);

    // no vehicle of the category seats six: refused when asked, before anyone approves or dispatches it
    assertRefused(fixtures.trySubmit("六人调研", 6, "OTHER", day.atTime(8, 0), day.atTime(9, 0), List.of("市档案馆")),
        400, "申请乘车 6 人，本区域的其他按规定配备车辆最多载客 4 人");
    long emergency = fixtures.approvedRequest("应急处置", 2, "EMERGENCY", day.atTime(8, 0), day.atTime(9, 0),
        List.of("市档案馆"));
    assertRefused(dispatch(emergency, car, driver.driverId()), 400, "不是申请所需的应急保障车辆");
    long evening = fixtures.approvedRequest("晚间会议", 2, "OTHER", day.atTime(19, 30), day.atTime(20, 30),
        List.of("会展中心"));
    assertRefused(dispatch(evening, car, driver.driverId()), 400, "超出驾驶员");

    long first = fixtures.approvedRequest("上午调研", 2, "OTHER", day.atTime(9, 0), day.atTime(11, 0), List.of("市人民医院"));
    var dispatched = dispatch(first, car, driver.driverId());
    assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(201);
    assertThat(dispatched.body().get("mode").asText()).isEqualTo("MANUAL");
    long driverUser = accounts.loadUserByUsername(driver.username()).userId();
    assertThat(jdbc.sql("select title from notification where user_id = :u").param("u", driverUser)
        .query(String.class).list()).anyMatch(title -> title.startsWith("新的出车任务：" + day + " 09:00–11:00"));
    long requester = accounts.loadUserByUsername("staff").userId();
    assertThat(jdbc.sql("select count(*) from notification where user_id = :u and body like :sheet")
        .param("u", requester).param("sheet", "%" + dispatched.body().get("sheetNo").asText() + "%")
        .query(Long.class).single()).isEqualTo(1);
    assertRefused(dispatch(first, otherCar, otherDriver.driverId()), 409, "不在待派车状态");

    long overlapping = fixtures.approvedRequest("上午检查", 2, "OTHER", day.atTime(10, 0), day.atTime(12, 0),
        List.of("市档案馆"));
    assertRefused(dispatch(overlapping, car, otherDriver.driverId()), 409, "该车辆在此时段已有派车任务");
    assertRefused(dispatch(overlapping, otherCar, driver.driverId()), 409, "该驾驶员在此时段已有派车任务");
    assertThat(dispatch(overlapping, otherCar, otherDriver.driverId()).status()).isEqualTo(201);

    // adjacent windows do not collide
    long afterwards = fixtures.approvedRequest("午间送件", 1, "OTHER", day.atTime(11, 0), day.atTime(12, 0),
        List.of("市档案馆"));
    var adjacent = dispatch(afterwards, car, driver.driverId());
    assertThat(adjacent.status()).isEqualTo(201);
    // cancelling puts the request back on the board and frees the vehicle for another request
    var cancelled = api.delete("/api/v1/vehicle-dispatches/" + adjacent.body().get("id").asLong(), manager);
    assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(api.get("/api/v1/vehicle-requests/" + afterwards, manager).body().get("status").asText())
        .isEqualTo("APPROVED");
    long replacement = fixtures.approvedRequest("午间取件", 1, "OTHER", day.atTime(11, 30), day.atTime(12, 0),
        List.of("市档案馆"));
    assertThat(dispatch(replacement, car, driver.driverId()).status()).isEqualTo(201);
  }

  @Test
  void anotherRegionServesOnlyWithTheConsentOfBothRegions() {
    String county = api.tokenFor("qs.vehicle");
    LocalDate day = VehicleFixtures.weekday(6, 4);
    long request = fixtures.approvedRequest("赴青山县督查", 3, "OTHER", day.atTime(9, 0), day.atTime(11, 0),
        List.of("青山县政府"));
    JsonNode countyVehicles = api.get("/api/v1/vehicles?status=IN_SERVICE", county).body();
    long countyCar = StreamSupport.stream(countyVehicles.spliterator(), false)
        .filter(v -> v.get("plate").asText().equals("云A0Q701")).findFirst().orElseThrow().get("id").asLong();
    long countyDriver = api.get("/api/v1/vehicle-drivers", county).body().get(0).get("id").asLong();

    // before the home region asks for aid the county cannot see the request: not found, as an unknown id
    assertRefused(dispatch(county, request, countyCar, countyDriver), 404, "未找到用车申请");
    assertThat(boardPurposes(county, day)).doesNotContain("赴青山县督查");
    assertThat(api.post("/api/v1/vehicle-requests/" + request + "/aid-consents", county, Map.of()).status())
        .as("a region cannot offer aid before the home region asked").isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from vehicle_aid_consent where request_id = :id").param("id", request)
        .query(Long.class).single()).isZero();
    // the home region asks for aid: the county's dispatcher now sees the request on its board
    assertThat(api.post("/api/v1/vehicle-requests/" + request + "/aid-consents", manager, Map.of()).status())
        .isEqualTo(200);
    assertThat(boardPurposes(county, day)).contains("赴青山县督查");
    assertRefused(dispatch(county, request, countyCar, countyDriver), 400, "双方同意");
    var consented = api.post("/api/v1/vehicle-requests/" + request + "/aid-consents", county, Map.of());
    assertThat(consented.body().get("consentRegionIds")).hasSize(2);
    assertThat(jdbc.sql("select count(*) from vehicle_aid_consent where request_id = :id").param("id", request)
        .query(Long.class).single()).isEqualTo(2);

    var served = dispatch(county, request, countyCar, countyDriver);
    assertThat(served.status()).as(String.valueOf(served.body())).isEqualTo(201);
    assertThat(served.body().get("aid").asBoolean()).isTrue();
    // the city's dispatcher may not hand out the county's car: to the city it is not found, as an unknown id
    long second = fixtures.approvedRequest("第二次督查", 2, "OTHER", day.atTime(13, 0), day.atTime(15, 0), List.of("青山县政府"));
    assertRefused(dispatch(manager, second, countyCar, countyDriver), 404, "未找到车辆");
  }

  private String boardPurposes(String token, LocalDate day) {
    return api.get("/api/v1/vehicle-board?date=" + day, token).body().findValues("purpose").toString();
  }

  @Test
  void onlyDispatchersSeeTheBoard() {
    assertThat(api.get("/api/v1/vehicle-board?date=" + VehicleFixtures.today(), api.tokenFor("staff")).status())
        .isEqualTo(403);
  }

  private ApiClient.Answer dispatch(long request, long vehicle, long driver) {
    return dispatch(manager, request, vehicle, driver);
  }

  private ApiClient.Answer dispatch(String token, long request, long vehicle, long driver) {
    return api.post("/api/v1/vehicle-dispatches", token, Map.of("requestId", request, "vehicleId", vehicle,
        "driverId", driver));
  }

  private static void assertRefused(ApiClient.Answer answer, int status, String message) {
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
    assertThat(answer.body().get("detail").asText()).contains(message);
  }
}
