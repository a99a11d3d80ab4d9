package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A JT/T 808-2013 terminal in a test: bound to a vehicle through the API, it registers and authenticates on the
 * gateway and reports positions, each acknowledged (0x8001 result 0) only once stored.
 */
final class SimulatedTerminal implements AutoCloseable {

  private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
  private static final Charset GBK = Charset.forName("GBK");

  private final TerminalConnection connection;
  private final String phone12;
  private final long bindingId;
  private int flow = 1;

  private SimulatedTerminal(TerminalConnection connection, String phone12, long bindingId) {
    this.connection = connection;
    this.phone12 = phone12;
    this.bindingId = bindingId;
  }

  /** Binds a fresh terminal to the vehicle and brings it online (registered and authenticated). */
  static SimulatedTerminal online(TelemetryFixtures fixtures, String managerToken, int gatewayPort, long vehicleId,
      String plate) throws IOException {
    String phone = fixtures.freshPhone();
    String terminalId = TelemetryFixtures.freshTerminalId();
    long bindingId = fixtures.bind(managerToken, vehicleId, phone, terminalId, "JT808_2013").get("id").asLong();
    SimulatedTerminal terminal = new SimulatedTerminal(new TerminalConnection(gatewayPort), "0" + phone, bindingId);
    byte[] registration = new Body().u16(53).u16(100).text("70111", 5).text("SA-808", 20).text(terminalId, 7).u8(2)
        .text(plate).bytes();
    TerminalConnection.Reply registered = terminal.send(0x0100, registration);
    assertThat(registered.messageId()).isEqualTo(0x8100);
    assertThat(registered.body()[2]).as("registration result").isEqualTo((byte) 0);
    String authCode = new String(registered.body(), 3, registered.body().length - 3, GBK);
    assertThat(terminal.send(0x0102, authCode.getBytes(GBK)).result()).as("authentication result").isZero();
    return terminal;
  }

  /** Reports a position (speed in km/h, time in Beijing) and waits until the platform has stored it. */
  void report(double latitude, double longitude, int speedKmh, LocalDateTime at) throws IOException {
    report(0, latitude, longitude, speedKmh, at);
  }

  /** The same with alarm bits set (the alarm DWORD, JT/T 808-2013 table 24). */
  void report(long alarmFlags, double latitude, double longitude, int speedKmh, LocalDateTime at) throws IOException {
    byte[] body = HandMadeFrames
        .position(alarmFlags, 0b11, Math.round(latitude * 1_000_000), Math.round(longitude * 1_000_000),
            1900, speedKmh * 10, 90, at.format(BCD_TIME))
        .bytes();
    TerminalConnection.Reply reply = send(0x0200, body);
    assertThat(reply.messageId()).isEqualTo(0x8001);
    assertThat(reply.result()).as("position stored").isZero();
  }

  private TerminalConnection.Reply send(int messageId, byte[] body) throws IOException {
    connection.write(HandMadeFrames.frame2013(messageId, phone12, flow++, body));
    return connection.read(false);
  }

  /** The binding's id (telemetry_terminal), as /api/v1/vehicle-terminals names it. */
  long bindingId() {
    return bindingId;
  }

  /** The phone number as the 2013 header carries it (12 digits). */
  String phone12() {
    return phone12;
  }

  /** The flow number of the terminal's next message (each message takes one). */
  int nextFlow() {
    return flow++;
  }

  /** The connection, for messages the test writes and reads itself. */
  TerminalConnection connection() {
    return connection;
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
