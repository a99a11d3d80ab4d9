package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.telemetry.gateway.TerminalGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the vehicle manager sees in the browser: the fleet on the live map (no tile server here: a plain grid with the
 * places marked), each vehicle marked moving, parked or offline from what its terminal reported through the gateway,
 * kept current without reloading; then a trip's track replayed with the slider beside its dispatch sheet, which the
 * trip's driver may open too.
 */
@IntegrationTest
class VehicleMapBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired TerminalGateway gateway;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private static String label(Browser browser, long vehicleId, String attribute) {
    return browser.await(d -> {
      var found = d.findElements(By.cssSelector(".vehicle-label-text[data-vehicle-id='" + vehicleId + "']"));
      return found.isEmpty() ? null : attribute == null ? found.get(0).getText() : found.get(0).getAttribute(attribute);
    });
  }

  /** The console's errors, but for the browser's own look for a favicon the platform does not have. */
  private static java.util.List<String> scriptErrors(Browser browser) {
    return browser.consoleErrors().stream().filter(error -> !error.contains("/favicon.ico")).toList();
  }

  @Test
  void theManagerWatchesTheFleetMoveAndReplaysATripBesideItsSheet() throws Exception {
    ApiClient api = new ApiClient(port);
    TelemetryFixtures fixtures = new TelemetryFixtures(api, jdbc);
    String manager = api.tokenFor("vehicle.manager");
    JsonNode moving = fixtures.vehicle(manager);
    JsonNode parked = fixtures.vehicle(manager);
    JsonNode driven = fixtures.vehicle(manager);
    long movingId = moving.get("id").asLong();
    long parkedId = parked.get("id").asLong();
    long drivenId = driven.get("id").asLong();
    var driver = fixtures.driver(accounts, manager);
    var trip = fixtures.drivenTrip(clock, drivenId, driver, LocalDate.now(TelemetryFixtures.BEIJING).minusDays(2),
        "地图回放-递送公文");
    manager = api.tokenFor("vehicle.manager");
    LocalDateTime now = LocalDateTime.now(TelemetryFixtures.BEIJING).truncatedTo(ChronoUnit.SECONDS);
    SimulatedTerminal parkedTerminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), parkedId,
        parked.get("plate").asText());
    try (parkedTerminal;
        var movingTerminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), movingId,
            moving.get("plate").asText());
        var drivenTerminal = SimulatedTerminal.online(fixtures, manager, gateway.port(), drivenId,
            driven.get("plate").asText())) {
      movingTerminal.report(25.0450, 102.7050, 48, now.minusSeconds(30));
      parkedTerminal.report(25.0380, 102.7180, 0, now.minusMinutes(1));
      for (int minute = 0; minute <= 19; minute++) {
        drivenTerminal.report(25.0300 + minute * 0.0012, 102.7000 + minute * 0.0006, minute == 0 ? 0 : 40,
            trip.started().plusMinutes(minute));
      }

      try (Browser browser = Browser.start("http://localhost:" + port)) {
        browser.signInAs("vehicle.manager");
        browser.clickAndWaitForPage("#menu-vehicle-map");
        browser.await(d -> "true".equals(d.findElement(By.id("live-map")).getAttribute("data-ready")));
        assertThat(label(browser, movingId, null)).isEqualTo(moving.get("plate").asText());
        assertThat(label(browser, movingId, "data-status")).isEqualTo("MOVING");
        assertThat(label(browser, parkedId, "data-status")).isEqualTo("PARKED");
        assertThat(label(browser, drivenId, "data-status")).isEqualTo("OFFLINE");
        assertThat(browser.find("#map-row-" + movingId).getText()).contains("行驶");
        assertThat(browser.find("#map-row-" + drivenId).getText()).contains("离线");
        assertThat(browser.find("#map-vehicle-" + parkedId).getText()).contains(parked.get("plate").asText(), "停驶");
        assertThat(browser.findAll(".leaflet-tooltip.place-label").stream().map(WebElement::getText))
            .contains("市人民医院");
        assertThat(browser.find("#map-no-tiles").getText()).contains("网格");
        browser.screenshot("telemetry-01-live-map");

        // the parked car drives off: within a refresh the map says so without a reload
        WebElement page = browser.find("html");
        parkedTerminal.report(25.0390, 102.7190, 36, LocalDateTime.now(TelemetryFixtures.BEIJING)
            .truncatedTo(ChronoUnit.SECONDS));
        browser.await(d -> "MOVING".equals(label(browser, parkedId, "data-status")) ? true : null);
        assertThat(browser.find("#map-row-" + parkedId).getText()).contains("行驶");
        assertThat(page.isDisplayed()).as("the same page, not reloaded").isTrue();
        browser.find("#map-vehicle-" + movingId).click();
        assertThat(browser.policyViolations()).isEmpty();
        assertThat(scriptErrors(browser)).isEmpty();

        // on a phone the table lists the same states
        browser.resize(390, 844);
        browser.scrollTo("#map-table");
        assertThat(browser.visible("#map-row-" + drivenId).getText()).contains(driven.get("plate").asText(), "离线");
        browser.screenshot("telemetry-02-live-map-phone");
        browser.resize(1366, 900);

        browser.open("/vehicles/" + drivenId);
        browser.clickAndWaitForPage("#track-" + trip.tripId());
        browser.await(d -> "true".equals(d.findElement(By.id("track-map")).getAttribute("data-ready")));
        assertThat(browser.find("#sheet-no").getText()).isEqualTo(trip.sheetNo());
        assertThat(browser.find("#dispatch-sheet").getText()).contains("地图回放-递送公文",
            "市行政中心 → 市人民医院 → 市行政中心", driver.name(), "12 公里", "20 个");
        assertThat(browser.findAll("path.track-line")).hasSize(1);
        assertThat(browser.find(".track-start").getText()).isEqualTo("起点");
        assertThat(browser.find("#replay-at").getText()).contains(trip.started().toLocalTime() + ":00");
        WebElement slider = browser.find("#replay-slider");
        slider.sendKeys(Keys.END);
        browser.await(d -> "19".equals(d.findElement(By.id("track-map")).getAttribute("data-index")));
        assertThat(browser.find("#replay-at").getText()).contains(trip.started().plusMinutes(19).toLocalTime() + ":00",
            "40.0 公里/小时");
        assertThat(browser.find("#track-map").getAttribute("data-car")).isEqualTo("25.0528,102.7114");
        slider.sendKeys(Keys.HOME);
        browser.find("#replay-play").click();
        browser.await(d -> Integer.parseInt(d.findElement(By.id("track-map")).getAttribute("data-index")) > 3);
        browser.screenshot("telemetry-03-replay");
        assertThat(browser.policyViolations()).isEmpty();
        assertThat(scriptErrors(browser)).isEmpty();

        // a GPS audit flag's evidence: the period's track with the flagged position marked
        browser.open("/vehicles/" + drivenId + "/track?from=" + trip.started() + "&to=" + trip.started().plusMinutes(20)
            + "&mark=25.0312,102.7006");
        browser.await(d -> "true".equals(d.findElement(By.id("track-map")).getAttribute("data-ready")));
        assertThat(browser.find(".track-mark").getText()).isEqualTo("预警位置");
        assertThat(browser.find("#track-map").getAttribute("data-mark")).isEqualTo("25.0312,102.7006");
        assertThat(browser.findAll("path.track-line")).hasSize(1);
        browser.screenshot("telemetry-05-flag-evidence");
        assertThat(scriptErrors(browser)).isEmpty();
      }
    }

    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.resize(390, 844);
      browser.signInAs(driver.username());
      browser.open("/vehicles/my-trips?date=" + trip.started().toLocalDate());
      browser.clickAndWaitForPage("#track-" + trip.tripId());
      browser.await(d -> "true".equals(d.findElement(By.id("track-map")).getAttribute("data-ready")));
      assertThat(browser.find("#sheet-no").getText()).isEqualTo(trip.sheetNo());
      assertThat(browser.findAll("path.track-line")).hasSize(1);
      browser.screenshot("telemetry-04-replay-driver-phone");
    }
  }
}
