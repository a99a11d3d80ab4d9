package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Geofences over the API: drawn, changed and deleted by the region's managers, versioned, audited, refused clearly. */
@IntegrationTest
class GeofenceApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    manager = api.tokenFor("vehicle.manager");
  }

  private static String fresh(String name) {
    return name + UUID.randomUUID().toString().substring(0, 6);
  }

  private static Map<String, Object> circle(String name, double lat, double lon, int radius) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("kind", "PARKING");
    body.put("shape", "CIRCLE");
    body.put("centre", Map.of("lat", lat, "lon", lon));
    body.put("radiusM", radius);
    return body;
  }

  private long audited(String action, long fenceId) {
    return jdbc.sql("select count(*) from audit_event where entity_type = 'telemetry_geofence' and entity_id = :id"
        + " and action = :action").param("id", String.valueOf(fenceId)).param("action", action)
        .query(Long.class).single();
  }

  @Test
  void aManagerDrawsChangesAndDeletesAFenceEachStepAuditedAndVersioned() {
    String name = fresh("市机关大院");
    Map<String, Object> polygon = new HashMap<>();
    polygon.put("name", name);
    polygon.put("kind", "OFFICE");
    polygon.put("shape", "POLYGON");
    polygon.put("vertices", List.of(Map.of("lat", 25.041, "lon", 102.71), Map.of("lat", 25.036, "lon", 102.712),
        Map.of("lat", 25.039, "lon", 102.719), Map.of("lat", 25.041, "lon", 102.71)));

    var created = api.post("/api/v1/vehicle-geofences", manager, polygon);

    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("vertices")).as("the closing vertex dropped").hasSize(3);
    assertThat(created.body().get("vertices").get(0).get("lat").decimalValue()).isEqualByComparingTo("25.041");
    assertThat(created.body().get("version").asInt()).isZero();
    assertThat(created.body().get("centre").isNull()).isTrue();
    assertThat(audited("CREATE", id)).isEqualTo(1);
    assertThat(StreamSupport.stream(api.get("/api/v1/vehicle-geofences", manager).body().spliterator(), false)
        .map(f -> f.get("id").asLong())).contains(id);

    polygon.put("vertices", List.of(Map.of("lat", 25.042, "lon", 102.71), Map.of("lat", 25.036, "lon", 102.712),
        Map.of("lat", 25.039, "lon", 102.719)));
    polygon.put("version", 0);
    var changed = api.put("/api/v1/vehicle-geofences/" + id, manager, polygon);
    assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
    assertThat(changed.body().get("version").asInt()).isEqualTo(1);
    assertThat(audited("UPDATE", id)).isEqualTo(1);

    var stale = api.put("/api/v1/vehicle-geofences/" + id, manager, polygon);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("detail").asText()).contains(name).contains("已被他人修改");

    polygon.put("version", 1);
    polygon.put("shape", "CIRCLE");
    var reshaped = api.put("/api/v1/vehicle-geofences/" + id, manager, polygon);
    assertThat(reshaped.status()).isEqualTo(400);
    assertThat(reshaped.body().get("detail").asText()).contains("形状不能修改");

    assertThat(api.delete("/api/v1/vehicle-geofences/" + id + "?version=0", manager).status()).isEqualTo(409);
    assertThat(api.delete("/api/v1/vehicle-geofences/" + id + "?version=1", manager).status()).isEqualTo(204);
    assertThat(audited("DELETE", id)).isEqualTo(1);
    assertThat(api.get("/api/v1/vehicle-geofences/" + id, manager).body().get("deletedAt").isNull()).isFalse();
    assertThat(StreamSupport.stream(api.get("/api/v1/vehicle-geofences", manager).body().spliterator(), false)
        .map(f -> f.get("id").asLong())).doesNotContain(id);
    // the name is free again
    assertThat(api.post("/api/v1/vehicle-geofences", manager, circle(name, 25.04, 102.714, 100)).status())
        .isEqualTo(201);
  }

  @Test
  void badOutlinesAreRefusedWithAReasonInChineseOrEnglish() throws Exception {
    var zeroRadius = api.post("/api/v1/vehicle-geofences", manager, circle(fresh("零半径"), 25.04, 102.714, 0));
    var northOfThePole = api.post("/api/v1/vehicle-geofences", manager, circle(fresh("纬度"), 91, 102.714, 100));
    Map<String, Object> twoPoints = circle(fresh("两点"), 25.04, 102.714, 100);
    twoPoints.put("shape", "POLYGON");
    twoPoints.put("vertices", List.of(Map.of("lat", 25.04, "lon", 102.71), Map.of("lat", 25.05, "lon", 102.72)));
    var polygonOfTwo = api.post("/api/v1/vehicle-geofences", manager, twoPoints);
    Map<String, Object> unknownShape = circle(fresh("形状"), 25.04, 102.714, 100);
    unknownShape.put("shape", "TRIANGLE");
    var triangle = api.post("/api/v1/vehicle-geofences", manager, unknownShape);
    Map<String, Object> noName = circle(" ", 25.04, 102.714, 100);
    var nameless = api.post("/api/v1/vehicle-geofences", manager, noName);
    Map<String, Object> flat = circle(fresh("扁矩形"), 25.04, 102.714, 100);
    flat.put("shape", "RECTANGLE");
    flat.put("northWest", Map.of("lat", 25.04, "lon", 102.70));
    flat.put("southEast", Map.of("lat", 25.04, "lon", 102.72));
    var flatRectangle = api.post("/api/v1/vehicle-geofences", manager, flat);

    assertThat(zeroRadius.status()).isEqualTo(400);
    assertThat(zeroRadius.body().get("detail").asText()).contains("半径").contains("500000");
    assertThat(northOfThePole.status()).isEqualTo(400);
    assertThat(northOfThePole.body().get("detail").asText()).contains("纬度").contains("91");
    assertThat(polygonOfTwo.status()).isEqualTo(400);
    assertThat(polygonOfTwo.body().get("detail").asText()).contains("至少需要 3 个");
    assertThat(triangle.status()).isEqualTo(400);
    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.body().get("detail").asText()).contains("名称");
    assertThat(flatRectangle.status()).isEqualTo(400);
    assertThat(flatRectangle.body().get("detail").asText()).contains("对角");

    String body = new ObjectMapper().writeValueAsString(circle(fresh("zero"), 25.04, 102.714, 0));
    var english = api.postRaw("/api/v1/vehicle-geofences",
        Map.of("Authorization", "Bearer " + manager, "Accept-Language", "en"), body);
    assertThat(english.status()).isEqualTo(400);
    assertThat(english.body().get("detail").asText()).contains("radius").contains("500000");
    String pole = new ObjectMapper().writeValueAsString(circle(fresh("pole"), 91, 102.714, 100));
    assertThat(api.postRaw("/api/v1/vehicle-geofences",
        Map.of("Authorization", "Bearer " + manager, "Accept-Language", "en"), pole).body().get("detail").asText())
        .contains("latitude").contains("91");
  }

  @Test
  void aNameIsTakenOncePerRegionAndAPlaceMustBeTheRegions() {
    String name = fresh("停车场");
    assertThat(api.post("/api/v1/vehicle-geofences", manager, circle(name, 25.04, 102.714, 100)).status())
        .isEqualTo(201);
    var again = api.post("/api/v1/vehicle-geofences", manager, circle(name, 25.05, 102.714, 100));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).contains(name);

    long cityPlace = jdbc.sql("select id from vehicle_place where name = '市行政中心'").query(Long.class).single();
    Map<String, Object> atPlace = circle(fresh("行政中心停车场"), 0, 0, 200);
    atPlace.remove("centre");
    atPlace.put("placeId", cityPlace);
    var placed = api.post("/api/v1/vehicle-geofences", manager, atPlace);
    assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(201);
    double placeLat = jdbc.sql("select latitude from vehicle_place where id = :id").param("id", cityPlace)
        .query(Double.class).single();
    assertThat(placed.body().get("centre").get("lat").asDouble()).isCloseTo(placeLat, org.assertj.core.data.Offset
        .offset(0.000001));

    String county = api.tokenFor("qs.vehicle");
    Map<String, Object> otherPlace = circle(fresh("外地"), 25.04, 102.714, 100);
    otherPlace.put("placeId", cityPlace);
    var refused = api.post("/api/v1/vehicle-geofences", county, otherPlace);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("常用地点");
  }

  @Test
  void anotherRegionsManagerFindsNothingAndStaffMayNot() {
    long id = api.post("/api/v1/vehicle-geofences", manager, circle(fresh("本区"), 25.04, 102.714, 100)).body()
        .get("id").asLong();
    String county = api.tokenFor("qs.vehicle");
    String staff = api.tokenFor("staff");

    assertThat(api.get("/api/v1/vehicle-geofences/" + id, county).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/vehicle-geofences/" + id + "/push", county, Map.of()).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/vehicle-geofences/" + id + "?version=0", county).status()).isEqualTo(404);
    assertThat(StreamSupport.stream(api.get("/api/v1/vehicle-geofences", county).body().spliterator(), false)
        .map(f -> f.get("id").asLong())).doesNotContain(id);
    assertThat(api.get("/api/v1/vehicle-geofences", staff).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/vehicle-geofence-crossings", staff).status()).isEqualTo(403);
    JsonNode mine = api.get("/api/v1/vehicle-geofences/" + id, manager).body();
    assertThat(mine.get("radiusM").asInt()).isEqualTo(100);
  }
}
