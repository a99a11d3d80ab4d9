package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live map and the track replay for a page session: the region's vehicle managers see their fleet's states and
 * any trip's track beside its dispatch sheet, the trip's driver their own trip, nobody else; every look is audited.
 */
@IntegrationTest
class LiveMapPagesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired TerminalGateway gateway;
  final ObjectMapper json = new ObjectMapper();
  ApiClient api;
  TelemetryFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new TelemetryFixtures(api, jdbc);
    manager = api.tokenFor("vehicle.manager");
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private long auditedViews(String entityType, String actor) {
    return jdbc.sql("select count(*) from audit_event where action = 'VIEW' and entity_type = :type and actor = :actor")
        .param("type", entityType).param("actor", actor).query(Long.class).single();
  }

  private Map<Long, JsonNode> byVehicle(JsonNode snapshot) {
    Map<Long, JsonNode> vehicles = new HashMap<>();
    snapshot.get("vehicles").forEach(v -> vehicles.put(v.get("vehicleId").asLong(), v));
    return vehicles;
  }

  @Test
  void theManagerSeesEachVehicleMovingParkedOrOfflineAndEachLookIsAudited() throws Exception {
    JsonNode moving = fixtures.vehicle(manager);
    JsonNode parked = fixtures.vehicle(manager);
    JsonNode offline = fixtures.vehicle(manager);
    JsonNode silent = fixtures.vehicle(manager);
    LocalDateTime now = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS);
    for (var reported : new Object[][] {{moving, 42, now.minusMinutes(1)}, {parked, 3, now.minusMinutes(2)},
        {offline, 35, now.minusHours(2)}}) {
      JsonNode vehicle = (JsonNode) reported[0];
      try (var terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicle.get("id").asLong(),
          vehicle.get("plate").asText())) {
        terminal.report(25.0402, 102.7123, (Integer) reported[1], (LocalDateTime) reported[2]);
      }
    }
    WebSession session = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long viewsBefore = auditedViews("telemetry_latest_position", "vehicle.manager");

    var answer = session.get("/vehicles/map/positions.json");
    var page = session.get("/vehicles/map");

    assertThat(answer.status()).isEqualTo(200);
    Map<Long, JsonNode> vehicles = byVehicle(json.readTree(answer.body()));
    assertThat(vehicles.get(moving.get("id").asLong()).get("status").asText()).isEqualTo("MOVING");
    assertThat(vehicles.get(moving.get("id").asLong()).get("statusText").asText()).isEqualTo("行驶");
    assertThat(vehicles.get(moving.get("id").asLong()).get("lat").decimalValue()).isEqualByComparingTo("25.0402");
    assertThat(vehicles.get(parked.get("id").asLong()).get("status").asText()).isEqualTo("PARKED");
    assertThat(vehicles.get(offline.get("id").asLong()).get("status").asText()).isEqualTo("OFFLINE");
    JsonNode neverReported = vehicles.get(silent.get("id").asLong());
    assertThat(neverReported.get("status").asText()).isEqualTo("OFFLINE");
    assertThat(neverReported.get("lat").isNull()).isTrue();
    JsonNode snapshot = json.readTree(answer.body());
    assertThat(snapshot.get("movingAboveKmh").asInt()).isEqualTo(5);
    assertThat(snapshot.get("offlineAfterMinutes").asInt()).isEqualTo(10);
    assertThat(snapshot.get("counts").get("MOVING").asInt()
        + snapshot.get("counts").get("PARKED").asInt() + snapshot.get("counts").get("OFFLINE").asInt())
        .isEqualTo(snapshot.get("vehicles").size());
    assertThat(snapshot.get("places").toString()).contains("市人民医院", "云溪高铁站");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(moving.get("plate").asText(), "行驶", "停驶", "离线", "从未定位", "id=\"map-table\"",
        "/dist/leaflet.js", "/js/vehicle-map-");
    // no tile server in the tests: the pages may load pictures from nowhere but the platform
    assertThat(page.header("Content-Security-Policy")).contains("img-src 'self' data: blob:;");
    assertThat(auditedViews("telemetry_latest_position", "vehicle.manager")).isEqualTo(viewsBefore + 2);
    assertThat(session.get("/vehicles/map?lang=en").body()).contains("Moving", "Parked", "Offline", "Never reported");
  }

  @Test
  void otherRegionsAndOtherPeopleSeeNoneOfTheFleet() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    WebSession county = new WebSession(port).signedInAs("qs.vehicle", ApiClient.DEMO_PASSWORD);
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);

    var countyAnswer = county.get("/vehicles/map/positions.json");

    assertThat(countyAnswer.status()).isEqualTo(200);
    assertThat(byVehicle(json.readTree(countyAnswer.body()))).doesNotContainKey(vehicle.get("id").asLong());
    assertThat(county.get("/vehicles/map").body()).doesNotContain(vehicle.get("plate").asText());
    var refused = staff.get("/vehicles/map/positions.json");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(staff.get("/vehicles/map").status()).isEqualTo(403);
  }

  @Test
  void aTripsTrackIsShownBesideItsSheetToTheManagerAndItsDriverOnly() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    var driver = fixtures.driver(accounts, manager);
    var otherDriver = fixtures.driver(accounts, manager);
    LocalDate day = LocalDate.now(TelemetryFixtures.BEIJING).minusDays(2);
    var trip = fixtures.drivenTrip(clock, vehicleId, driver, day, "轨迹回放-送审材料");
    manager = api.tokenFor("vehicle.manager");
    try (var terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicleId,
        vehicle.get("plate").asText())) {
      terminal.report(25.0300, 102.7000, 0, trip.started().minusMinutes(3));
      for (int minute = 1; minute <= 18; minute++) {
        terminal.report(25.0300 + minute * 0.001, 102.7000 + minute * 0.0005, 36, trip.started().plusMinutes(minute));
      }
      terminal.report(25.0500, 102.7200, 0, trip.ended().plusMinutes(3));
    }
    String path = "/vehicles/trips/" + trip.tripId() + "/track";
    WebSession asManager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    WebSession asDriver = new WebSession(port).signedInAs(driver.username(), ApiClient.DEMO_PASSWORD);

    var managerPage = asManager.get(path);
    var driverPage = asDriver.get(path);

    assertThat(managerPage.status()).isEqualTo(200);
    assertThat(managerPage.body()).contains(trip.sheetNo(), "轨迹回放-送审材料", "市行政中心 → 市人民医院 → 市行政中心",
        driver.name(), "1000 / 1012", "12 公里", "18 个", "data-track=", "id=\"replay-slider\"");
    assertThat(driverPage.status()).isEqualTo(200);
    assertThat(driverPage.body()).contains(trip.sheetNo(), "18 个");
    assertThat(new WebSession(port).signedInAs(otherDriver.username(), ApiClient.DEMO_PASSWORD).get(path).status())
        .isEqualTo(404);
    assertThat(new WebSession(port).signedInAs("qs.vehicle", ApiClient.DEMO_PASSWORD).get(path).status())
        .isEqualTo(404);
    // the requester sees the dispatch sheet, but a track is the driver's personal information
    assertThat(new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get(path).status()).isEqualTo(403);
    assertThat(asManager.get("/vehicles/trips/999999999/track").status()).isEqualTo(404);
    assertThat(jdbc.sql("""
        select actor || ':' || (after_state ->> 'as') || ':' || (after_state ->> 'points') from audit_event
         where action = 'VIEW' and entity_type = 'telemetry_position' and entity_id = :v order by id""")
        .param("v", String.valueOf(vehicleId)).query(String.class).list())
        .containsExactly("vehicle.manager:MANAGER:18", driver.username() + ":DRIVER:18");
    assertThat(asManager.get("/vehicles/" + vehicleId).body()).contains(path);
  }
}
