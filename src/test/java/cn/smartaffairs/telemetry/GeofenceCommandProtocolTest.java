package cn.smartaffairs.telemetry;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import cn.smartaffairs.telemetry.TerminalConnection.Reply;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A geofence pushed to terminals on real sockets: a terminal written here from JT/T 808 registers and authenticates,
 * the manager pushes a circle, and the terminal reads the 0x8600 frame — checked byte by byte against the standard's
 * fields, not the platform's encoder — and answers with its general reply 0x0001; the answer shows on the API and the
 * fence's page. A terminal that connects later gets the command then; deleting the fence sends 0x8601.
 */
@IntegrationTest
class GeofenceCommandProtocolTest {

  private static final Charset GBK = Charset.forName("GBK");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TerminalGateway gateway;
  ApiClient api;
  TelemetryFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new TelemetryFixtures(api, jdbc);
    manager = api.tokenFor("vehicle.manager");
  }

  /** A bound terminal on its own connection, registered and authenticated by hand; the platform's flow so far. */
  private record Online(TerminalConnection connection, String phone, String phone12) {}

  private Online online(String phone, String terminalId, String plate) throws IOException {
    String phone12 = "0" + phone;
    TerminalConnection connection = new TerminalConnection(gateway.port());
    byte[] registration = new Body().u16(53).u16(100).text("70111", 5).text("SA-808", 20).text(terminalId, 7).u8(2)
        .text(plate).bytes();
    connection.write(HandMadeFrames.frame2013(0x0100, phone12, 1, registration));
    Reply registered = connection.read(false);
    assertThat(registered.messageId()).isEqualTo(0x8100);
    assertThat(registered.body()[2]).as("registration result").isZero();
    String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);
    connection.write(HandMadeFrames.frame2013(0x0102, phone12, 2, authCode.getBytes(GBK)));
    Reply authenticated = connection.read(false);
    assertThat(authenticated.messageId()).isEqualTo(0x8001);
    assertThat(authenticated.result()).as("authentication result").isZero();
    return new Online(connection, phone, phone12);
  }

  private JsonNode command(long fenceId, String phone) {
    for (JsonNode command : api.get("/api/v1/vehicle-geofences/" + fenceId + "/commands", manager).body()) {
      if (command.get("phone").asText().equals(phone)) {
        return command;
      }
    }
    return null;
  }

  private void awaitStatus(long fenceId, String phone, String status) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode command = command(fenceId, phone);
      assertThat(command).isNotNull();
      assertThat(command.get("status").asText()).isEqualTo(status);
    });
  }

  /** 终端通用应答 0x0001: the platform's flow number and message id it answers, and the result. */
  private static byte[] generalReply(int platformFlow, int messageId, int result) {
    return new Body().u16(platformFlow).u16(messageId).u8(result).bytes();
  }

  @Test
  void aPushedCircleReachesTheTerminalAsTheStandardsBytesAndItsAnswerIsShown() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    JsonNode later = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();
    String laterPhone = fixtures.freshPhone();
    String terminalId = TelemetryFixtures.freshTerminalId();
    String laterTerminalId = TelemetryFixtures.freshTerminalId();
    fixtures.bind(manager, vehicle.get("id").asLong(), phone, terminalId, "JT808_2013");
    fixtures.bind(manager, later.get("id").asLong(), laterPhone, laterTerminalId, "JT808_2013");
    String name = "停车场" + UUID.randomUUID().toString().substring(0, 6);

    try (TerminalConnection connection = online(phone, terminalId, vehicle.get("plate").asText()).connection()) {
      var created = api.post("/api/v1/vehicle-geofences", manager, Map.of("name", name, "kind", "PARKING", "shape",
          "CIRCLE", "centre", Map.of("lat", 25.04, "lon", 102.714), "radiusM", 300));
      assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
      long fenceId = created.body().get("id").asLong();

      var pushed = api.post("/api/v1/vehicle-geofences/" + fenceId + "/push", manager, Map.of());
      assertThat(pushed.status()).isEqualTo(202);
      assertThat(pushed.body().get("terminals").asInt()).isGreaterThanOrEqualTo(2);

      // 设置圆形区域: append (1), one area, the fence's id, alarms on entering and leaving (bits 3 and 5), the centre
      // 25.040000 N 102.714000 E in millionths (0x017E1480 holds 0x7E: escaped on the wire), radius 300 m
      Reply set = connection.read(false);
      assertThat(set.messageId()).isEqualTo(0x8600);
      assertThat(set.phone()).isEqualTo(hex("0" + phone));
      assertThat(set.flow()).as("the connection's next flow number").isEqualTo(2);
      assertThat(set.body()).isEqualTo(
          new Body().u8(1).u8(1).u32(fenceId).bytes(hex("0028 017E1480 061F4A90 0000012C")).bytes());
      awaitStatus(fenceId, phone, "SENT");

      connection.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 3, generalReply(set.flow(), 0x8600, 0)));
      awaitStatus(fenceId, phone, "SUCCEEDED");
      JsonNode answered = command(fenceId, phone);
      assertThat(answered.get("messageId").asInt()).isEqualTo(0x8600);
      assertThat(answered.get("answeredAt").isNull()).isFalse();
      assertThat(command(fenceId, laterPhone).get("status").asText()).as("not connected yet").isEqualTo("PENDING");

      WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
      String html = page.get("/vehicles/geofences/" + fenceId).body();
      assertThat(html).contains("id=\"command-" + phone + "\"").contains("data-status=\"SUCCEEDED\"")
          .contains("设置区域 0x8600").contains("成功");

      // the terminal that connects later gets the command when it has authenticated
      try (TerminalConnection late = online(laterPhone, laterTerminalId, later.get("plate").asText()).connection()) {
        Reply lateSet = late.read(false);
        assertThat(lateSet.messageId()).isEqualTo(0x8600);
        assertThat(lateSet.body()).isEqualTo(
            new Body().u8(1).u8(1).u32(fenceId).bytes(hex("0028 017E1480 061F4A90 0000012C")).bytes());
        late.write(HandMadeFrames.frame2013(0x0001, "0" + laterPhone, 3, generalReply(lateSet.flow(), 0x8600, 3)));
        awaitStatus(fenceId, laterPhone, "NOT_SUPPORTED");
      }

      // pushed again, the terminal that holds the area is told to change it (设置属性 2)
      api.post("/api/v1/vehicle-geofences/" + fenceId + "/push", manager, Map.of());
      Reply again = connection.read(false);
      assertThat(again.messageId()).isEqualTo(0x8600);
      assertThat(again.body()[0]).as("modify").isEqualTo((byte) 2);
      connection.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 4, generalReply(again.flow(), 0x8600, 0)));
      awaitStatus(fenceId, phone, "SUCCEEDED");

      // deleted: 删除圆形区域 with one id
      int version = api.get("/api/v1/vehicle-geofences/" + fenceId, manager).body().get("version").asInt();
      assertThat(api.delete("/api/v1/vehicle-geofences/" + fenceId + "?version=" + version, manager).status())
          .isEqualTo(204);
      Reply delete = connection.read(false);
      assertThat(delete.messageId()).isEqualTo(0x8601);
      assertThat(delete.body()).isEqualTo(new Body().u8(1).u32(fenceId).bytes());
      awaitStatus(fenceId, phone, "SENT");
      connection.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 5, generalReply(delete.flow(), 0x8601, 0)));
      awaitStatus(fenceId, phone, "SUCCEEDED");
      assertThat(command(fenceId, phone).get("delete").asBoolean()).isTrue();
      assertThat(jdbc.sql("select holds_area from telemetry_area_command where phone = :p and geofence_id = :g")
          .param("p", phone).param("g", fenceId).query(Boolean.class).single()).isFalse();
      // the deleted fence stays readable, with its delete command, and is listed among the deleted ones
      String deletedPage = page.get("/vehicles/geofences/" + fenceId).body();
      assertThat(deletedPage).contains("id=\"fence-deleted\"").contains("删除区域 0x8601")
          .doesNotContain("id=\"geofence-push\"");
      assertThat(page.get("/vehicles/geofences").body()).contains("id=\"deleted-fence-" + fenceId + "\"");
    }
  }

  @Test
  void aCommandLeftUnansweredWhenTheConnectionEndedIsSentAgainOnTheNext() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();
    String terminalId = TelemetryFixtures.freshTerminalId();
    fixtures.bind(manager, vehicle.get("id").asLong(), phone, terminalId, "JT808_2013");
    long fenceId;
    byte[] expected;
    try (TerminalConnection first = online(phone, terminalId, vehicle.get("plate").asText()).connection()) {
      fenceId = api.post("/api/v1/vehicle-geofences", manager, Map.of("name",
          "断线" + UUID.randomUUID().toString().substring(0, 6), "kind", "PARKING", "shape", "CIRCLE", "centre",
          Map.of("lat", 25.04, "lon", 102.714), "radiusM", 300)).body().get("id").asLong();
      api.post("/api/v1/vehicle-geofences/" + fenceId + "/push", manager, Map.of());
      expected = new Body().u8(1).u8(1).u32(fenceId).bytes(hex("0028 017E1480 061F4A90 0000012C")).bytes();
      assertThat(first.read(false).body()).isEqualTo(expected);
      awaitStatus(fenceId, phone, "SENT");
    }

    try (TerminalConnection second = online(phone, terminalId, vehicle.get("plate").asText()).connection()) {
      Reply again = second.read(false);
      assertThat(again.messageId()).isEqualTo(0x8600);
      assertThat(again.flow()).as("the new connection's numbers start again").isEqualTo(2);
      assertThat(again.body()).isEqualTo(expected);
      second.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 3, generalReply(again.flow(), 0x8600, 0)));
      awaitStatus(fenceId, phone, "SUCCEEDED");
    }
  }

  @Test
  void anAnswerToAnotherFlowNumberChangesNothing() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();
    String terminalId = TelemetryFixtures.freshTerminalId();
    fixtures.bind(manager, vehicle.get("id").asLong(), phone, terminalId, "JT808_2013");
    try (TerminalConnection connection = online(phone, terminalId, vehicle.get("plate").asText()).connection()) {
      var created = api.post("/api/v1/vehicle-geofences", manager, Map.of("name",
          "大院" + UUID.randomUUID().toString().substring(0, 6), "kind", "OFFICE", "shape", "RECTANGLE", "northWest",
          Map.of("lat", 25.035, "lon", 102.72), "southEast", Map.of("lat", 25.045, "lon", 102.708)));
      long fenceId = created.body().get("id").asLong();
      api.post("/api/v1/vehicle-geofences/" + fenceId + "/push", manager, Map.of());

      Reply set = connection.read(false);
      assertThat(set.messageId()).isEqualTo(0x8602);
      // corners given south-east first: sent as upper-left 25.045000/102.708000, lower-right 25.035000/102.720000
      assertThat(set.body()).isEqualTo(
          new Body().u8(1).u8(1).u32(fenceId).bytes(hex("0028 017E2808 061F3320 017E00F8 061F6200")).bytes());
      connection.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 3, generalReply(set.flow() + 1, 0x8602, 0)));
      connection.write(HandMadeFrames.frame2013(0x0001, "0" + phone, 4, generalReply(set.flow(), 0x8600, 0)));
      // a heartbeat after them: once it is answered, both replies before it have been read
      connection.write(HandMadeFrames.frame2013(0x0002, "0" + phone, 5, new byte[0]));
      assertThat(connection.read(false).messageId()).isEqualTo(0x8001);
      Thread.sleep(500);
      assertThat(command(fenceId, phone).get("status").asText()).isEqualTo("SENT");
    }
  }
}
