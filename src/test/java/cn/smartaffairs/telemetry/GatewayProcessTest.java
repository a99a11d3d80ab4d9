package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.SmartAffairsApplication;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

/**
 * The gateway as a process of its own, from the same application (profile {@code gateway}, ADR 0014): it starts with
 * no web server and no scheduled jobs, next to the platform on the same database, and a terminal bound through the
 * platform's API registers, authenticates and reports to it — the position lands in the database, acknowledged.
 */
@IntegrationTest
class GatewayProcessTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theGatewayProfileStartsOnlyTheGatewayAndItsPositionsLandInTheDatabase() throws Exception {
    ApiClient api = new ApiClient(port);
    TelemetryFixtures fixtures = new TelemetryFixtures(api, jdbc);
    String manager = api.tokenFor("vehicle.manager");
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    LocalDateTime at = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS).minusMinutes(3);

    // the test profile for the database this test's platform uses; the gateway profile after it, so that it wins
    try (ConfigurableApplicationContext gatewayOnly = new SpringApplicationBuilder(SmartAffairsApplication.class)
        .profiles("test", "gateway").run("--affairs.telemetry.port=0", "--affairs.cluster.instance-id=gateway-1")) {
      assertThat(gatewayOnly).as("no web server").isNotInstanceOf(WebServerApplicationContext.class);
      assertThat(gatewayOnly.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).as("no scheduled jobs")
          .isEmpty();
      int gatewayPort = gatewayOnly.getBean(TerminalGateway.class).port();
      assertThat(gatewayPort).isPositive();

      try (var terminal = SimulatedTerminal.online(fixtures, manager, gatewayPort, vehicleId,
          vehicle.get("plate").asText())) {
        terminal.report(25.0501, 102.7201, 36, at);
        assertThat(jdbc.sql("select latitude, speed_dkmh from telemetry_position where vehicle_id = :v and at = :at")
            .param("v", vehicleId).param("at", java.sql.Timestamp.from(at.atZone(TelemetryFixtures.BEIJING)
                .toInstant()))
            .query((rs, n) -> rs.getInt(1) + " " + rs.getInt(2)).list()).containsExactly("25050100 360");

        // the platform's instance holds no connection of it, so a command asked for there cannot reach it
        var asked = api.post("/api/v1/vehicle-terminals/" + terminal.bindingId() + "/parameter-queries", manager,
            Map.of());
        assertThat(asked.status()).isEqualTo(409);
      }
    }
    // the platform's own gateway and pages go on
    var track = api.get("/api/v1/vehicles/" + vehicleId + "/track?from=" + at.minusMinutes(1) + "&to="
        + at.plusMinutes(1), manager);
    assertThat(track.status()).isEqualTo(200);
    assertThat(track.body()).hasSize(1);
  }
}
