package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A space manager gives a shared office to two more people and sees the area check change for everyone in it. */
@IntegrationTest
class SpaceBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("space.manager");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void allocatingAnOfficeToTwoStaffMembersChangesTheComplianceResult() {
    SpaceFixtures fixtures = new SpaceFixtures(context);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    long unit = fixtures.unit(GovernmentLevel.CITY, 10);
    long first = fixtures.person(unit, "LEVEL_OFFICER_1");
    long second = fixtures.person(unit, "LEVEL_OFFICER_1");
    long third = fixtures.person(unit, "LEVEL_OFFICER_2");
    long room = fixtures.officeFor(unit, "30", today.minusDays(30), first);

    browser.clickAndWaitForPage("#menu-space-compliance");
    browser.open("/space/compliance?unitId=" + unit);
    assertThat(browser.find("#person-" + first + " .occupied").getText()).isEqualTo("30.00");
    assertThat(browser.find("#person-" + first + " .excess").getText()).isEqualTo("21.00");
    assertThat(browser.findAll("#person-" + second)).isEmpty();
    browser.screenshot("space-01-compliance-before");

    browser.open("/space/rooms/" + room);
    browser.scrollTo("#staff-" + second);
    browser.find("#staff-" + second).click();
    browser.find("#staff-" + third).click();
    browser.screenshot("space-02-assign-office");
    browser.clickAndWaitForPage("#assign-office");
    browser.visible("#office-history");
    assertThat(browser.findAll("#office-history tbody tr[id^=office-]")).as("three people in the office").hasSize(3);
    assertThat(browser.findAll("#flash-error")).isEmpty();

    browser.open("/space/compliance?unitId=" + unit);
    for (long person : new long[] {first, second, third}) {
      assertThat(browser.find("#person-" + person + " .occupied").getText()).isEqualTo("10.00");
      assertThat(browser.find("#person-" + person + " .excess").getText()).isEqualTo("1.00");
    }
    assertThat(browser.find("#person-" + first).getText()).contains("3人合用").contains("局(处)级以下");
    browser.screenshot("space-03-compliance-after");

    browser.clickAndWaitForPage("#menu-space");
    browser.await(d -> "true".equals(browser.find("#unit-chart").getAttribute("data-chart-ready")));
    assertThat(browser.find("#kind-chart").getAttribute("data-chart-ready")).isEqualTo("true");
    assertThat(browser.find("#figure-over").getText()).matches("\\d+ 人 / \\d+ 个单位");
    browser.screenshot("space-04-dashboard");
  }
}
