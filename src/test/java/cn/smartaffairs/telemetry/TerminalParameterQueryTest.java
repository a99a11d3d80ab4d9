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
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 查询终端参数 on a real socket: the platform's 0x8104 goes to the connected terminal, whose 0x0104 — composed here from
 * the standard, in two sub-packages — is stored and answered; a terminal that refuses, one that answers late and one
 * that is not connected are each told apart, in the caller's language.
 */
@IntegrationTest
class TerminalParameterQueryTest {

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

  private CompletableFuture<ApiClient.Answer> ask(long bindingId, String language) {
    return CompletableFuture.supplyAsync(() -> api.postRaw("/api/v1/vehicle-terminals/" + bindingId
        + "/parameter-queries", Map.of("Authorization", "Bearer " + manager, "Accept-Language", language), "{}"));
  }

  /** The query as the terminal reads it: 0x8104 with an empty body, to its own phone number. */
  private static Reply readQuery(SimulatedTerminal terminal) throws Exception {
    Reply query = terminal.connection().read(false);
    assertThat(query.messageId()).isEqualTo(0x8104);
    assertThat(query.body()).isEmpty();
    assertThat(query.phone()).isEqualTo(hex(terminal.phone12()));
    return query;
  }

  private static List<String> parameters(JsonNode answer) {
    List<String> listed = new ArrayList<>();
    answer.get("parameters").forEach(p -> listed.add(p.get("id").asText() + " " + p.get("name").asText() + " "
        + p.get("value").asText() + " " + p.get("unit").asText()));
    return listed;
  }

