package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.RecordedEvents;
import cn.smartaffairs.telemetry.GeofenceCrossed.Direction;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import cn.smartaffairs.telemetry.geofence.GeofenceCrossings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Positions a terminal reports through the gateway, measured afterwards against a fence of the vehicle's region: the
 * round finds the car entering and leaving, records each crossing once and publishes {@link GeofenceCrossed}; a
 * redrawn fence is learned again without a crossing for the change.
 */
@IntegrationTest
class GeofenceCrossingTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TerminalGateway gateway;
  @Autowired GeofenceCrossings crossings;
  @Autowired ApplicationContext context;

  private List<JsonNode> crossingsOf(ApiClient api, String token, long fenceId) {
    List<JsonNode> found = new ArrayList<>();
    api.get("/api/v1/vehicle-geofence-crossings?geofenceId=" + fenceId, token).body().forEach(found::add);
    return found;
  }

  @Test
  void aCarEnteringAndLeavingAFenceIsRecordedAndPublishedOnce() throws Exception {
    ApiClient api = new ApiClient(port);
    TelemetryFixtures fixtures = new TelemetryFixtures(api, jdbc);
    String manager = api.tokenFor("vehicle.manager");
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    // a yard of 500 m where no other test drives
    var created = api.post("/api/v1/vehicle-geofences", manager, Map.of("name",
        "进出测试" + UUID.randomUUID().toString().substring(0, 6), "kind", "OTHER", "shape", "CIRCLE", "centre",
        Map.of("lat", 26.5, "lon", 103.5), "radiusM", 500));
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    long fenceId = created.body().get("id").asLong();
    LocalDateTime base = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);

    try (var terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicleId,
        vehicle.get("plate").asText());
        var events = RecordedEvents.of(context, GeofenceCrossed.class)) {
      terminal.report(26.5100, 103.5000, 30, base);
      terminal.report(26.5020, 103.5000, 30, base.plusSeconds(10));
      terminal.report(26.5000, 103.5010, 0, base.plusSeconds(20));
      terminal.report(26.4900, 103.5000, 30, base.plusSeconds(30));

      crossings.runDue();

      List<GeofenceCrossed> ours = events.list().stream().filter(e -> e.vehicleId() == vehicleId).toList();
      assertThat(ours).extracting(GeofenceCrossed::direction).containsExactly(Direction.ENTERED, Direction.LEFT);
      GeofenceCrossed entered = ours.get(0);
      assertThat(entered.geofenceId()).isEqualTo(fenceId);
      assertThat(entered.kind()).isEqualTo(GeofenceKind.OTHER);
      assertThat(entered.at()).isEqualTo(base.plusSeconds(10).atZone(TelemetryFixtures.BEIJING).toInstant());
      assertThat(entered.lat()).isEqualByComparingTo("26.502");
      assertThat(ours.get(1).at()).isEqualTo(base.plusSeconds(30).atZone(TelemetryFixtures.BEIJING).toInstant());

      List<JsonNode> shown = crossingsOf(api, manager, fenceId);
      assertThat(shown).extracting(c -> c.get("direction").asText()).containsExactly("LEFT", "ENTERED");
      assertThat(shown).allSatisfy(c -> {
        assertThat(c.get("plate").asText()).isEqualTo(vehicle.get("plate").asText());
        assertThat(c.get("vehicleId").asLong()).isEqualTo(vehicleId);
      });
      assertThat(jdbc.sql("""
          select count(*) from audit_event where entity_type = 'telemetry_geofence_crossing' and action = 'VIEW'
             and entity_id = :fence""").param("fence", String.valueOf(fenceId)).query(Long.class).single())
          .isPositive();

      // a round over the same positions records nothing again
      crossings.runDue();
      assertThat(crossingsOf(api, manager, fenceId)).hasSize(2);
      assertThat(events.list().stream().filter(e -> e.vehicleId() == vehicleId)).hasSize(2);

      // back in: one more crossing, measured from the side the last round left
      terminal.report(26.5000, 103.5000, 0, base.plusSeconds(40));
      crossings.runDue();
      assertThat(crossingsOf(api, manager, fenceId)).extracting(c -> c.get("direction").asText())
          .containsExactly("ENTERED", "LEFT", "ENTERED");

      // redrawn around where the car stands: learned again, no crossing for the change itself
      int version = api.get("/api/v1/vehicle-geofences/" + fenceId, manager).body().get("version").asInt();
      var moved = api.put("/api/v1/vehicle-geofences/" + fenceId, manager, Map.of("name",
          created.body().get("name").asText(), "kind", "OTHER", "centre", Map.of("lat", 26.6, "lon", 103.5),
          "radiusM", 500, "version", version));
      assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(200);
      terminal.report(26.5000, 103.5000, 0, LocalDateTime.now(TelemetryFixtures.BEIJING)
          .truncatedTo(ChronoUnit.SECONDS).plusSeconds(45));
      crossings.runDue();
      assertThat(crossingsOf(api, manager, fenceId)).hasSize(3);
      assertThat(jdbc.sql("select inside from telemetry_geofence_side where vehicle_id = :v and geofence_id = :g")
          .param("v", vehicleId).param("g", fenceId).query(Boolean.class).single()).isFalse();
    }
  }
}
