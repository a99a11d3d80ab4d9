package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.support.Browser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On a phone, the space manager records a finding with a photo on site and turns it into a repair work order. */
@IntegrationTest
class FindingBrowserTest {

  @LocalServerPort int port;
  @Autowired Inspections inspections;
  @Autowired Accounts accounts;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void aFindingWithAPhotoTakenOnSiteBecomesARepairWorkOrder() throws Exception {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    LocalDate today = inspections.today();
    Campaign campaign = inspections
        .createCampaign(new NewCampaign("现场检查 " + UUID.randomUUID().toString().substring(0, 6),
            today, today.plusDays(20), List.of("消防与安全隐患", "闲置房间未交回")), manager);
    Path photo = Files.createTempFile("finding", ".png");
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
    String description = "二楼配电间门锁损坏 " + System.nanoTime() % 100_000;

    browser.signInAs("space.manager");
    browser.resize(390, 844);
    browser.open("/space/inspections/" + campaign.id());
    new Select(browser.find("#finding-form select[name=unitId]")).selectByValue(String.valueOf(
        accounts.loadUserByUsername("liaison").unitId()));
    new Select(browser.find("#finding-form select[name=itemId]")).selectByVisibleText("消防与安全隐患");
    browser.find("#finding-form textarea[name=description]").sendKeys(description);
    browser.find("#deadline")
        .sendKeys(today.plusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    browser.find("#photos").sendKeys(photo.toAbsolutePath().toString());
    browser.scrollTo("#finding-form button[type=submit]");
    browser.clickAndWaitForPage("#finding-form button[type=submit]");
    assertThat(browser.findAll("#flash-error")).isEmpty();

    browser.scrollTo("#findings");
    var link = browser.findAll("#findings .finding-link").stream().filter(a -> a.getText().equals(description))
        .findFirst().orElseThrow();
    browser.screenshot("space-finding-01-phone-list");
    link.click();
    browser.await(driver -> browser.path().startsWith("/space/inspections/findings/"));
    assertThat(browser.visible("#finding-photos img").getAttribute("naturalWidth")).isEqualTo("8");
    assertThat(browser.find("#finding-status").getText()).isEqualTo("待整改");

    new Select(browser.find("select[name=category]")).selectByValue("REPAIR_ELECTRIC");
    browser.scrollTo("#raise-work-order");
    browser.clickAndWaitForPage("#raise-work-order");
    browser.screenshot("space-finding-02-work-order-raised");
    String findingPage = browser.path();
    browser.scrollTo("#work-order-link");
    browser.clickAndWaitForPage("#work-order-link");
    assertThat(browser.find("body").getText()).contains(description);
    String workOrderPage = browser.path();

    // the unit's liaison follows the finding, not the repair desk's order: no link that would end in "未找到工单"
    try (Browser liaison = Browser.start("http://localhost:" + port)) {
      liaison.signInAs("liaison");
      liaison.open(findingPage);
      assertThat(liaison.visible("#work-order-raised").getText()).contains("已转维修工单");
      assertThat(liaison.findAll("#work-order-link")).isEmpty();
      liaison.open("/space/inspections/" + campaign.id());
      assertThat(liaison.findAll("#findings a[href^='/work-orders/']")).isEmpty();
      // typed in anyway, the order is not found, on a page that keeps the top bar and the side menu
      liaison.open(workOrderPage);
      assertThat(liaison.visible("#error-message").getText()).contains("未找到工单");
      assertThat(liaison.find("#shell-user").isDisplayed()).isTrue();
      assertThat(liaison.findAll("#sideMenu #menu-report")).hasSize(1);
    }
  }
}
