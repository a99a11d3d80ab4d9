package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a vehicle manager does on 电子围栏: draws a circle around the yard — first with a radius of 0 and a latitude of
 * 91, each refused beside its field in their language — sees it on the map and in the list, tries a polygon of two
 * points, and opens the fence to push it to the region's terminals.
 */
@IntegrationTest
class GeofenceBrowserTest {

  @LocalServerPort int port;

  private static void type(Browser browser, String selector, String text) {
    WebElement field = browser.reveal(selector);
    field.clear();
    field.sendKeys(text);
  }

  /** The console's errors, but for the browser's own look for a favicon the platform does not have. */
  private static java.util.List<String> scriptErrors(Browser browser) {
    return browser.consoleErrors().stream().filter(error -> !error.contains("/favicon.ico")).toList();
  }

  @Test
  void aManagerDrawsAFenceSeesItListedAndPushesIt() {
    String name = "车队停车场" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.signInAs("vehicle.manager");
      browser.clickAndWaitForPage("#menu-vehicle-geofences");
      browser.await(d -> "true".equals(browser.find("#geofence-map").getAttribute("data-ready")));
      assertThat(browser.find("h1").getText()).isEqualTo("电子围栏");
      // a circle is chosen: the rectangle's and the polygon's fields are hidden
      assertThat(browser.find("#corner1Lat").isDisplayed()).isFalse();
      assertThat(browser.find("#vertices").isDisplayed()).isFalse();

      type(browser, "#name", name);
      new Select(browser.find("#kind")).selectByValue("PARKING");
      type(browser, "#centreLat", "91");
      type(browser, "#centreLon", "102.714");
      type(browser, "#radiusM", "0");
      browser.clickAndWaitForPage("#geofence-save");
      assertThat(browser.visible("#centreLat-error").getText()).contains("纬度须在 -90 到 90 之间");
      assertThat(browser.find("#radiusM-error").getText()).contains("半径须为 1 到 500000 米");
      assertThat(browser.find("#name").getAttribute("value")).as("what was typed comes back").isEqualTo(name);

      type(browser, "#centreLat", "25.04");
      type(browser, "#radiusM", "300");
      browser.await(d -> !browser.findAll("#geofence-map path").isEmpty());
      browser.clickAndWaitForPage("#geofence-save");
      assertThat(browser.visible(".alert-success").getText()).contains(name);
      browser.await(d -> "true".equals(browser.find("#geofence-map").getAttribute("data-ready")));
      assertThat(browser.findAll("#geofence-map path.geofence-shape")).isNotEmpty();

      type(browser, "#keyword", name);
      browser.clickAndWaitForPage("#search");
      WebElement row = browser.visible("#geofence-list tbody tr");
      assertThat(row.getText()).contains(name, "指定停放地点", "圆形", "圆心 25.040000, 102.714000，半径 300 米",
          "尚未下发");
      browser.screenshot("telemetry-03-geofences");

      // a polygon of two points is refused beside its vertices
      new Select(browser.reveal("#shape")).selectByValue("POLYGON");
      assertThat(browser.find("#vertices").isDisplayed()).isTrue();
      assertThat(browser.find("#centreLat").isDisplayed()).isFalse();
      type(browser, "#name", name + "多边形");
      type(browser, "#vertices", "25.041, 102.710\n25.036, 102.712");
      browser.clickAndWaitForPage("#geofence-save");
      assertThat(browser.visible("#vertices-error").getText()).contains("至少需要 3 个不同的顶点");

      // the fence's own page: pushed to the region's terminals
      browser.open("/vehicles/geofences?keyword=" + java.net.URLEncoder.encode(name,
          java.nio.charset.StandardCharsets.UTF_8));
      browser.clickAndWaitForPage("#geofence-list tbody tr a");
      assertThat(browser.visible("#fence-name").getText()).isEqualTo(name);
      assertThat(browser.find("#fence-outline").getText()).contains("半径 300 米");
      browser.clickAndWaitForPage("#geofence-push");
      assertThat(browser.visible(".alert-success").getText()).contains("终端");
      assertThat(browser.policyViolations()).isEmpty();
      assertThat(scriptErrors(browser)).isEmpty();
      browser.screenshot("telemetry-04-geofence");

      // in English, the same refusal in English
      browser.open("/vehicles/geofences?lang=en");
      type(browser, "#name", name + " en");
      type(browser, "#centreLat", "91");
      type(browser, "#centreLon", "102.714");
      type(browser, "#radiusM", "0");
      browser.clickAndWaitForPage("#geofence-save");
      assertThat(browser.visible("#centreLat-error").getText()).contains("A latitude must lie between -90 and 90");
      assertThat(browser.find("#radiusM-error").getText()).contains("whole number of metres");
      browser.open("/?lang=zh");
    }
  }
}