  @Test
  void theQueryReachesTheTerminalAndItsAnswerInTwoSubPackagesIsKept() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    try (var terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicle.get("id").asLong(),
        vehicle.get("plate").asText())) {
      long binding = terminal.bindingId();
      CompletableFuture<ApiClient.Answer> asked = ask(binding, "zh-CN");
      Reply query = readQuery(terminal);

      byte[] address = "gps.yx.gov.cn".getBytes(GBK);
      byte[] answer = new Body().u16(query.flow()).u8(6)
          .u32(0x0001).u8(4).u32(60)
          .u32(0x0013).u8(address.length).bytes(address)
          .u32(0x0018).u8(4).u32(6808)
          .u32(0x0029).u8(4).u32(30)
          .u32(0x0055).u8(4).u32(120)
          .u32(0x0080).u8(4).u32(123_456).bytes();
      int first = terminal.nextFlow();
      int second = terminal.nextFlow();
      terminal.connection().write(HandMadeFrames.subPackage2013(0x0104, terminal.phone12(), first, 2, 1,
          Arrays.copyOfRange(answer, 0, 20)));
      assertThat(terminal.connection().silentFor(300)).as("nothing answered before the last package").isTrue();
      terminal.connection().write(HandMadeFrames.subPackage2013(0x0104, terminal.phone12(), second, 2, 2,
          Arrays.copyOfRange(answer, 20, answer.length)));
      List<Reply> replies = List.of(terminal.connection().read(false), terminal.connection().read(false));
      assertThat(replies).extracting(Reply::messageId).containsOnly(0x8001);
      assertThat(replies).extracting(Reply::replyFlow).containsExactly(first, second);
      assertThat(replies).extracting(Reply::replyId).containsOnly(0x0104);
      assertThat(replies).extracting(Reply::result).containsOnly(0);

      ApiClient.Answer answered = asked.get();
      assertThat(answered.status()).as(String.valueOf(answered.body())).isEqualTo(200);
      assertThat(answered.body().get("outcome").asText()).isEqualTo("ANSWERED");
      List<String> expected = List.of("0x0001 HEARTBEAT_INTERVAL 60 SECONDS",
          "0x0013 MAIN_SERVER_ADDRESS gps.yx.gov.cn NONE", "0x0018 SERVER_TCP_PORT 6808 NONE",
          "0x0029 DEFAULT_REPORT_INTERVAL 30 SECONDS", "0x0055 MAX_SPEED 120 KMH", "0x0080 ODOMETER 12345.6 KM");
      assertThat(parameters(answered.body().get("answer"))).containsExactlyElementsOf(expected);

      JsonNode stored = api.get("/api/v1/vehicle-terminals/" + binding + "/parameters", manager).body();
      assertThat(parameters(stored)).containsExactlyElementsOf(expected);
      assertThat(stored.get("answeredAt").asText()).endsWith("+08:00");
      assertThat(jdbc.sql("""
          select count(*) from audit_event where action = 'QUERY_PARAMETERS' and entity_type = 'telemetry_terminal'
             and entity_id = :id and actor = 'vehicle.manager'""").param("id", String.valueOf(binding))
          .query(Long.class).single()).isEqualTo(1);

      // the next answer replaces this one whole
      asked = ask(binding, "zh-CN");
      query = readQuery(terminal);
      terminal.connection().write(HandMadeFrames.frame2013(0x0104, terminal.phone12(), terminal.nextFlow(),
          new Body().u16(query.flow()).u8(1).u32(0x0001).u8(4).u32(90).bytes()));
      assertThat(terminal.connection().read(false).result()).isZero();
      assertThat(asked.get().status()).isEqualTo(200);
      assertThat(parameters(api.get("/api/v1/vehicle-terminals/" + binding + "/parameters", manager).body()))
          .containsExactly("0x0001 HEARTBEAT_INTERVAL 90 SECONDS");
    }
  }

  @Test
  void aRefusalALateAnswerAndATerminalNotConnectedAreEachSaidSo() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    long binding;
    try (var terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicle.get("id").asLong(),
        vehicle.get("plate").asText())) {
      binding = terminal.bindingId();

      // a terminal that does not know the query answers 0x0001 with result 3
      CompletableFuture<ApiClient.Answer> asked = ask(binding, "en");
      Reply query = readQuery(terminal);
      terminal.connection().write(HandMadeFrames.frame2013(0x0001, terminal.phone12(), terminal.nextFlow(),
          new Body().u16(query.flow()).u16(0x8104).u8(3).bytes()));
      ApiClient.Answer refused = asked.get();
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body().get("detail").asText()).contains("refused", "not supported");

      // one that answers after the platform stopped waiting: 202 now, and its answer kept when it comes
      asked = ask(binding, "zh-CN");
      query = readQuery(terminal);
      ApiClient.Answer waiting = asked.get();
      assertThat(waiting.status()).isEqualTo(202);
      assertThat(waiting.body().get("outcome").asText()).isEqualTo("NO_ANSWER");
      terminal.connection().write(HandMadeFrames.frame2013(0x0104, terminal.phone12(), terminal.nextFlow(),
          new Body().u16(query.flow()).u8(1).u32(0x0055).u8(4).u32(100).bytes()));
      assertThat(terminal.connection().read(false).result()).isZero();
      Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(parameters(
          api.get("/api/v1/vehicle-terminals/" + binding + "/parameters", manager).body()))
          .containsExactly("0x0055 MAX_SPEED 100 KMH"));
    }

    // the terminal has gone: nothing can be sent, and the caller is told so in their language
    Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        ask(binding, "zh-CN").get().status()).isEqualTo(409));
    ApiClient.Answer zh = ask(binding, "zh-CN").get();
    assertThat(zh.body().get("detail").asText()).contains("未连接");
    ApiClient.Answer en = ask(binding, "en").get();
    assertThat(en.body().get("detail").asText()).contains("not connected");
    assertThat(api.get("/api/v1/vehicle-terminals/" + binding + "/parameters", manager).body().get("parameters"))
        .as("the last answer stays").hasSize(1);

    assertThat(api.post("/api/v1/vehicle-terminals/999999999/parameter-queries", manager, Map.of()).status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/vehicle-terminals/" + binding + "/parameter-queries", api.tokenFor("staff"),
        Map.of()).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/vehicle-terminals/abc/parameters", manager).status()).isEqualTo(400);
    // a county's vehicle manager does not see the city's terminal
    assertThat(api.get("/api/v1/vehicle-terminals/" + binding + "/parameters", api.tokenFor("lj.vehicle")).status())
        .isEqualTo(404);

    // the pages: a wrong address is a page in the reader's language, never a 5xx
    WebSession session = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    assertThat(session.get("/vehicles/terminals/abc").status()).isEqualTo(400);
    var missing = session.get("/vehicles/terminals/999999999?lang=en");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception");
    assertThat(session.get("/vehicles/terminals?sort=nonsense&page=-3&size=x").status()).isEqualTo(200);
    String csrf = session.get("/vehicles/terminals/" + binding).csrfToken();
    var notConnected = session.post("/vehicles/terminals/" + binding + "/parameter-queries", Map.of("_csrf", csrf));
    assertThat(notConnected.status()).isEqualTo(302);
    // in the language the session chose above
    assertThat(session.get(notConnected.redirectPath()).body()).contains("is not connected to this instance");
    assertThat(session.post("/vehicles/terminals/abc/parameter-queries", Map.of("_csrf", csrf)).status())
        .isEqualTo(400);
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/vehicles/terminals").status()).isEqualTo(403);
    assertThat(staff.get("/vehicles/terminals/" + binding).status()).isEqualTo(403);
  }

  @Test
  void aTerminalOf2019IsAskedWithA2019Header() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();
    String phone20 = "000000000" + phone;
    String terminalId = "SA2019" + TelemetryFixtures.freshTerminalId();
    long binding = fixtures.bind(manager, vehicle.get("id").asLong(), phone, terminalId, "JT808_2019").get("id")
        .asLong();
    try (TerminalConnection terminal = new TerminalConnection(gateway.port())) {
      terminal.write(HandMadeFrames.frame2019(0x0100, 1, phone20, 1, new Body().u16(53).u16(100)
          .text("70111000000", 11).text("SA-808-2019", 30).text(terminalId, 30).u8(1)
          .text(vehicle.get("plate").asText()).bytes()));
      Reply registered = terminal.read(true);
      String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);
      terminal.write(HandMadeFrames.frame2019(0x0102, 1, phone20, 2, new Body().u8(authCode.length()).text(authCode)
          .text("861234567890123", 15).text("V2.0.1", 20).bytes()));
      assertThat(terminal.read(true).result()).isZero();

      CompletableFuture<ApiClient.Answer> asked = ask(binding, "zh-CN");
      Reply query = terminal.read(true);
      assertThat(query.messageId()).isEqualTo(0x8104);
      assertThat(query.phone()).isEqualTo(hex(phone20));
      terminal.write(HandMadeFrames.frame2019(0x0104, 1, phone20, 3,
          new Body().u16(query.flow()).u8(1).u32(0x0001).u8(4).u32(45).bytes()));
      assertThat(terminal.read(true).result()).isZero();
      assertThat(asked.get().body().get("answer").get("parameters").get(0).get("value").asText()).isEqualTo("45");
    }
  }
}
