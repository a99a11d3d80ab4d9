package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member reports a leak with a photo from the phone form, and the photo shows on the order page. */
@IntegrationTest
class WorkOrderPhotoBrowserTest {

  @LocalServerPort int port;
  Browser browser;

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aReportCarriesItsPhotoToTheOrderPage() throws Exception {
    Path photo = Files.createTempFile("leak", ".png");
    var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    image.setRGB(10, 10, 0x1e88e5);
    ImageIO.write(image, "png", photo.toFile());

    browser = Browser.start("http://localhost:" + port);
    browser.resize(390, 844);
    browser.signInAs("staff");

    browser.open("/work-orders/new");
    new Select(browser.visible("#category")).selectByValue("REPAIR_PLUMBING");
    browser.find("#description").sendKeys("茶水间水龙头关不紧，附照片");
    browser.find("#photos").sendKeys(photo.toAbsolutePath().toString());
    browser.scrollTo("#submit-report");
    browser.clickAndWaitForPage("#submit-report");

    var thumbnail = browser.visible("#photos img.photo-thumb");
    long naturalWidth = (Long) browser.driver().executeScript("return arguments[0].naturalWidth;", thumbnail);
    assertThat(naturalWidth).as("the image loads from the server").isEqualTo(64);
    browser.scrollTo("#photos");
    browser.screenshot("workorder-photo-phone");
  }
}
