package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys of other systems with the read scopes of the meeting and vehicle modules: a room sign reads its room's day,
 * a supervising platform reads the fleet — of the key's region only, and nothing else.
 */
@IntegrationTest
class IntegrationApiKeysTest {

  @LocalServerPort int port;
  @Autowired ApiCredentials credentials;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  CurrentUser admin;
  long city;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    admin = accounts.loadUserByUsername("admin");
    city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
  }

  private String keyWith(ApiScope scope) {
    return credentials.createApiKey(scope.name() + "-" + UUID.randomUUID(), city, Set.of(scope), admin).secret();
  }

  private ApiClient.Answer get(String path, String key) {
    return api.withHeader(path, ApiClient.API_KEY_HEADER, key);
  }

  @Test
  void aRoomSignReadsTheRoomsAndARoomsDayOfItsRegionButBooksNothingAndReadsNoFleet() {
    String sign = keyWith(ApiScope.MEETING_ROOMS_READ);
    long cityRoom = jdbc.sql("select min(id) from meeting_room where region_id = :r").param("r", city)
        .query(Long.class).single();
    long otherRoom = jdbc.sql("select min(id) from meeting_room where region_id <> :r").param("r", city)
        .query(Long.class).single();

    ApiClient.Answer rooms = get("/api/v1/meeting-rooms", sign);
    ApiClient.Answer day = get("/api/v1/meeting-rooms/" + cityRoom + "/availability?date=" + LocalDate.now(), sign);

    assertThat(rooms.status()).isEqualTo(200);
    assertThat(StreamSupport.stream(rooms.body().spliterator(), false).map(room -> room.get("id").asLong()))
        .contains(cityRoom).doesNotContain(otherRoom);
    assertThat(day.status()).isEqualTo(200);
    assertThat(get("/api/v1/meeting-rooms/" + otherRoom + "/availability?date=" + LocalDate.now(), sign).status())
        .isEqualTo(404);
    assertThat(api.postWithHeader("/api/v1/meeting-bookings", ApiClient.API_KEY_HEADER, sign,
        Map.of("roomId", cityRoom)).status()).isEqualTo(403);
    assertThat(get("/api/v1/vehicles", sign).status()).isEqualTo(403);
  }

  @Test
  void aSupervisingPlatformReadsTheFleetOfItsRegionOnly() {
    String platform = keyWith(ApiScope.VEHICLES_READ);

    ApiClient.Answer fleet = get("/api/v1/vehicles", platform);

    assertThat(fleet.status()).isEqualTo(200);
    assertThat(fleet.body().size()).isPositive();
    assertThat(StreamSupport.stream(fleet.body().spliterator(), false).map(vehicle -> vehicle.get("regionId").asLong()))
        .containsOnly(city);
    assertThat(get("/api/v1/meeting-rooms", platform).status()).isEqualTo(403);
    assertThat(get("/api/v1/vehicle-requests", platform).status()).isEqualTo(403);
  }

  @Test
  void onlyAMonitoringKeyOrAPlatformAdministratorReadsTheMetrics() {
    String monitoring = keyWith(ApiScope.METRICS_READ);

    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", keyWith(ApiScope.VEHICLES_READ)).status()).isEqualTo(403);
    assertThat(api.get("/actuator/prometheus", api.tokenFor("staff")).status()).isEqualTo(403);
    assertThat(api.get("/actuator/prometheus", api.tokenFor("admin")).status()).isEqualTo(200);
    ApiClient.Answer scraped = get("/actuator/prometheus", monitoring);
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.body().asText()).contains("http_server_requests_seconds");
    assertThat(get("/api/v1/staff", monitoring).status()).isEqualTo(403);
  }
}
