package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The vehicle pages render for the people who use them, forms refuse broken rules with the Chinese message. */
@IntegrationTest
class VehiclePagesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @Test
  void theManagersPagesRenderWithTheDemoFleet() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    // the fleet is paged and other tests register vehicles of their own: the demo's cars are searched for, and matched
    // by their row's link (the search box shows the word too)
    assertThat(manager.get("/vehicles?keyword=A0G101").body()).containsPattern(">云A0G101</a>").contains("红旗");
    assertThat(manager.get("/vehicles?keyword=AD10103").body()).containsPattern(">云AD10103</a>").contains("比亚迪");
    long vehicle = jdbc.sql("select id from vehicle where plate = '云A0G106'").query(Long.class).single();
    assertThat(manager.get("/vehicles/" + vehicle).body()).contains("合规预警", "保险过期", "更换刹车片", "出车记录");
    assertThat(manager.get("/vehicles/quotas").body()).contains("市机关事务管理局", "市公安局");
    assertThat(manager.get("/vehicles/drivers").body()).contains("驾驶员", "B1", "driver-candidates");
    assertThat(manager.get("/vehicles/rules").body()).contains("价格上限（分）", "12000000", "全国默认");
    assertThat(manager.get("/vehicles/places").body()).contains("市人民医院", "云溪高铁站");
    assertThat(manager.get("/vehicles/board?date=" + demoRequestDay()).body())
        .contains("赴市人民医院开展医保基金专项检查", "智能排班");
    assertThat(manager.get("/vehicles/costs").body()).contains("单车核算", "车队平均");
    assertThat(manager.get("/vehicles/trip-register").body()).contains("出车登记公示", "全部单位", "市财政局");
    long finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    assertThat(manager.get("/vehicles/trip-register.xlsx?from=2026-01-01&to=2026-12-31&unitId=" + finance).status())
        .isEqualTo(200);
    assertThat(manager.get("/vehicles/compliance").body()).contains("云A0G106", "保险过期");
    assertThat(manager.get("/vehicles/new").body()).contains("登记车辆", "市机关车队停车场");
    var export = manager.get("/vehicles.xlsx");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
    var costs = manager.get("/vehicles/costs.xlsx?from=2026-01-01&to=2026-12-31&groupBy=UNIT");
    assertThat(costs.status()).isEqualTo(200);
    assertThat(manager.get("/vehicles/board?lang=en").body()).contains("Plan this day", "Dispatch board");
  }

  @Test
  void theOpenApiDescriptionDocumentsTheVehicleApi() {
    String description = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD)
        .get("/v3/api-docs").body();
    assertThat(description).contains("/api/v1/vehicles", "/api/v1/vehicle-requests", "/api/v1/vehicle-plans",
        "/api/v1/vehicle-dispatches/{id}/sheet.pdf", "/api/v1/vehicle-trips/{id}/end", "/api/v1/vehicle-reports/costs",
        "/api/v1/vehicle-compliance", "/api/v1/vehicle-rules", "/api/v1/vehicle-quotas");
  }

  @Test
  void theRegisterFormRefusesOverQuotaNamingTheRuleAndTheRuleTableTakesANewVersion() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long affairs = jdbc.sql("select id from unit where name = '市机关事务管理局'").query(Long.class).single();
    long depot = jdbc.sql("select id from vehicle_place where name = '市机关车队停车场'").query(Long.class).single();
    var refused = manager.post("/vehicles",
        Map.ofEntries(Map.entry("_csrf", manager.get("/vehicles/new").csrfToken()),
            Map.entry("unitId", String.valueOf(affairs)),
            Map.entry("plate", VehicleFixtures.freshPlate()), Map.entry("category", "CONFIDENTIAL"),
            Map.entry("brand", "吉利"),
            Map.entry("model", "帝豪"), Map.entry("domestic", "true"), Map.entry("displacementLitres", "1.5"),
            Map.entry("priceYuan", "79800"), Map.entry("seats", "5"), Map.entry("purchasedOn", "2026-01-05"),
            Map.entry("odometerKm", "0"), Map.entry("parkingPlaceId", String.valueOf(depot)),
            Map.entry("insuranceUntil", "2027-01-05"), Map.entry("inspectionUntil", "2027-01-05")));
    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.redirectPath()).isEqualTo("/vehicles/new");
    assertThat(manager.get("/vehicles/new").body()).contains("超编制：市机关事务管理局 的机要通信车辆编制为 2 辆，已有 2 辆");

    var added = manager.submit("/vehicles/rules", Map.of("key", "MILEAGE_EXCESS_PERCENT", "category", "",
        "value", "80", "effectiveFrom", "2031-01-01", "source", "市本级里程预警（测试）"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(manager.get("/vehicles/rules").body()).contains("市本级里程预警（测试）", "2031-01-01", "本区域");
  }

  @Test
  void staffAskForAVehicleOnAFormAndDriversSeeTheirDay() {
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/vehicle-requests/new").body()).contains("用车事由", "市行政中心", "会展中心");
    long origin = jdbc.sql("select id from vehicle_place where name = '市行政中心'").query(Long.class).single();
    long stop = jdbc.sql("select id from vehicle_place where name = '会展中心'").query(Long.class).single();
    LocalDate day = VehicleFixtures.weekday(12, 2);
    String csrf = staff.get("/vehicle-requests/new").csrfToken();
    var submitted = staff.post("/vehicle-requests", Map.of("_csrf", csrf, "purpose", "参加招商推介会", "passengers", "2",
        "category", "OTHER", "originPlaceId", String.valueOf(origin), "stopPlaceIds", String.valueOf(stop),
        "date", day.toString(), "from", "09:00", "to", "12:00", "returnsToOrigin", "true"));
    assertThat(submitted.status()).isEqualTo(302);
    assertThat(staff.get("/vehicle-requests").body()).contains("参加招商推介会", "审批中");
    assertThat(staff.get("/vehicles").status()).isEqualTo(200);
    assertThat(staff.get("/vehicles").body()).doesNotContain("云A0G101");

    WebSession driver = new WebSession(port).signedInAs("driver", ApiClient.DEMO_PASSWORD);
    assertThat(driver.get("/vehicles/my-trips").body()).contains("出车任务");
    assertThat(driver.get("/vehicles/my-trips?lang=en").body()).contains("My trips");
    assertThat(staff.get("/vehicle-requests/new?lang=en").body()).contains("Submit for approval", "Destination 2");
  }

  /**
   * In English the fleet, a vehicle's detail (with a compliance flag and trips), the board and the drivers page show
   * no Chinese character except in the data people entered: every name, purpose, note and other free text in the
   * database is cut out first (and the language switch, 中文), and whatever Chinese is left must come from the page.
   */
  @Test
  void theEnglishPagesShowNoChineseOutsideTheData() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long vehicle = jdbc.sql("select id from vehicle where plate = '云A0G106'").query(Long.class).single();
    String fleet = manager.get("/vehicles?lang=en&keyword=A0G106").body();
    String detail = manager.get("/vehicles/" + vehicle + "?lang=en").body();
    String board = manager.get("/vehicles/board?lang=en&date=" + demoRequestDay()).body();
    String drivers = manager.get("/vehicles/drivers?lang=en").body();

    assertThat(fleet).contains("Official vehicles", "Plate", "云A0G106");
    assertThat(detail).contains("Insurance expired on", "Odometer", " km</td>", " yuan</td>", "Trips");
    assertThat(board).contains("Dispatch board", " km)", "赴市人民医院开展医保基金专项检查");
    assertThat(drivers).contains("Register driver", "Available (click to make unavailable)");

    List<String> data = userData();
    assertThat(chineseLeftIn(fleet, data)).as("fleet").isEmpty();
    assertThat(chineseLeftIn(detail, data)).as("vehicle detail").isEmpty();
    assertThat(chineseLeftIn(board, data)).as("board").isEmpty();
    assertThat(chineseLeftIn(drivers, data)).as("drivers").isEmpty();
  }

  /** Every free text people or the demo data put into the database that a vehicle page may show, longest first. */
  private List<String> userData() {
    return jdbc.sql("""
        select plate from vehicle union select brand from vehicle union select model from vehicle
        union select parking_place from vehicle union select name from unit union select name from region
        union select name from staff union select post_title from staff union select name from vehicle_place
        union select purpose from vehicle_request union select origin_name from vehicle_request
        union select name from vehicle_request_stop union select purpose from vehicle_trip
        union select supplier from vehicle_cost union select note from vehicle_cost
        union select topic from vehicle_driver_record union select result from vehicle_driver_record
        union select name from calendar_day union select display_name from user_account""")
        .query(String.class).list().stream()
        .filter(v -> v != null && HAN.matcher(v).find())
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

  /** The Chinese runs left in a page once the data is cut out, each with a little context to find it. */
  private static List<String> chineseLeftIn(String page, List<String> data) {
    // the language switch names Chinese in Chinese on purpose
    String rest = page.replaceAll("<a[^>]*id=\"lang-switch\"[^>]*>[^<]*</a>", "");
    for (String value : data) {
      rest = rest.replace(value, "");
    }
    Matcher han = HAN.matcher(rest);
    List<String> left = new ArrayList<>();
    while (han.find()) {
      left.add(rest.substring(Math.max(0, han.start() - 40), Math.min(rest.length(), han.end() + 20)));
    }
    return left;
  }

  /** The day of the demo's waiting requests ("tomorrow" when the demo loaded, which a run past midnight has moved). */
  private LocalDate demoRequestDay() {
    return jdbc.sql("""
        select (starts_at at time zone 'Asia/Shanghai')::date from vehicle_request
         where purpose = '赴市人民医院开展医保基金专项检查' order by id limit 1""").query(LocalDate.class).single();
  }
}
