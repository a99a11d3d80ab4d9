package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees a track (PIPL art. 28): the vehicle managers of its region all of it, a driver only what they drove, nobody
 * else; every view is audited.
 */
@IntegrationTest
class TrackAccessTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
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

  private void position(long vehicleId, Instant at, int latitude) {
    jdbc.sql("""
        insert into telemetry_position (vehicle_id, at, latitude, longitude, altitude_m, speed_dkmh, heading_deg,
                                        alarm_flags, status_flags, received_at)
        values (:v, :at, :lat, 102700000, 1900, 300, 90, 0, 3, now())""")
        .param("v", vehicleId).param("at", Timestamp.from(at)).param("lat", latitude).update();
  }

  private String track(long vehicleId, Instant from, Instant to) {
    return "/api/v1/vehicles/" + vehicleId + "/track?from=" + from + "&to=" + to;
  }

  private static List<Integer> latitudes(JsonNode points) {
    List<Integer> latitudes = new ArrayList<>();
    points.forEach(p -> latitudes.add(p.get("lat").decimalValue().movePointRight(6).intValueExact()));
    return latitudes;
  }

  /** A new staff member with a DRIVER account, registered as driver of the city; answers the user name. */
  private String driver() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    long affairs = jdbc.sql("select id from org_unit where region_id = :r and name = '市机关事务管理局'")
        .param("r", city).query(Long.class).single();
    String rank = jdbc.sql("select code from staff_rank order by sort_order desc limit 1").query(String.class).single();
    long staffId = jdbc.sql("""
        insert into staff (region_id, unit_id, staff_no, name, rank_code, within_establishment, status, post_title)
        values (:region, :unit, :no, :name, :rank, false, 'ACTIVE', '驾驶员') returning id""")
        .param("region", city).param("unit", affairs).param("no", "TLM-" + suffix).param("name", "轨迹驾驶员" + suffix)
        .param("rank", rank).query(Long.class).single();
    String username = "tdriver." + suffix;
    accounts.create(new Accounts.NewAccount(username, ApiClient.DEMO_PASSWORD, "轨迹驾驶员", staffId, city, affairs,
        List.of(new RoleGrant(Role.DRIVER, city, null), new RoleGrant(Role.STAFF, city, null))));
    var registered = api.post("/api/v1/vehicle-drivers", manager, Map.of("staffId", staffId, "licenceClass", "B1",
        "licenceExpires", LocalDate.now().plusYears(3).toString(), "shiftStart", "04:00", "shiftEnd", "04:30"));
    assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
    return username;
  }

  @Test
  void aDriverSeesOnlyWhatTheyDroveAndTheManagerSeesEverything() {
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant started = now.minus(40, ChronoUnit.MINUTES);
    Instant ended = now.minus(20, ChronoUnit.MINUTES);
    String driver = api.tokenFor(driver());
    String otherDriver = api.tokenFor(driver());
    clock.stopAt(started);
    var trip = api.post("/api/v1/vehicle-trips", driver,
        Map.of("vehicleId", vehicleId, "odometerKm", 1000, "purpose", "送文件"));
    assertThat(trip.status()).as(String.valueOf(trip.body())).isEqualTo(201);
    clock.stopAt(ended);
    assertThat(api.post("/api/v1/vehicle-trips/" + trip.body().get("id").asLong() + "/end", driver,
        Map.of("odometerKm", 1012)).status()).isEqualTo(200);
    clock.resume();
    position(vehicleId, started.minus(5, ChronoUnit.MINUTES), 25_000_001);
    position(vehicleId, started.plus(1, ChronoUnit.MINUTES), 25_000_002);
    position(vehicleId, ended.minus(1, ChronoUnit.MINUTES), 25_000_003);
    position(vehicleId, ended.plus(2, ChronoUnit.MINUTES), 25_000_004);
    String period = track(vehicleId, now.minus(1, ChronoUnit.HOURS), now);

    var asDriver = api.get(period, driver);
    var asManager = api.get(period, manager);

    assertThat(asDriver.status()).as(String.valueOf(asDriver.body())).isEqualTo(200);
    assertThat(latitudes(asDriver.body())).containsExactly(25_000_002, 25_000_003);
    assertThat(latitudes(asManager.body())).containsExactly(25_000_001, 25_000_002, 25_000_003, 25_000_004);
    assertThat(api.get(period, otherDriver).status()).isEqualTo(404);
    assertThat(jdbc.sql("""
        select after_state ->> 'as' from audit_event where action = 'VIEW' and entity_type = 'telemetry_position'
           and entity_id = :v order by id""").param("v", String.valueOf(vehicleId)).query(String.class).list())
        .containsExactly("DRIVER", "MANAGER");
  }

  @Test
  void otherRegionsAndOtherPeopleSeeNoTrack() {
    long vehicleId = fixtures.vehicle(manager).get("id").asLong();
    Instant now = Instant.now();
    String period = track(vehicleId, now.minus(1, ChronoUnit.HOURS), now);

    assertThat(api.get(period, api.tokenFor("qs.vehicle")).status()).isEqualTo(404);
    assertThat(api.get(period, api.tokenFor("staff")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/vehicle-positions/latest", api.tokenFor("staff")).status()).isEqualTo(403);
    assertThat(api.get(period, manager).status()).isEqualTo(200);
  }

  @Test
  void aPeriodThatIsNoPeriodIsRefused() {
    long vehicleId = fixtures.vehicle(manager).get("id").asLong();
    String base = "/api/v1/vehicles/" + vehicleId + "/track";

    var backwards = api.get(base + "?from=2026-12-02T00:00&to=2026-12-01T00:00", manager);
    var tooLong = api.get(base + "?from=2026-10-01&to=2026-12-01", manager);
    var notATime = api.get(base + "?from=yesterday&to=2026-12-01T00:00", manager);
    var missing = api.get(base + "?from=2026-12-01T00:00", manager);

    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("detail").asText()).contains("31");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(notATime.status()).isEqualTo(400);
    assertThat(notATime.body().get("detail").asText()).contains("yesterday");
    assertThat(missing.status()).isEqualTo(400);
  }
}
