package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vehicle forms name every bad field beside it, all at once, keep what was typed and save nothing. */
@IntegrationTest
class VehicleFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aVehicleWithABadPlateAndNoBrandIsRefusedOnBothFieldsAndTheFormShowsAgain() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long affairs = jdbc.sql("select id from unit where name = '市机关事务管理局'").query(Long.class).single();
    long depot = jdbc.sql("select id from vehicle_place where name = '市机关车队停车场'").query(Long.class).single();
    long before = count("vehicle");

    var page = manager.post("/vehicles", Map.ofEntries(Map.entry("_csrf", manager.get("/vehicles/new").csrfToken()),
        Map.entry("unitId", String.valueOf(affairs)), Map.entry("plate", "ABC-123"), Map.entry("category", "OTHER"),
        Map.entry("brand", " "), Map.entry("model", "帝豪"), Map.entry("domestic", "true"),
        Map.entry("displacementLitres", "1.5"), Map.entry("priceYuan", "79800"), Map.entry("seats", "1"),
        Map.entry("purchasedOn", "2026-01-05"), Map.entry("parkingPlaceId", String.valueOf(depot)),
        Map.entry("insuranceUntil", "2027-01-05"), Map.entry("inspectionUntil", "2027-01-05")));

    assertThat(page.status()).isEqualTo(200);
    assertThat(FieldErrors.of(page.body(), "plate"))
        .containsExactly("请输入有效的中国机动车号牌，如 云A12345 或新能源号牌 云AD12345");
    assertThat(FieldErrors.marked(page.body(), "plate")).isTrue();
    assertThat(FieldErrors.value(page.body(), "plate")).isEqualTo("ABC-123");
    assertThat(FieldErrors.of(page.body(), "brand")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page.body(), "seats")).containsExactly("最小不能小于2");
    assertThat(FieldErrors.value(page.body(), "model")).isEqualTo("帝豪");
    assertThat(count("vehicle")).isEqualTo(before);
  }

  @Test
  void aCostWithAnAmountThatIsNoAmountAndWithoutDayComesBackToTheVehiclePageBesideBothFields() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long vehicle = jdbc.sql("select id from vehicle where plate = '云A0G106'").query(Long.class).single();
    String detail = "/vehicles/" + vehicle;
    long before = count("vehicle_cost");

    var refused = manager.post(detail + "/costs", Map.of("_csrf", manager.get(detail).csrfToken(), "kind", "FUEL",
        "amountYuan", "三百元", "incurredOn", "", "quantity", "40"));

    assertThat(refused.redirectPath()).isEqualTo(detail);
    String page = manager.get(detail).body();
    assertThat(FieldErrors.of(page, "amountYuan")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "amountYuan")).isEqualTo("三百元");
    assertThat(FieldErrors.of(page, "incurredOn")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "seal-from")).as("the seal form is another form").isEmpty();
    assertThat(count("vehicle_cost")).isEqualTo(before);
    assertThat(FieldErrors.of(manager.get(detail).body(), "amountYuan")).as("shown once only").isEmpty();
  }

  @Test
  void aTripRequestWithoutPurposeAndWithoutPassengersIsRefusedOnBothFieldsInEnglishToo() {
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    long origin = jdbc.sql("select id from vehicle_place where name = '市行政中心'").query(Long.class).single();
    long stop = jdbc.sql("select id from vehicle_place where name = '会展中心'").query(Long.class).single();
    long before = count("vehicle_request");

    var page = staff.post("/vehicle-requests", Map.of("_csrf", staff.get("/vehicle-requests/new?lang=en").csrfToken(),
        "purpose", "", "passengers", "many", "category", "OTHER", "originPlaceId", String.valueOf(origin),
        "stopPlaceIds", String.valueOf(stop), "date", VehicleFixtures.weekday(12, 3).toString(), "from", "09:00",
        "to", "12:00", "returnsToOrigin", "true"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(FieldErrors.of(page.body(), "purpose")).containsExactly("Please fill in this field");
    assertThat(FieldErrors.of(page.body(), "passengers")).containsExactly("Enter a whole number");
    assertThat(page.body()).contains("selected=\"selected\">会展中心</option>");
    assertThat(count("vehicle_request")).isEqualTo(before);
  }

  @Test
  void aTrainingRecordWithoutTopicComesBackToItsDriversRowOnly() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    var driver = fixtures.driver(api.tokenFor("vehicle.manager"), LocalTime.of(8, 0), LocalTime.of(18, 0));
    var other = fixtures.driver(api.tokenFor("vehicle.manager"), LocalTime.of(8, 0), LocalTime.of(18, 0));
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long before = count("vehicle_driver_record");

    var refused = manager.post("/vehicles/drivers/" + driver.driverId() + "/records", Map.of("_csrf",
        manager.get("/vehicles/drivers").csrfToken(), "kind", "TRAINING", "heldOn", "2026-03-01", "topic", "",
        "result", "合格"));

    assertThat(refused.redirectPath()).isEqualTo("/vehicles/drivers");
    String page = driversPage(manager, driver);
    assertThat(FieldErrors.of(page, "record-topic-" + driver.driverId())).containsExactly("请填写此项");
    assertThat(FieldErrors.value(page, "record-result-" + driver.driverId())).isEqualTo("合格");
    String otherRow = driversPage(manager, other);
    assertThat(otherRow).contains("record-topic-" + other.driverId());
    assertThat(FieldErrors.of(otherRow, "record-topic-" + other.driverId())).isEmpty();
    assertThat(FieldErrors.value(otherRow, "record-result-" + other.driverId())).isEmpty();
    assertThat(count("vehicle_driver_record")).isEqualTo(before);
  }

  /** The drivers page searched for the one test driver, whatever else the shared database holds. */
  private static String driversPage(WebSession manager, VehicleFixtures.FreshDriver driver) {
    String name = "测试驾驶员" + driver.username().substring("driver.".length());
    return manager.get("/vehicles/drivers?keyword=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
  }

  @Test
  void aPlaceOffTheGlobeAndAQuotaThatIsNoNumberAreNamedOnTheirFields() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long affairs = jdbc.sql("select id from unit where name = '市机关事务管理局'").query(Long.class).single();

    var place = manager.post("/vehicles/places", Map.of("_csrf", manager.get("/vehicles/places").csrfToken(),
        "name", "北极科考站", "latitude", "95", "longitude", "102.7"));
    var quota = manager.post("/vehicles/quotas", Map.of("_csrf", manager.get("/vehicles/quotas").csrfToken(),
        "unitId", String.valueOf(affairs), "category", "OTHER", "quota", "十"));

    assertThat(place.redirectPath()).isEqualTo("/vehicles/places");
    String places = manager.get("/vehicles/places").body();
    assertThat(FieldErrors.of(places, "latitude")).hasSize(1).allSatisfy(m -> assertThat(m).contains("90"));
    assertThat(FieldErrors.value(places, "place-name")).isEqualTo("北极科考站");
    assertThat(quota.redirectPath()).isEqualTo("/vehicles/quotas");
    assertThat(FieldErrors.of(manager.get("/vehicles/quotas").body(), "quota")).containsExactly("请输入整数");
  }
}
