package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small builders for vehicle tests: fresh plates, units with room in their quota, drivers with accounts, requests. */
final class VehicleFixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String LETTERS = "BCEFGHJKLMNPQRSTUVWXY";
  private static final Random RANDOM = new Random();

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final Accounts accounts;

  VehicleFixtures(ApiClient api, JdbcClient jdbc, Accounts accounts) {
    this.api = api;
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  static String freshPlate() {
    return "云" + LETTERS.charAt(RANDOM.nextInt(LETTERS.length())) + String.format("%05d", RANDOM.nextInt(100_000));
  }

  static String freshNevPlate() {
    return "云" + LETTERS.charAt(RANDOM.nextInt(LETTERS.length())) + "D"
        + String.format("%05d", RANDOM.nextInt(100_000));
  }

  static LocalDate today() {
    return LocalDate.now(SHANGHAI);
  }

  long unit(String regionCode, String name) {
    return jdbc
        .sql("select u.id from unit u join region r on r.id = u.region_id where r.code = :code and u.name = :name")
        .param("code", regionCode).param("name", name).query(Long.class).single();
  }

  long region(String code) {
    return jdbc.sql("select id from region where code = :code").param("code", code).query(Long.class).single();
  }

  /** Makes room for {@code extra} more vehicles of the category in the unit's quota, through the API. */
  void roomInQuota(String managerToken, long unitId, String category, int extra) {
    long held = jdbc.sql("select count(*) from vehicle where unit_id = :u and category = :c and status <> 'DISPOSED'")
        .param("u", unitId).param("c", category).query(Long.class).single();
    var answer = api.put("/api/v1/vehicle-quotas", managerToken,
        Map.of("unitId", unitId, "category", category, "quota", held + extra));
    assertThat(answer.status()).isEqualTo(200);
  }

  /** A vehicle draft that keeps every rule; tests change the field they check. */
  static Map<String, Object> vehicle(long unitId, String category) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("unitId", unitId);
    draft.put("plate", freshPlate());
    draft.put("category", category);
    draft.put("brand", "红旗");
    draft.put("model", "H5 1.5T");
    draft.put("domestic", true);
    draft.put("newEnergy", false);
    draft.put("displacementMl", 1498);
    draft.put("priceFen", 11_000_000L);
    draft.put("seats", 5);
    draft.put("purchasedOn", today().minusMonths(1).toString());
    draft.put("odometerKm", 1000);
    draft.put("parkingPlace", "市机关车队停车场");
    draft.put("parkingLat", 25.0398);
    draft.put("parkingLon", 102.7140);
    draft.put("insuranceUntil", today().plusYears(1).toString());
    draft.put("inspectionUntil", today().plusYears(1).toString());
    return draft;
  }

  JsonNode register(String managerToken, Map<String, Object> draft) {
    var answer = api.post("/api/v1/vehicles", managerToken, draft);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    return answer.body();
  }

  /** A new member of the city's affairs bureau with a DRIVER account, registered as driver; answers user name and driver id. */
  record FreshDriver(String username, long driverId, long staffId) {}

  FreshDriver driver(String managerToken, LocalTime shiftStart, LocalTime shiftEnd) {
    long city = region("YX");
    long affairs = unit("YX", "市机关事务管理局");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String rank = jdbc.sql("select code from staff_rank order by sort_order desc limit 1").query(String.class).single();
    long staffId = jdbc.sql("""
        insert into staff (region_id, unit_id, staff_no, name, rank_code, within_establishment, status, post_title)
        values (:region, :unit, :no, :name, :rank, false, 'ACTIVE', '驾驶员') returning id""")
        .param("region", city).param("unit", affairs).param("no", "DRV-" + suffix).param("name", "测试驾驶员" + suffix)
        .param("rank", rank).query(Long.class).single();
    String username = "driver." + suffix;
    accounts.create(new Accounts.NewAccount(username, ApiClient.DEMO_PASSWORD, "测试驾驶员", staffId, city, affairs,
        List.of(new RoleGrant(Role.DRIVER, city, null), new RoleGrant(Role.STAFF, city, null))));
    var answer = api.post("/api/v1/vehicle-drivers", managerToken, Map.of("staffId", staffId, "licenceClass", "B1",
        "licenceExpires", today().plusYears(3).toString(), "shiftStart", shiftStart.toString(),
        "shiftEnd", shiftEnd.toString()));
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    assertThat(answer.body().get("userId").asLong()).isPositive();
    return new FreshDriver(username, answer.body().get("id").asLong(), staffId);
  }

  String tokenOfFresh(String username) {
    var answer = api.post("/api/v1/auth/token", null,
        Map.of("username", username, "password", ApiClient.DEMO_PASSWORD));
    assertThat(answer.status()).isEqualTo(200);
    return answer.body().get("token").asText();
  }

  long place(String name) {
    return jdbc.sql("select id from vehicle_place where name = :name").param("name", name).query(Long.class).single();
  }

  /** Submits a request as {@code staff} and walks it through both approval steps; answers its id. */
  long approvedRequest(String purpose, int passengers, String category, LocalDateTime start, LocalDateTime end,
      List<String> stops) {
    long id = submit(purpose, passengers, category, start, end, stops);
    approve(id);
    return id;
  }

  long submit(String purpose, int passengers, String category, LocalDateTime start, LocalDateTime end,
      List<String> stops) {
    var answer = trySubmit(purpose, passengers, category, start, end, stops);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    return answer.body().get("id").asLong();
  }

  ApiClient.Answer trySubmit(String purpose, int passengers, String category, LocalDateTime start,
      LocalDateTime end, List<String> stops) {
    return api.post("/api/v1/vehicle-requests", api.tokenFor("staff"), Map.of("purpose", purpose,
        "passengers", passengers, "category", category, "originPlaceId", place("市行政中心"),
        "stopPlaceIds", stops.stream().map(this::place).toList(), "start", start.toString(), "end", end.toString(),
        "returnsToOrigin", true));
  }

  void approve(long vehicleRequestId) {
    long approvalId = api.get("/api/v1/vehicle-requests/" + vehicleRequestId, api.tokenFor("staff")).body()
        .get("approvalRequestId").asLong();
    for (String approver : List.of("unit.head", "vehicle.manager")) {
      String token = api.tokenFor(approver);
      JsonNode tasks = api.get("/api/v1/approvals/tasks", token).body();
      boolean found = false;
      for (JsonNode task : tasks) {
        if (task.get("requestId").asLong() == approvalId) {
          assertThat(api.post("/api/v1/approvals/tasks/" + task.get("taskId").asLong() + "/approve", token,
              Map.of("comment", "同意")).status()).isEqualTo(200);
          found = true;
        }
      }
      assertThat(found).as("task of " + approver).isTrue();
    }
    // the approval's outcome reaches the request after the approval's commit, on the listener's own thread
    awaitStatus(vehicleRequestId, "APPROVED");
  }

  /** Waits (a few seconds at most) until the request is in the given state, as the approval's listener leaves it. */
  void awaitStatus(long vehicleRequestId, String status) {
    await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
        "select status from vehicle_request where id = :id").param("id", vehicleRequestId).query(String.class).single())
        .isEqualTo(status));
  }

  /** A future weekday, {@code weeksAhead} weeks from now, so tests on different days never share a board. */
  static LocalDate weekday(int weeksAhead, int dayOfWeek) {
    LocalDate monday = today().plusWeeks(weeksAhead).with(java.time.DayOfWeek.MONDAY);
    return monday.plusDays(dayOfWeek - 1L);
  }
}
