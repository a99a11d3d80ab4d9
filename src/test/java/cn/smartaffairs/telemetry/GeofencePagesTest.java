package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The geofence pages for whom they are not meant, and forms sent as no browser would: answered with the page or a
 * message, never a 5xx; a change on an outdated version is refused above the form.
 */
@IntegrationTest
class GeofencePagesTest {

  @LocalServerPort int port;

  private static Map<String, String> circle(String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("kind", "PARKING");
    fields.put("shape", "CIRCLE");
    fields.put("centreLat", "25.04");
    fields.put("centreLon", "102.714");
    fields.put("radiusM", "300");
    return fields;
  }

  @Test
  void staffMayNotAndAnotherRegionFindsNothing() {
    ApiClient api = new ApiClient(port);
    long id = api.post("/api/v1/vehicle-geofences", api.tokenFor("vehicle.manager"), Map.of("name",
        "页面" + UUID.randomUUID().toString().substring(0, 6), "kind", "OTHER", "shape", "CIRCLE", "centre",
        Map.of("lat", 25.04, "lon", 102.714), "radiusM", 300)).body().get("id").asLong();

    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/vehicles/geofences").status()).isEqualTo(403);
    WebSession county = new WebSession(port).signedInAs("qs.vehicle", ApiClient.DEMO_PASSWORD);
    assertThat(county.get("/vehicles/geofences").status()).isEqualTo(200);
    assertThat(county.get("/vehicles/geofences").body()).doesNotContain("id=\"geofence-" + id + "\"");
    assertThat(county.get("/vehicles/geofences/" + id).status()).isEqualTo(404);
    String token = county.get("/vehicles/geofences").csrfToken();
    assertThat(county.post("/vehicles/geofences/" + id + "/push", Map.of("_csrf", token)).status())
        .isEqualTo(404);
  }

  @Test
  void formsSentAsNoBrowserWouldComeBackWithMessages() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);

    Map<String, String> junk = circle("乱填" + UUID.randomUUID().toString().substring(0, 6));
    junk.put("kind", "CASTLE");
    junk.put("centreLat", "north");
    junk.put("radiusM", "99999999999");
    var refused = manager.submit("/vehicles/geofences", junk);
    assertThat(refused.status()).isEqualTo(302);
    String form = manager.get("/vehicles/geofences").body();
    assertThat(form).contains("id=\"centreLat-error\"").contains("请输入数字").contains("id=\"radiusM-error\"")
        .contains("id=\"kind-error\"");

    Map<String, String> noVertices = circle("无顶点" + UUID.randomUUID().toString().substring(0, 6));
    noVertices.put("shape", "POLYGON");
    noVertices.put("vertices", "25.04, 102.71\n二十五, 102.72\n25.03, 102.73");
    manager.submit("/vehicles/geofences", noVertices);
    assertThat(manager.get("/vehicles/geofences").body()).contains("id=\"vertices-error\"").contains("第 2 行");

    String token = manager.get("/vehicles/geofences").csrfToken();
    assertThat(manager.post("/vehicles/geofences/987654321/push", Map.of("_csrf", token)).status()).isEqualTo(404);
    Map<String, String> unknown = circle("x");
    unknown.put("_csrf", token);
    assertThat(manager.post("/vehicles/geofences/abc", unknown).status()).isEqualTo(400);
    assertThat(manager.post("/vehicles/geofences/987654321/delete", Map.of("_csrf", token)).status())
        .isEqualTo(400);
    assertThat(manager.post("/vehicles/geofences/987654321/delete", Map.of("_csrf", token, "version", "0"))
        .status()).isEqualTo(404);
  }

  @Test
  void aChangeOnAnOutdatedVersionIsRefusedAboveTheForm() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    String name = "版本" + UUID.randomUUID().toString().substring(0, 6);
    var created = manager.submit("/vehicles/geofences", circle(name));
    assertThat(created.status()).isEqualTo(302);
    ApiClient api = new ApiClient(port);
    long id = 0;
    for (var fence : api.get("/api/v1/vehicle-geofences", api.tokenFor("vehicle.manager")).body()) {
      if (fence.get("name").asText().equals(name)) {
        id = fence.get("id").asLong();
      }
    }
    assertThat(id).isPositive();
    Map<String, String> change = circle(name);
    change.put("radiusM", "400");
    change.put("version", "0");
    assertThat(manager.submit("/vehicles/geofences/" + id, change).redirectPath())
        .isEqualTo("/vehicles/geofences/" + id);
    assertThat(manager.get("/vehicles/geofences/" + id).body()).contains("半径 400 米");

    change.put("radiusM", "500");
    manager.submit("/vehicles/geofences/" + id, change);
    String page = manager.get("/vehicles/geofences/" + id).body();
    assertThat(page).contains("id=\"form-errors\"").contains("已被他人修改").contains("半径 400 米");
  }
}
