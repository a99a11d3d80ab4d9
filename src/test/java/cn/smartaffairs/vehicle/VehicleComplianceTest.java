package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each compliance flag appears on the vehicle and in the administrator's list when, and only when, its rule is broken. */
@IntegrationTest
class VehicleComplianceTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired ExpiryReminders reminders;
  ApiClient api;
  VehicleFixtures fixtures;
  String manager;
  long unit;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new VehicleFixtures(api, jdbc, accounts);
    manager = api.tokenFor("vehicle.manager");
    unit = fixtures.unit("YX", "市人力资源和社会保障局");
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void useOutsideTheWindowAndMileageFarAboveThePlanAreFlagged() {
    long car = newCar(null, null, LocalDate.now(VehicleFixtures.SHANGHAI).minusMonths(1));
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate day = VehicleFixtures.weekday(8, 2);
    long request = fixtures.approvedRequest("上午送文件", 1, "OTHER", day.atTime(9, 0), day.atTime(10, 0),
        List.of("市档案馆"));
    long dispatch = api.post("/api/v1/vehicle-dispatches", manager, Map.of("requestId", request, "vehicleId", car,
        "driverId", driver.driverId())).body().get("id").asLong();

    long trip = drive(driver.username(), dispatch, car, day.atTime(8, 0), day.atTime(9, 50), 60);

    List<JsonNode> flags = flagsOf(car);
    assertThat(kinds(flags, trip)).containsExactlyInAnyOrder("OUTSIDE_WINDOW", "MILEAGE_EXCESS");
    assertThat(detail(flags, "OUTSIDE_WINDOW")).contains("批准时段 09:00–10:00，实际 08:00–09:50");
    assertThat(detail(flags, "MILEAGE_EXCESS")).startsWith("实际 60 公里，计划");
    assertThat(adminList(car)).contains("OUTSIDE_WINDOW", "MILEAGE_EXCESS");
  }

  @Test
  void aTripWithinItsWindowAndRouteRaisesNothing() {
    long car = newCar(null, null, LocalDate.now(VehicleFixtures.SHANGHAI).minusMonths(1));
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate day = VehicleFixtures.weekday(8, 3);
    long request = fixtures.approvedRequest("下午送文件", 1, "OTHER", day.atTime(14, 0), day.atTime(15, 0),
        List.of("市档案馆"));
    long dispatch = api.post("/api/v1/vehicle-dispatches", manager, Map.of("requestId", request, "vehicleId", car,
        "driverId", driver.driverId())).body().get("id").asLong();
    long trip = drive(driver.username(), dispatch, car, day.atTime(13, 45), day.atTime(15, 20), 2);
    assertThat(kinds(flagsOf(car), trip)).isEmpty();
  }

  @Test
  void aTripWithoutDispatchSheetIsFlaggedAndOnAWeekendAlsoAsUnapproved() {
    long car = newCar(null, null, LocalDate.now(VehicleFixtures.SHANGHAI).minusMonths(1));
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate saturday = VehicleFixtures.weekday(9, 6);
    LocalDate wednesday = VehicleFixtures.weekday(9, 3);

    long weekendTrip = driveWithoutSheet(driver.username(), car, saturday.atTime(10, 0), "周末临时出车");
    long weekdayTrip = driveWithoutSheet(driver.username(), car, wednesday.atTime(10, 0), "工作日临时出车");

    List<JsonNode> flags = flagsOf(car);
    assertThat(kinds(flags, weekendTrip)).containsExactlyInAnyOrder("NO_DISPATCH_SHEET", "NON_WORKING_DAY_UNAPPROVED");
    assertThat(kinds(flags, weekdayTrip)).containsExactly("NO_DISPATCH_SHEET");
    assertThat(adminList(car)).contains("NO_DISPATCH_SHEET", "NON_WORKING_DAY_UNAPPROVED");
  }

  @Test
  void aVehicleNotSealedOverNationalDayIsFlaggedAndASealedOneIsNot() {
    LocalDate bought = LocalDate.of(2025, 3, 1);
    long unsealed = newCar(null, null, bought);
    long sealed = newCar(null, null, bought);
    assertThat(
        api.post("/api/v1/vehicles/" + sealed + "/seals", manager, Map.of("from", "2026-09-20", "to", "2026-10-10"))
            .status())
        .isEqualTo(200);
    clock.stopAt(LocalDateTime.of(2026, 10, 20, 10, 0).atZone(VehicleFixtures.SHANGHAI).toInstant());
    manager = api.tokenFor("vehicle.manager");

    List<JsonNode> flags = flagsOf(unsealed);
    assertThat(flags.stream().filter(f -> f.get("kind").asText().equals("NOT_SEALED_ON_HOLIDAY"))
        .map(f -> f.get("detail").asText())).anyMatch(detail -> detail.startsWith("国庆节"));
    assertThat(kinds(flagsOf(sealed), null)).doesNotContain("NOT_SEALED_ON_HOLIDAY");
  }

  @Test
  void overdueInsuranceAndInspectionAreFlaggedAndRemindedOnce() {
    LocalDate today = LocalDate.now(VehicleFixtures.SHANGHAI);
    long overdue = newCar(today.minusDays(1), today.minusDays(2), today.minusYears(1));
    long soon = newCar(today.plusDays(10), today.plusYears(1), today.minusYears(1));
    long fine = newCar(today.plusYears(1), today.plusYears(1), today.minusYears(1));

    assertThat(kinds(flagsOf(overdue), null)).contains("INSURANCE_OVERDUE", "INSPECTION_OVERDUE");
    assertThat(kinds(flagsOf(soon), null)).doesNotContain("INSURANCE_OVERDUE");
    assertThat(kinds(flagsOf(fine), null)).doesNotContain("INSURANCE_OVERDUE", "INSPECTION_OVERDUE");

    reminders.remind();
    reminders.remind();
    long managerId = accounts.loadUserByUsername("vehicle.manager").userId();
    for (long vehicle : List.of(overdue, soon)) {
      assertThat(jdbc.sql("select count(*) from todo_item where user_id = :u and link = :link and title like '%保险%'")
          .param("u", managerId).param("link", "/vehicles/" + vehicle).query(Long.class).single()).isEqualTo(1);
    }
    assertThat(jdbc.sql("select count(*) from todo_item where link = :link").param("link", "/vehicles/" + fine)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from notification where user_id = :u and link = :link")
        .param("u", managerId).param("link", "/vehicles/" + overdue).query(Long.class).single()).isEqualTo(2);
  }

  private long newCar(LocalDate insurance, LocalDate inspection, LocalDate bought) {
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    Map<String, Object> draft = VehicleFixtures.vehicle(unit, "OTHER");
    draft.put("purchasedOn", bought.toString());
    if (insurance != null) {
      draft.put("insuranceUntil", insurance.toString());
      draft.put("inspectionUntil", inspection.toString());
    }
    return fixtures.register(manager, draft).get("id").asLong();
  }

  private long drive(String driverName, long dispatch, long car, LocalDateTime out, LocalDateTime back, int km) {
    int odometer = odometer(car);
    clock.stopAt(out.atZone(VehicleFixtures.SHANGHAI).toInstant());
    String driver = fixtures.tokenOfFresh(driverName);
    long trip = api.post("/api/v1/vehicle-trips", driver, Map.of("dispatchId", dispatch, "odometerKm", odometer))
        .body().get("id").asLong();
    clock.stopAt(back.atZone(VehicleFixtures.SHANGHAI).toInstant());
    assertThat(api.post("/api/v1/vehicle-trips/" + trip + "/end", driver, Map.of("odometerKm", odometer + km)).status())
        .isEqualTo(200);
    clock.resume();
    manager = api.tokenFor("vehicle.manager");
    return trip;
  }

  private long driveWithoutSheet(String driverName, long car, LocalDateTime out, String purpose) {
    int odometer = odometer(car);
    clock.stopAt(out.atZone(VehicleFixtures.SHANGHAI).toInstant());
    String driver = fixtures.tokenOfFresh(driverName);
    var started = api.post("/api/v1/vehicle-trips", driver, Map.of("vehicleId", car, "odometerKm", odometer,
        "purpose", purpose));
    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
    long trip = started.body().get("id").asLong();
    clock.stopAt(out.plusHours(2).atZone(VehicleFixtures.SHANGHAI).toInstant());
    assertThat(api.post("/api/v1/vehicle-trips/" + trip + "/end", driver, Map.of("odometerKm", odometer + 12)).status())
        .isEqualTo(200);
    clock.resume();
    manager = api.tokenFor("vehicle.manager");
    return trip;
  }

  private int odometer(long car) {
    return api.get("/api/v1/vehicles/" + car, manager).body().get("vehicle").get("odometerKm").asInt();
  }

  private List<JsonNode> flagsOf(long car) {
    var answer = api.get("/api/v1/vehicles/" + car, manager);
    assertThat(answer.status()).isEqualTo(200);
    return StreamSupport.stream(answer.body().get("flags").spliterator(), false).toList();
  }

  private List<String> adminList(long car) {
    return StreamSupport.stream(api.get("/api/v1/vehicle-compliance", manager).body().spliterator(), false)
        .filter(f -> f.get("vehicleId").asLong() == car).map(f -> f.get("kind").asText()).toList();
  }

  private static List<String> kinds(List<JsonNode> flags, Long tripId) {
    return flags.stream()
        .filter(f -> tripId == null || (!f.get("tripId").isNull() && f.get("tripId").asLong() == tripId))
        .map(f -> f.get("kind").asText()).toList();
  }

  private static String detail(List<JsonNode> flags, String kind) {
    return flags.stream().filter(f -> f.get("kind").asText().equals(kind)).findFirst().orElseThrow().get("detail")
        .asText();
  }
}
