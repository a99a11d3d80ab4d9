package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's board offers each waiting request only the vehicles and drivers that fit it, the best one
 * preselected, lists the whole fleet on request, and shows the optimiser's progress; the driver then sees the trip
 * among the coming ones on the phone.
 */
@IntegrationTest
class DispatchBoardBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  ApiClient api;
  VehicleFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new VehicleFixtures(api, jdbc, accounts);
    manager = api.tokenFor("vehicle.manager");
  }

  @Test
  void theBoardPreselectsTheSmallestFreeVehicleOfTheCategoryAndListsTheRestOnRequest() {
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 3);
    fixtures.roomInQuota(manager, unit, "EMERGENCY", 1);
    LocalDate day = VehicleFixtures.weekday(14, 3);
    // four seats take the party of three: smaller than the fleet's five-seaters, so it is the one to send
    long small = fixtures.register(manager, car(unit, "OTHER", 4, VehicleFixtures.today().plusYears(1))).get("id")
        .asLong();
    long lapsed = fixtures.register(manager, car(unit, "OTHER", 4, VehicleFixtures.today().plusDays(7))).get("id")
        .asLong();
    long busy = fixtures.register(manager, car(unit, "OTHER", 4, VehicleFixtures.today().plusYears(1))).get("id")
        .asLong();
    long emergency = fixtures.register(manager, car(unit, "EMERGENCY", 4, VehicleFixtures.today().plusYears(1)))
        .get("id").asLong();
    var earlyDriver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    long earlier = fixtures.approvedRequest("先行送件", 1, "OTHER", day.atTime(9, 0), day.atTime(11, 0),
        List.of("市档案馆"));
    assertThat(api.post("/api/v1/vehicle-dispatches", manager, Map.of("requestId", earlier, "vehicleId", busy,
        "driverId", earlyDriver.driverId())).status()).isEqualTo(201);
    String purpose = "三人专项检查-" + driver.username().substring(7);
    long request = fixtures.approvedRequest(purpose, 3, "OTHER", day.atTime(10, 0), day.atTime(12, 0),
        List.of("市人民医院"));

    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("vehicle.manager");
      browser.open("/vehicles/board?date=" + day);
      String row = "#board-" + request;
      Select vehicles = new Select(browser.visible(row + " .vehicle-choice"));
      assertThat(vehicles.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(small));
      List<String> offered = values(vehicles);
      // insurance ending before the day, another category, a car already out in the window: none is offered
      assertThat(offered).contains(String.valueOf(small))
          .doesNotContain(String.valueOf(lapsed), String.valueOf(emergency), String.valueOf(busy));
      assertThat(vehicles.getOptions()).allSatisfy(o -> assertThat(o.getText()).contains("其他按规定配备"));
      Select drivers = new Select(browser.find(row + " .driver-choice"));
      assertThat(values(drivers)).doesNotContain(String.valueOf(earlyDriver.driverId()));
      // a waiting request that its own region can serve asks nobody for aid, and has nothing to agree to
      assertThat(browser.findAll(row + " .aid-consent, " + row + " .aid-request")).isEmpty();
      browser.screenshot("vehicle-board-01-fitting");

      browser.clickAndWaitForPage("#board-all");
      Select all = new Select(browser.visible(row + " .vehicle-choice"));
      assertThat(values(all)).contains(String.valueOf(lapsed), String.valueOf(emergency), String.valueOf(busy));
      assertThat(all.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(small));
      browser.clickAndWaitForPage("#board-fitting");

      new Select(browser.visible(row + " .driver-choice")).selectByValue(String.valueOf(driver.driverId()));
      browser.clickAndWaitForPage(row + " .manual-dispatch button");
      assertThat(browser.visible(row).getText()).contains(plateOf(small), "已派车");
    }

    // the driver sees the trip, weeks ahead, among the coming ones on the phone and opens its day from there
    try (Browser phone = Browser.start("http://localhost:" + port)) {
      phone.resize(390, 844);
      phone.signInAs(driver.username());
      phone.open("/vehicles/my-trips");
      WebElement coming = phone.visible("#coming-trips");
      assertThat(coming.getText()).contains(purpose, plateOf(small), day.toString().substring(5) + " ", "10:00–12:00");
      phone.screenshot("vehicle-board-02-coming-trips");
      phone.clickAndWaitForPage("#coming-trips .coming-trip");
      assertThat(phone.visible("h1").getText()).contains(day.toString());
      assertThat(phone.find(".start-trip")).isNotNull();
    }
  }

  @Test
  void planningTheDayShowsItsProgressUntilTheProposalOpens() {
    LocalDate day = VehicleFixtures.weekday(15, 4);
    fixtures.approvedRequest("排班进度-" + System.nanoTime(), 2, "OTHER", day.atTime(14, 0), day.atTime(15, 0),
        List.of("市档案馆"));
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("vehicle.manager");
      browser.open("/vehicles/board?date=" + day);
      assertThat(browser.find("#plan-progress").isDisplayed()).isFalse();
      // the browser driver waits for a page it sees coming: hold the form back (after the page's own handler ran)
      // to look at the page while the optimiser would run, then let it go
      browser.driver().executeScript("window.addEventListener('submit', e => e.preventDefault(), {once: true})");
      browser.find("#plan-day").click();
      assertThat(browser.visible("#plan-progress").getText()).contains("正在智能排班");
      assertThat(browser.find("#plan-day").isEnabled()).isFalse();
      // the seconds go by while it waits
      String counted = browser.await(d -> {
        String seconds = d.findElement(By.cssSelector("#plan-progress [data-busy-elapsed]")).getText();
        return Integer.parseInt(seconds) >= 2 ? seconds : null;
      });
      assertThat(counted).isNotBlank();
      browser.screenshot("vehicle-board-03-planning");
      browser.driver().executeScript("document.querySelector('#plan-day').form.submit()");
      browser.await(d -> d.getCurrentUrl().contains("/vehicles/plans/"));
    }
  }

  private static Map<String, Object> car(long unit, String category, int seats, LocalDate insuredUntil) {
    Map<String, Object> draft = VehicleFixtures.vehicle(unit, category);
    draft.put("seats", seats);
    draft.put("odometerKm", 0);
    draft.put("insuranceUntil", insuredUntil.toString());
    return draft;
  }

  private String plateOf(long vehicle) {
    return jdbc.sql("select plate from vehicle where id = :id").param("id", vehicle).query(String.class).single();
  }

  private static List<String> values(Select select) {
    return select.getOptions().stream().map(o -> o.getAttribute("value")).toList();
  }
}
