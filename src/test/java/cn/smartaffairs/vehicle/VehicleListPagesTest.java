package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vehicle registers that grow page through the platform list: the trip register, a vehicle's costs, the
 * compliance flags, places and quotas are searched, sorted and exported with the same query.
 */
@IntegrationTest
class VehicleListPagesTest {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aTripWithoutSheetIsFoundInTheRegisterAndItsFlagIsHandledFromItsRow() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    String manager = api.tokenFor("vehicle.manager");
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    var car = fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER"));
    long carId = car.get("id").asLong();
    String plate = car.get("plate").asText();
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    String purpose = "列表登记测试-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate day = VehicleFixtures.today();
    int odometer = car.get("odometerKm").asInt();
    clock.stopAt(day.atTime(8, 0).atZone(VehicleFixtures.SHANGHAI).toInstant());
    String token = fixtures.tokenOfFresh(driver.username());
    long trip = api.post("/api/v1/vehicle-trips", token, Map.of("vehicleId", carId, "odometerKm", odometer,
        "purpose", purpose)).body().get("id").asLong();
    clock.stopAt(day.atTime(10, 0).atZone(VehicleFixtures.SHANGHAI).toInstant());
    assertThat(api.post("/api/v1/vehicle-trips/" + trip + "/end", token, Map.of("odometerKm", odometer + 12,
        "tollsFen", 1500)).status()).isEqualTo(200);
    clock.resume();
    WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);

    String register = page.get("/vehicles/trip-register?from=" + day + "&to=" + day + "&keyword=" + q(purpose)
        + "&sort=km").body();
    assertThat(register).contains(purpose, plate, "15.00", "id=\"list-total\">共 1 条");
    assertThat(register).contains("aria-sort=\"descending\"");
    var export = page.get("/vehicles/trip-register/export.xlsx?from=" + day + "&to=" + day + "&keyword=" + q(purpose));
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith(XLSX);

    String flags = page.get("/vehicles/compliance?kind=NO_DISPATCH_SHEET&keyword=" + q(plate)).body();
    assertThat(flags).contains(plate, "无派车单出车", "id=\"list-total\">共 1 条");
    assertThat(page.get("/vehicles/compliance/export.xlsx?keyword=" + q(plate)).header("Content-Type"))
        .startsWith(XLSX);
    String back = "/vehicles/compliance?kind=NO_DISPATCH_SHEET&keyword=" + q(plate);
    Map<String, String> handled = Map.of("_csrf", page.get(back).csrfToken(), "vehicleId", String.valueOf(carId),
        "kind", "NO_DISPATCH_SHEET", "day", day.toString(), "tripId", String.valueOf(trip), "back", back);
    var refused = page.post("/vehicles/compliance/handled", with(handled, "note", "说".repeat(501)));
    assertThat(refused.redirectPath()).isEqualTo(back);
    String shown = page.get(back).body();
    assertThat(FieldErrors.of(shown, "flag-note-0")).hasSize(1).allSatisfy(m -> assertThat(m).contains("500"));
    assertThat(shown).contains("<details class=\"mark-handled-toggle\" open=\"open\">");
    var done = page.post("/vehicles/compliance/handled", with(handled, "note", "已补派车单"));
    assertThat(done.redirectPath()).isEqualTo(back);
    assertThat(page.get(back).body()).contains("已将 " + plate + " 的“无派车单出车”预警标记为已处理", "已补派车单");
  }

  @Test
  void aVehiclesCostsAreSearchedSortedAndExported() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    String manager = api.tokenFor("vehicle.manager");
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    long car = fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong();
    String today = VehicleFixtures.today().toString();
    for (var cost : new Object[][] {{"MAINTENANCE", 186_000, "云溪市汽车维修定点厂"}, {"PARKING", 1_200, "会展中心停车场"},
        {"TOLL", 4_500, "云溪高速"}}) {
      assertThat(api.post("/api/v1/vehicle-costs", manager, Map.of("vehicleId", car, "kind", cost[0], "amountFen",
          cost[1], "incurredOn", today, "supplier", cost[2])).status()).isEqualTo(201);
    }
    WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);

    String cheapestFirst = page.get("/vehicles/" + car + "?sort=amount&dir=asc").body();
    assertThat(cheapestFirst.indexOf("12.00")).isLessThan(cheapestFirst.indexOf("45.00"));
    assertThat(cheapestFirst.indexOf("45.00")).isLessThan(cheapestFirst.indexOf("1860.00"));
    String searched = page.get("/vehicles/" + car + "?keyword=" + q("停车场")).body();
    assertThat(searched).contains("会展中心停车场", "id=\"list-total\">共 1 条").doesNotContain("云溪高速");
    var export = page.get("/vehicles/" + car + "/export.xlsx?keyword=" + q("停车场"));
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith(XLSX);
  }

  @Test
  void placesAndQuotasAreSearchedAndExported() {
    WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);

    assertThat(page.get("/vehicles/places?keyword=" + q("高铁")).body()).contains("云溪高铁站")
        .doesNotContain("<td>市人民医院</td>");
    assertThat(page.get("/vehicles/places/export.xlsx").header("Content-Type")).startsWith(XLSX);
    assertThat(page.get("/vehicles/quotas?keyword=" + q("公安")).body()).contains("<td>市公安局</td>")
        .doesNotContain("<td>市机关事务管理局</td>");
    assertThat(page.get("/vehicles/quotas/export.xlsx").header("Content-Type")).startsWith(XLSX);
  }

  private static Map<String, String> with(Map<String, String> fields, String name, String value) {
    var all = new java.util.LinkedHashMap<>(fields);
    all.put(name, value);
    return all;
  }
}
