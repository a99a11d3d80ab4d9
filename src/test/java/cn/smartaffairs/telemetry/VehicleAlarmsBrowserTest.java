package cn.smartaffairs.telemetry;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.telemetry.HandMadeFrames.Body;
import cn.smartaffairs.telemetry.TerminalConnection.Reply;
import cn.smartaffairs.telemetry.alarm.VehicleAlarms;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the vehicle manager sees in the browser: the alarms a terminal raised, filtered by vehicle and kind, each opening
 * the vehicle's track at that moment, in Chinese and in English; then the terminal's page, where a button asks the
 * connected terminal for its parameters and shows its answer, and says so when the terminal is gone.
 */
@IntegrationTest
class VehicleAlarmsBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TerminalGateway gateway;
  @Autowired VehicleAlarms alarms;

  private static List<String> scriptErrors(Browser browser) {
    return browser.consoleErrors().stream().filter(error -> !error.contains("/favicon.ico")).toList();
  }

  @Test
  void theManagerReadsTheAlarmsOpensTheTrackAndAsksTheTerminalForItsParameters() throws Exception {
    ApiClient api = new ApiClient(port);
    TelemetryFixtures fixtures = new TelemetryFixtures(api, jdbc);
    String manager = api.tokenFor("vehicle.manager");
    JsonNode vehicle = fixtures.vehicle(manager);
    long vehicleId = vehicle.get("id").asLong();
    String plate = vehicle.get("plate").asText();
    LocalDateTime base = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);

    SimulatedTerminal terminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), vehicleId, plate);
    try (terminal) {
      terminal.report(0, 25.0400, 102.7100, 30, base);
      terminal.report(0b01, 25.0410, 102.7110, 42, base.plusMinutes(1)); // emergency
      terminal.report(0b11, 25.0420, 102.7120, 95, base.plusMinutes(2)); // and overspeed
      terminal.report(0b01, 25.0430, 102.7130, 60, base.plusMinutes(3));
      alarms.runDue();
      long emergency = alarmId(vehicleId, "EMERGENCY");
      long overspeed = alarmId(vehicleId, "OVERSPEED");

      try (Browser browser = Browser.start("http://localhost:" + port)) {
        browser.signInAs("vehicle.manager");
        browser.clickAndWaitForPage("#menu-vehicle-alarms");
        assertThat(browser.find("h1").getText()).isEqualTo("车辆报警");
        assertThat(browser.find("#alarm-notified").getText()).contains("紧急报警", "超速报警", "进出区域");
        assertThat(browser.find("#alarm-" + emergency).getText()).contains(plate, "紧急报警", "42", "是");
        assertThat(browser.find("#alarm-" + overspeed).getText()).contains(plate, "超速报警", "95");

        // only this car's overspeed alarms
        new Select(browser.find("#alarm-vehicle")).selectByVisibleText(plate);
        new Select(browser.find("#alarm-kind")).selectByValue("OVERSPEED");
        browser.clickAndWaitForPage("#search");
        assertThat(browser.findAll("#vehicle-alarms tbody tr")).hasSize(1);
        assertThat(browser.find("#alarm-" + overspeed).getText()).contains("超速报警");
        assertThat(browser.find("#list-total").getText()).contains("1");
        browser.screenshot("telemetry-05-alarms");

        // the track around the moment
        browser.clickAndWaitForPage("#alarm-" + overspeed + " .alarm-track");
        assertThat(browser.path()).startsWith("/vehicles/" + vehicleId + "/track?from=");
        browser.await(d -> "true".equals(d.findElement(By.id("track-map")).getAttribute("data-ready")));
        assertThat(browser.find("#track-points").getText()).contains("4");
        // the alarm's position is marked, and the way back leads to the alarms
        assertThat(browser.find(".track-mark").getText()).isEqualTo("预警位置");
        assertThat(browser.find("#track-back").getText()).isEqualTo("返回车辆报警");
        assertThat(browser.find("#track-back").getAttribute("href")).endsWith("/vehicles/alarms");
        assertThat(browser.policyViolations()).isEmpty();
        assertThat(scriptErrors(browser)).isEmpty();

        // the same list in English
        browser.open("/vehicles/alarms?vehicleId=" + vehicleId + "&lang=en");
        assertThat(browser.find("h1").getText()).isEqualTo("Vehicle alarms");
        assertThat(browser.find("#alarm-" + emergency).getText()).contains("Emergency", "Yes");
        assertThat(browser.find("#alarm-notified").getText()).contains("Emergency", "Overspeed");
        assertThat(browser.find("#vehicle-alarms thead").getText()).doesNotContainPattern("\\p{IsHan}");
        browser.open("/vehicles/alarms?lang=zh-CN");

        // the terminal's page: connected, never asked; the button asks and the terminal answers
        browser.clickAndWaitForPage("#menu-vehicle-terminals");
        browser.clickAndWaitForPage("#terminal-" + terminal.bindingId() + " a");
        assertThat(browser.find("#terminal-connection").getText()).isEqualTo("已连接");
        assertThat(browser.find("#parameters-answered").getText()).isEqualTo("尚未收到终端的参数应答");
        CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> answer(terminal));
        browser.clickAndWaitForPage("#query-parameters");
        answering.get();
        assertThat(browser.find(".alert-success").getText()).contains("终端已应答");
        assertThat(browser.find("#parameter-0x0001").getText()).contains("终端心跳发送间隔", "60", "秒");
        assertThat(browser.find("#parameter-0x0080").getText()).contains("车辆里程表读数", "12345.6", "公里");
        assertThat(browser.find("#parameter-0xF0A1").getText()).contains("其他参数", "0a0b");
        browser.screenshot("telemetry-06-terminal-parameters");
      }
    }

    // the terminal has gone: the page says so and keeps what it last answered
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("vehicle.manager");
      browser.open("/vehicles/terminals/" + terminal.bindingId());
      browser.await(d -> d.findElement(By.id("terminal-connection")).getText().equals("未连接") ? true : null);
      browser.clickAndWaitForPage("#query-parameters");
      assertThat(browser.find("#flash-error").getText()).contains("未连接");
      assertThat(browser.find("#parameter-0x0001").getText()).contains("60");
      assertThat(browser.policyViolations()).isEmpty();
      assertThat(scriptErrors(browser)).isEmpty();
    }
  }

  private long alarmId(long vehicleId, String kind) {
    return jdbc.sql("select id from telemetry_vehicle_alarm where vehicle_id = :v and kind = :k")
        .param("v", vehicleId).param("k", kind).query(Long.class).single();
  }

  /** The terminal's side: reads the query, answers three parameters (one of the maker's own), reads the 0x8001. */
  private static void answer(SimulatedTerminal terminal) {
    try {
      Reply query = terminal.connection().read(false);
      assertThat(query.messageId()).isEqualTo(0x8104);
      terminal.connection().write(HandMadeFrames.frame2013(0x0104, terminal.phone12(), terminal.nextFlow(),
          new Body().u16(query.flow()).u8(3).u32(0x0001).u8(4).u32(60).u32(0x0080).u8(4).u32(123_456)
              .u32(0xF0A1).u8(2).bytes(hex("0a0b")).bytes()));
      assertThat(terminal.connection().read(false).result()).isZero();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
