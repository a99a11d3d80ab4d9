package cn.smartaffairs.telemetry;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import cn.smartaffairs.telemetry.TerminalConnection.Reply;
import cn.smartaffairs.telemetry.gateway.GatewayMetrics;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A terminal on a real socket, its bytes composed here from JT/T 808 (never with the gateway's encoder): it registers,
 * authenticates and reports positions — escaped bytes, merged and split packets, a batch, sub-packages, a 2019
 * header — and every platform reply is checked byte by byte; then the track comes back exact over the API.
 */
@IntegrationTest
class TerminalProtocolTest {

  private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
  private static final Charset GBK = Charset.forName("GBK");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TerminalGateway gateway;
  @Autowired GatewayMetrics metrics;
  ApiClient api;
  TelemetryFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new TelemetryFixtures(api, jdbc);
    manager = api.tokenFor("vehicle.manager");
  }

  /** A 2013 registration body: province, city, manufacturer[5], model[20], terminal id[7], plate colour, plate. */
  private static byte[] registration2013(String terminalId, String plate) {
    return new Body().u16(53).u16(100).text("70111", 5).text("SA-808", 20).text(terminalId, 7).u8(2).text(plate)
        .bytes();
  }

  /** A position body with the mileage item (0x01, 1/10 km) and fuel (0x02, 1/10 L). */
  private static byte[] position(long latitude, long longitude, int speed, int heading, LocalDateTime at,
      long mileage) {
    return HandMadeFrames.position(0, 0b11, latitude, longitude, 1900, speed, heading, at.format(BCD_TIME))
        .item(0x01, new Body().u32(mileage).bytes()).item(0x02, hex("0190")).bytes();
  }

  private static void assertGeneralReply(Reply reply, int platformFlow, int terminalFlow, int terminalId, int result) {
    assertThat(reply.messageId()).isEqualTo(0x8001);
    assertThat(reply.flow()).as("platform flow number").isEqualTo(platformFlow);
    assertThat(reply.body()).as("0x8001 body")
        .isEqualTo(new Body().u16(terminalFlow).u16(terminalId).u8(result).bytes());
  }

  @Test
  void aTerminalRegistersAuthenticatesReportsAndItsTrackComesBackExactly() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    String plate = vehicle.get("plate").asText();
    String phone = fixtures.freshPhone();
    String phone12 = "0" + phone;
    String terminalId = TelemetryFixtures.freshTerminalId();
    LocalDateTime base = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS).minusMinutes(30);

    try (TerminalConnection terminal = new TerminalConnection(gateway.port())) {
      // an unbound phone number: result 4, no auth code; the reply's bytes are exactly the standard's
      terminal.write(HandMadeFrames.frame2013(0x0100, phone12, 1, registration2013(terminalId, plate)));
      Reply unknown = terminal.read(false);
      byte[] expected = HandMadeFrames.frame2013(0x8100, phone12, 0, hex("0001 04"));
      assertThat(
          new Body().u16(unknown.messageId()).u16(unknown.attributes()).bytes(unknown.phone()).u16(unknown.flow())
              .bytes(unknown.body()).bytes())
          .isEqualTo(withoutCheckCode(unescaped(expected)));

      fixtures.bind(manager, vehicleId, phone, terminalId, "JT808_2013");

      // bound, but the terminal names another plate: result 2
      terminal.write(HandMadeFrames.frame2013(0x0100, phone12, 2, registration2013(terminalId, "云A00000")));
      Reply otherPlate = terminal.read(false);
      assertThat(otherPlate.messageId()).isEqualTo(0x8100);
      assertThat(otherPlate.flow()).isEqualTo(1);
      assertThat(otherPlate.body()).isEqualTo(hex("0002 02"));

      // bound: result 0 and the auth code
      terminal.write(HandMadeFrames.frame2013(0x0100, phone12, 3, registration2013(terminalId, plate)));
      Reply registered = terminal.read(false);
      assertThat(registered.flow()).isEqualTo(2);
      assertThat(Arrays.copyOfRange(registered.body(), 0, 3)).isEqualTo(hex("0003 00"));
      String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);
      assertThat(authCode).hasSize(16).matches("[0-9A-Z]+");
      assertThat(registered.phone()).isEqualTo(hex(phone12));

      // a position before authentication is refused (0x8001 result 1) and not stored
      terminal.write(HandMadeFrames.frame2013(0x0200, phone12, 4, position(25_000_000, 102_000_000, 0, 0, base, 0)));
      assertGeneralReply(terminal.read(false), 3, 4, 0x0200, 1);

      // a wrong code fails, the right one passes
      terminal.write(HandMadeFrames.frame2013(0x0102, phone12, 5, "WRONGCODE".getBytes(GBK)));
      assertGeneralReply(terminal.read(false), 4, 5, 0x0102, 1);
      terminal.write(HandMadeFrames.frame2013(0x0102, phone12, 6, authCode.getBytes(GBK)));
      assertGeneralReply(terminal.read(false), 5, 6, 0x0102, 0);

      terminal.write(HandMadeFrames.frame2013(0x0002, phone12, 7, new byte[0]));
      assertGeneralReply(terminal.read(false), 6, 7, 0x0002, 0);

      // 1. a plain position; once it is acknowledged it is in the table
      terminal.write(HandMadeFrames.frame2013(0x0200, phone12, 8,
          position(25_039_812, 102_714_035, 456, 271, base, 123_456)));
      assertGeneralReply(terminal.read(false), 7, 8, 0x0200, 0);
      assertThat(jdbc.sql("select count(*) from telemetry_position where vehicle_id = :v").param("v", vehicleId)
          .query(Long.class).single()).isEqualTo(1);

      // 2. a body holding 0x7E and 0x7D: latitude 0x017E7D01, speed 0x7D7E; the flow number 0x007E too
      byte[] escaped = HandMadeFrames.frame2013(0x0200, phone12, 0x007E,
          position(0x017E7D01L, 102_714_100, 0x7D7E, 90, base.plusSeconds(10), 123_457));
      assertThat(hex(escaped)).contains("7d02").contains("7d01");
      terminal.write(escaped);
      assertGeneralReply(terminal.read(false), 8, 0x007E, 0x0200, 0);

      // 3 and 4. two frames in one write
      byte[] third = HandMadeFrames.frame2013(0x0200, phone12, 10,
          position(25_040_000, 102_714_200, 300, 91, base.plusSeconds(20), 123_460));
      byte[] fourth = HandMadeFrames.frame2013(0x0200, phone12, 11,
          position(25_040_100, 102_714_300, 310, 92, base.plusSeconds(30), 123_462));
      byte[] merged = new byte[third.length + fourth.length];
      System.arraycopy(third, 0, merged, 0, third.length);
      System.arraycopy(fourth, 0, merged, third.length, fourth.length);
      terminal.write(merged);
      List<Reply> two = List.of(terminal.read(false), terminal.read(false));
      assertThat(two).extracting(Reply::flow).containsExactly(9, 10);
      // two writer threads may commit the two positions in separate batches, so the answers come in commit order;
      // each names the frame it answers (JT/T 808 pairs them by flow number), and both are answered once
      assertThat(two).extracting(Reply::replyFlow).containsExactlyInAnyOrder(10, 11);
      assertThat(two).extracting(Reply::result).containsOnly(0);

      // 5. one frame split over two writes with a pause between them
      byte[] fifth = HandMadeFrames.frame2013(0x0200, phone12, 12,
          position(25_040_200, 102_714_400, 0, 93, base.plusSeconds(40), 123_463));
      terminal.write(Arrays.copyOfRange(fifth, 0, 20));
      Thread.sleep(300);
      terminal.write(Arrays.copyOfRange(fifth, 20, fifth.length));
      assertGeneralReply(terminal.read(false), 11, 12, 0x0200, 0);

      // a broken frame (wrong check code) is counted, not answered, and the connection goes on
      double malformedBefore = metrics.malformedCount();
      byte[] broken = HandMadeFrames.frame2013(0x0002, phone12, 13, new byte[0]);
      broken[broken.length - 2] ^= 0x01;
      terminal.write(broken);
      terminal.write(HandMadeFrames.frame2013(0x0002, phone12, 14, new byte[0]));
      assertGeneralReply(terminal.read(false), 12, 14, 0x0002, 0);
      assertThat(metrics.malformedCount()).isEqualTo(malformedBefore + 1);

      // 6 and 7. a blind-area batch (0x0704, type 1): one reply after both are stored
      byte[] sixth = position(25_040_300, 102_714_500, 200, 94, base.plusSeconds(50), 123_465);
      byte[] seventh = position(25_040_400, 102_714_600, 210, 95, base.plusSeconds(60), 123_467);
      byte[] batch = new Body().u16(2).u8(1).u16(sixth.length).bytes(sixth).u16(seventh.length).bytes(seventh).bytes();
      terminal.write(HandMadeFrames.frame2013(0x0704, phone12, 15, batch));
      assertGeneralReply(terminal.read(false), 13, 15, 0x0704, 0);

      // 8 and 9. a batch in two sub-packages: both packages answered once the whole batch is stored
      byte[] eighth = position(25_040_500, 102_714_700, 220, 96, base.plusSeconds(70), 123_469);
      byte[] ninth = position(25_040_600, 102_714_800, 230, 97, base.plusSeconds(80), 123_471);
      byte[] split = new Body().u16(2).u8(0).u16(eighth.length).bytes(eighth).u16(ninth.length).bytes(ninth).bytes();
      byte[] firstHalf = Arrays.copyOfRange(split, 0, 30);
      byte[] secondHalf = Arrays.copyOfRange(split, 30, split.length);
      terminal.write(HandMadeFrames.subPackage2013(0x0704, phone12, 16, 2, 1, firstHalf));
      assertThat(terminal.silentFor(300)).as("no answer before the last package").isTrue();
      terminal.write(HandMadeFrames.subPackage2013(0x0704, phone12, 17, 2, 2, secondHalf));
      assertGeneralReply(terminal.read(false), 14, 16, 0x0704, 0);
      assertGeneralReply(terminal.read(false), 15, 17, 0x0704, 0);

      // a message the gateway does not handle: 3, not supported
      terminal.write(HandMadeFrames.frame2013(0x0900, phone12, 18, hex("f0 01")));
      assertGeneralReply(terminal.read(false), 16, 18, 0x0900, 3);

      // after logging out (0x0003) the connection's positions are refused again
      terminal.write(HandMadeFrames.frame2013(0x0003, phone12, 19, new byte[0]));
      assertGeneralReply(terminal.read(false), 17, 19, 0x0003, 0);
      terminal.write(HandMadeFrames.frame2013(0x0200, phone12, 20,
          position(25_050_000, 102_720_000, 0, 0, base.plusSeconds(90), 123_480)));
      assertGeneralReply(terminal.read(false), 18, 20, 0x0200, 1);
    }

    String from = base.minusMinutes(1).toString();
    String to = base.plusMinutes(5).toString();
    var track = api.get("/api/v1/vehicles/" + vehicleId + "/track?from=" + from + "&to=" + to, manager);
    assertThat(track.status()).as(String.valueOf(track.body())).isEqualTo(200);
    List<String> points = new ArrayList<>();
    for (JsonNode point : track.body()) {
      points.add(point.get("at").asText() + " " + plain(point.get("lat")) + " " + plain(point.get("lon")) + " "
          + plain(point.get("speedKmh")) + " " + point.get("headingDeg").asInt() + " " + plain(point.get("mileageKm")));
    }
    DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'");
    assertThat(points).containsExactly(
        base.format(at) + " 25.039812 102.714035 45.6 271 12345.6",
        base.plusSeconds(10).format(at) + " 25.066753 102.7141 3212.6 90 12345.7",
        base.plusSeconds(20).format(at) + " 25.04 102.7142 30 91 12346",
        base.plusSeconds(30).format(at) + " 25.0401 102.7143 31 92 12346.2",
        base.plusSeconds(40).format(at) + " 25.0402 102.7144 0 93 12346.3",
        base.plusSeconds(50).format(at) + " 25.0403 102.7145 20 94 12346.5",
        base.plusSeconds(60).format(at) + " 25.0404 102.7146 21 95 12346.7",
        base.plusSeconds(70).format(at) + " 25.0405 102.7147 22 96 12346.9",
        base.plusSeconds(80).format(at) + " 25.0406 102.7148 23 97 12347.1");
    assertThat(jdbc.sql("""
        select count(*) from audit_event where action = 'VIEW' and entity_type = 'telemetry_position' and entity_id = :v
           and actor = 'vehicle.manager'""").param("v", String.valueOf(vehicleId)).query(Long.class).single())
        .isEqualTo(1);

    JsonNode latest = api.get("/api/v1/vehicle-positions/latest", manager).body();
    JsonNode mine = null;
    for (JsonNode position : latest) {
      if (position.get("vehicleId").asLong() == vehicleId) {
        mine = position;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("at").asText()).isEqualTo(base.plusSeconds(80).format(at));
    assertThat(mine.get("plate").asText()).isEqualTo(plate);
    assertThat(mine.get("accOn").asBoolean()).isTrue();
  }

  private static String plain(JsonNode number) {
    return number.decimalValue().stripTrailingZeros().toPlainString();
  }

  @Test
  void aTerminalOf2019IsAnsweredWithA2019Header() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    String plate = vehicle.get("plate").asText();
    String phone = fixtures.freshPhone();
    String phone20 = "000000000" + phone;
    String terminalId = "SA2019" + TelemetryFixtures.freshTerminalId();
    fixtures.bind(manager, vehicleId, phone, terminalId, "JT808_2019");
    LocalDateTime at = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);

    try (TerminalConnection terminal = new TerminalConnection(gateway.port())) {
      byte[] registration = new Body().u16(53).u16(100).text("70111000000", 11).text("SA-808-2019", 30)
          .text(terminalId, 30).u8(1).text(plate).bytes();
      terminal.write(HandMadeFrames.frame2019(0x0100, 1, phone20, 1, registration));
      Reply registered = terminal.read(true);
      assertThat(registered.messageId()).isEqualTo(0x8100);
      assertThat(registered.phone()).isEqualTo(hex(phone20));
      assertThat(Arrays.copyOfRange(registered.body(), 0, 3)).isEqualTo(hex("0001 00"));
      String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);

      byte[] authentication = new Body().u8(authCode.length()).text(authCode).text("861234567890123", 15)
          .text("V2.0.1", 20).bytes();
      terminal.write(HandMadeFrames.frame2019(0x0102, 1, phone20, 2, authentication));
      assertGeneralReply(terminal.read(true), 1, 2, 0x0102, 0);

      terminal.write(HandMadeFrames.frame2019(0x0200, 1, phone20, 3,
          HandMadeFrames.position(0, 0b1, 24_880_000, 102_830_000, 1890, 0, 0, at.format(BCD_TIME)).bytes()));
      assertGeneralReply(terminal.read(true), 2, 3, 0x0200, 0);
    }

    var track = api.get("/api/v1/vehicles/" + vehicleId + "/track?from=" + at.minusMinutes(1) + "&to="
        + at.plusMinutes(1), manager);
    assertThat(track.body()).hasSize(1);
    assertThat(track.body().get(0).get("lat").decimalValue()).isEqualByComparingTo(new BigDecimal("24.88"));
    assertThat(track.body().get(0).get("mileageKm").isNull()).isTrue();
  }

  @Test
  void unbindingATerminalEndsItsConnection() throws Exception {
    JsonNode vehicle = fixtures.vehicle(manager);
    String phone = fixtures.freshPhone();
    String terminalId = TelemetryFixtures.freshTerminalId();
    long bindingId = fixtures.bind(manager, vehicle.get("id").asLong(), phone, terminalId, "JT808_2013")
        .get("id").asLong();

    try (TerminalConnection terminal = new TerminalConnection(gateway.port())) {
      terminal.write(HandMadeFrames.frame2013(0x0100, "0" + phone, 1,
          registration2013(terminalId, vehicle.get("plate").asText())));
      Reply registered = terminal.read(false);
      String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);
      terminal.write(HandMadeFrames.frame2013(0x0102, "0" + phone, 2, authCode.getBytes(GBK)));
      assertGeneralReply(terminal.read(false), 1, 2, 0x0102, 0);

      assertThat(api.delete("/api/v1/vehicle-terminals/" + bindingId, manager).status()).isEqualTo(204);

      assertThat(terminal.closedByPlatform()).isTrue();
    }
    try (TerminalConnection again = new TerminalConnection(gateway.port())) {
      again.write(HandMadeFrames.frame2013(0x0100, "0" + phone, 1,
          registration2013(terminalId, vehicle.get("plate").asText())));
      assertThat(again.read(false).body()).isEqualTo(hex("0001 04"));
    }
  }

  /** The bytes between a frame's flags with the escaping undone (0x7D 0x02 → 0x7E, 0x7D 0x01 → 0x7D). */
  private static byte[] unescaped(byte[] frame) {
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    for (int i = 1; i < frame.length - 1; i++) {
      if (frame[i] == 0x7D) {
        raw.write(frame[++i] == 0x01 ? 0x7D : 0x7E);
      } else {
        raw.write(frame[i]);
      }
    }
    return raw.toByteArray();
  }

  /** A frame's content without its last byte, the XOR check code (which may itself have been escaped on the wire). */
  private static byte[] withoutCheckCode(byte[] content) {
    return Arrays.copyOfRange(content, 0, content.length - 1);
  }
}
