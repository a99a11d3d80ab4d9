package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small builders for telemetry tests: vehicles registered through the vehicle API, fresh phones and terminal ids. */
final class TelemetryFixtures {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final String LETTERS = "BCEFGHJKLMNPQRSTUVWXY";
  private static final Random RANDOM = new Random();

  private final ApiClient api;
  private final JdbcClient jdbc;

  TelemetryFixtures(ApiClient api, JdbcClient jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  /** An 11-digit mobile number no terminal has. */
  String freshPhone() {
    while (true) {
      String phone = "14" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
      if (jdbc.sql("select count(*) from telemetry_terminal where phone = :p").param("p", phone).query(Long.class)
          .single() == 0) {
        return phone;
      }
    }
  }

  static String freshTerminalId() {
    return "T" + String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /** A vehicle of the city's 市教育局 in service, registered by the city's vehicle manager. */
  JsonNode vehicle(String managerToken) {
    long unit = jdbc.sql("""
        select u.id from org_unit u join region r on r.id = u.region_id where r.code = 'YX' and u.name = '市教育局'""")
        .query(Long.class).single();
    long held = jdbc
        .sql("select count(*) from vehicle where unit_id = :u and category = 'OTHER' and status <> 'DISPOSED'")
        .param("u", unit).query(Long.class).single();
    assertThat(api.put("/api/v1/vehicle-quotas", managerToken,
        Map.of("unitId", unit, "category", "OTHER", "quota", held + 1)).status()).isEqualTo(200);
    LocalDate today = LocalDate.now(BEIJING);
    for (int attempt = 0;; attempt++) {
      Map<String, Object> draft = new HashMap<>();
      draft.put("unitId", unit);
      draft.put("plate", "云" + LETTERS.charAt(RANDOM.nextInt(LETTERS.length()))
          + String.format("%05d", RANDOM.nextInt(100_000)));
      draft.put("category", "OTHER");
      draft.put("brand", "红旗");
      draft.put("model", "H5 1.5T");
      draft.put("domestic", true);
      draft.put("newEnergy", false);
      draft.put("displacementMl", 1498);
      draft.put("priceFen", 11_000_000L);
      draft.put("seats", 5);
      draft.put("purchasedOn", today.minusMonths(1).toString());
      draft.put("odometerKm", 1000);
      draft.put("parkingPlace", "市机关车队停车场");
      draft.put("parkingLat", 25.0398);
      draft.put("parkingLon", 102.7140);
      draft.put("insuranceUntil", today.plusYears(1).toString());
      draft.put("inspectionUntil", today.plusYears(1).toString());
      var answer = api.post("/api/v1/vehicles", managerToken, draft);
      if (answer.status() == 409 && attempt < 5) {
        continue; // the random plate was taken
      }
      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
      return answer.body();
    }
  }

  /** Binds a terminal through the API; answers the binding. */
  JsonNode bind(String managerToken, long vehicleId, String phone, String terminalId, String protocol) {
    var answer = api.post("/api/v1/vehicle-terminals", managerToken,
        Map.of("vehicleId", vehicleId, "phone", phone, "terminalId", terminalId, "protocol", protocol));
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    return answer.body();
  }

  /** A driver with an account: its user name, driver id and name. */
  record FreshDriver(String username, long driverId, String name) {}

  /**
   * A new member of the city's affairs bureau with a DRIVER account, registered as a driver on an early-morning shift
   * (04:00–04:30), so that the dispatch boards of the vehicle tests sharing the database never prefer them.
   */
  FreshDriver driver(Accounts accounts, String managerToken) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    long affairs = jdbc.sql("select id from org_unit where region_id = :r and name = '市机关事务管理局'")
        .param("r", city).query(Long.class).single();
    String rank = jdbc.sql("select code from staff_rank order by sort_order desc limit 1").query(String.class).single();
    String name = "地图驾驶员" + suffix;
    long staffId = jdbc.sql("""
        insert into staff (region_id, unit_id, staff_no, name, rank_code, within_establishment, status, post_title)
        values (:region, :unit, :no, :name, :rank, false, 'ACTIVE', '驾驶员') returning id""")
        .param("region", city).param("unit", affairs).param("no", "TMP-" + suffix).param("name", name)
        .param("rank", rank).query(Long.class).single();
    String username = "mdriver." + suffix;
    accounts.create(new Accounts.NewAccount(username, ApiClient.DEMO_PASSWORD, name, staffId, city, affairs,
        List.of(new RoleGrant(Role.DRIVER, city, null), new RoleGrant(Role.STAFF, city, null))));
    var registered = api.post("/api/v1/vehicle-drivers", managerToken, Map.of("staffId", staffId, "licenceClass", "B1",
        "licenceExpires", LocalDate.now(BEIJING).plusYears(3).toString(), "shiftStart", "04:00", "shiftEnd", "04:30"));
    assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
    return new FreshDriver(username, registered.body().get("id").asLong(), name);
  }

  /** A trip driven on a dispatch sheet: the sheet's number, the request, and when the trip began and ended. */
  record DrivenTrip(long tripId, long dispatchId, String sheetNo, long requestId, LocalDateTime started,
      LocalDateTime ended) {}

  /**
   * The whole way to a trip on {@code day}, with the clock set back to that morning: staff ask for a car from 市行政中心
   * to 市人民医院 for 04:05–04:25, unit head and vehicle manager approve, the manager dispatches the vehicle and the
   * driver by hand, the driver sets off at 04:05 (odometer 1000) and is back at 04:25 (1012). The clock runs on again
   * afterwards; tokens of that morning have expired by then.
   */
  DrivenTrip drivenTrip(TestClock clock, long vehicleId, FreshDriver driver, LocalDate day, String purpose) {
    LocalDateTime start = day.atTime(4, 5);
    LocalDateTime end = day.atTime(4, 25);
    try {
      clock.stopAt(day.atTime(3, 0).atZone(BEIJING).toInstant());
      String staff = api.tokenFor("staff");
      var submitted = api.post("/api/v1/vehicle-requests", staff, Map.of("purpose", purpose, "passengers", 1,
          "category", "OTHER", "originPlaceId", place("市行政中心"), "stopPlaceIds", List.of(place("市人民医院")),
          "start", start.toString(), "end", end.toString(), "returnsToOrigin", true));
      assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
      long requestId = submitted.body().get("id").asLong();
      long approvalId = api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("approvalRequestId")
          .asLong();
      for (String approver : List.of("unit.head", "vehicle.manager")) {
        String token = api.tokenFor(approver);
        JsonNode task = null;
        for (JsonNode open : api.get("/api/v1/approvals/tasks", token).body()) {
          if (open.get("requestId").asLong() == approvalId) {
            task = open;
          }
        }
        assertThat(task).as("task of " + approver).isNotNull();
        assertThat(api.post("/api/v1/approvals/tasks/" + task.get("taskId").asLong() + "/approve", token,
            Map.of("comment", "同意")).status()).isEqualTo(200);
      }
      // the approval reaches the request after the decision's commit, on the listener's own thread
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
          .sql("select status from vehicle_request where id = :id").param("id", requestId).query(String.class)
          .single()).isEqualTo("APPROVED"));
      var dispatched = api.post("/api/v1/vehicle-dispatches", api.tokenFor("vehicle.manager"),
          Map.of("requestId", requestId, "vehicleId", vehicleId, "driverId", driver.driverId()));
      assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(201);
      long dispatchId = dispatched.body().get("id").asLong();
      clock.stopAt(start.atZone(BEIJING).toInstant());
      String driverToken = api.tokenFor(driver.username());
      var trip = api.post("/api/v1/vehicle-trips", driverToken, Map.of("dispatchId", dispatchId, "odometerKm", 1000));
      assertThat(trip.status()).as(String.valueOf(trip.body())).isEqualTo(201);
      long tripId = trip.body().get("id").asLong();
      clock.stopAt(end.atZone(BEIJING).toInstant());
      var ended = api.post("/api/v1/vehicle-trips/" + tripId + "/end", driverToken, Map.of("odometerKm", 1012));
      assertThat(ended.status()).as(String.valueOf(ended.body())).isEqualTo(200);
      return new DrivenTrip(tripId, dispatchId, dispatched.body().get("sheetNo").asText(), requestId, start, end);
    } finally {
      clock.resume();
    }
  }

  long place(String name) {
    return jdbc.sql("select id from vehicle_place where name = :name").param("name", name).query(Long.class).single();
  }
}
