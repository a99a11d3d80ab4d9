package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Binding terminals to vehicles: by the region's vehicle managers only, checked, audited, refused with a reason. */
@IntegrationTest
class TerminalBindingApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  TelemetryFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new TelemetryFixtures(api, jdbc);
    manager = api.tokenFor("vehicle.manager");
  }

  private Map<String, Object> binding(long vehicleId, String phone, String terminalId, String protocol) {
    Map<String, Object> body = new HashMap<>();
    body.put("vehicleId", vehicleId);
    body.put("phone", phone);
    body.put("terminalId", terminalId);
    body.put("protocol", protocol);
    return body;
  }

  private long audited(String action, long bindingId) {
    return jdbc.sql("select count(*) from audit_event where entity_type = 'telemetry_terminal' and entity_id = :id"
        + " and action = :action").param("id", String.valueOf(bindingId)).param("action", action)
        .query(Long.class).single();
  }

  @Test
  void aManagerBindsListsAndUnbindsATerminalEachStepAudited() {
    JsonNode vehicle = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();

    var bound = api.post("/api/v1/vehicle-terminals", manager,
        binding(vehicle.get("id").asLong(), "0" + phone, "T123456", "JT808_2013"));

    assertThat(bound.status()).as(String.valueOf(bound.body())).isEqualTo(201);
    long id = bound.body().get("id").asLong();
    assertThat(bound.body().get("phone").asText()).as("stored without its padding zero").isEqualTo(phone);
    assertThat(bound.body().get("plate").asText()).isEqualTo(vehicle.get("plate").asText());
    assertThat(bound.body().get("protocol").asText()).isEqualTo("JT808_2013");
    assertThat(bound.body().get("registeredAt").isNull()).isTrue();
    assertThat(audited("CREATE", id)).isEqualTo(1);
    JsonNode list = api.get("/api/v1/vehicle-terminals", manager).body();
    assertThat(StreamSupport.stream(list.spliterator(), false).map(b -> b.get("id").asLong())).contains(id);
    assertThat(api.get("/api/v1/vehicle-terminals/" + id, manager).body().get("terminalId").asText())
        .isEqualTo("T123456");

    assertThat(api.delete("/api/v1/vehicle-terminals/" + id, manager).status()).isEqualTo(204);

    assertThat(api.get("/api/v1/vehicle-terminals/" + id, manager).status()).isEqualTo(404);
    assertThat(audited("DELETE", id)).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithAReasonInChinese() {
    long vehicle = fixtures.vehicle(manager).get("id").asLong();
    String phone = fixtures.freshPhone();

    var letters = api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, "139abc", "T1", "JT808_2013"));
    var tooLong = api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, "1391234567890", "T1", "JT808_2013"));
    var longId = api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, phone, "T12345678", "JT808_2013"));
    var noProtocol = api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, phone, "T1", null));
    var unknownProtocol = api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, phone, "T1", "JT808_1999"));
    Map<String, Object> noVehicle = binding(0, phone, "T1", "JT808_2013");
    noVehicle.remove("vehicleId");
    var withoutVehicle = api.post("/api/v1/vehicle-terminals", manager, noVehicle);

    assertThat(letters.status()).isEqualTo(400);
    assertThat(letters.body().get("detail").asText()).contains("SIM 卡号").contains("139abc");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(longId.status()).isEqualTo(400);
    assertThat(longId.body().get("detail").asText()).contains("终端 ID");
    assertThat(noProtocol.status()).isEqualTo(400);
    assertThat(noProtocol.body().get("detail").asText()).contains("协议版本");
    assertThat(unknownProtocol.status()).isEqualTo(400);
    assertThat(withoutVehicle.status()).isEqualTo(400);
    assertThat(api.post("/api/v1/vehicle-terminals", manager, binding(vehicle, "0" + phone.substring(1) + "123456789",
        "T2019", "JT808_2019")).status()).as("20 digits for 2019").isEqualTo(201);
  }

  @Test
  void aPhoneOrAVehicleIsBoundOnlyOnce() {
    long first = fixtures.vehicle(manager).get("id").asLong();
    long second = fixtures.vehicle(manager).get("id").asLong();
    String phone = fixtures.freshPhone();
    fixtures.bind(manager, first, phone, "T1", "JT808_2013");

    var samePhone = api.post("/api/v1/vehicle-terminals", manager, binding(second, phone, "T2", "JT808_2013"));
    var sameVehicle = api.post("/api/v1/vehicle-terminals", manager,
        binding(first, fixtures.freshPhone(), "T3", "JT808_2013"));

    assertThat(samePhone.status()).isEqualTo(409);
    assertThat(samePhone.body().get("detail").asText()).contains(phone).contains("已绑定");
    assertThat(sameVehicle.status()).isEqualTo(409);
    assertThat(sameVehicle.body().get("detail").asText()).contains("请先解绑");
  }

  @Test
  void anotherRegionsManagerFindsNothingAndStaffMayNot() {
    long vehicle = fixtures.vehicle(manager).get("id").asLong();
    long id = fixtures.bind(manager, vehicle, fixtures.freshPhone(), "T1", "JT808_2013").get("id").asLong();
    String county = api.tokenFor("qs.vehicle");
    String staff = api.tokenFor("staff");

    assertThat(api.post("/api/v1/vehicle-terminals", county,
        binding(vehicle, fixtures.freshPhone(), "T1", "JT808_2013")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/vehicle-terminals/" + id, county).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/vehicle-terminals/" + id, county).status()).isEqualTo(404);
    assertThat(StreamSupport.stream(api.get("/api/v1/vehicle-terminals", county).body().spliterator(), false)
        .map(b -> b.get("id").asLong())).doesNotContain(id);
    assertThat(api.get("/api/v1/vehicle-terminals", staff).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/vehicle-terminals", staff,
        binding(vehicle, fixtures.freshPhone(), "T1", "JT808_2013")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/vehicle-terminals/" + id, manager).status()).isEqualTo(200);
  }
}
