package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import cn.smartaffairs.support.WebSession;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An asset manager registers a desk computer, prints its label and the label's QR code opens the asset's page. */
@IntegrationTest
class AssetBrowserTest {

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("asset.manager");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void registerAnAssetAndPrintItsLabel() throws Exception {
    String number = "B-" + UUID.randomUUID().toString().substring(0, 8);
    browser.clickAndWaitForPage("#menu-assets");
    browser.clickAndWaitForPage("#asset-new");
    browser.find("#number").sendKeys(number);
    browser.find("#name").sendKeys("台式计算机");
    new Select(browser.find("#classCode")).selectByValue("A02010101");
    browser.find("#specModel").sendKeys("联想 启天M437");
    browser.find("#serialNo").sendKeys("PF3X2K1");
    browser.driver().executeScript("document.getElementById('purchasedOn').value = '2025-03-15'");
    browser.find("#originalValue").sendKeys("6200");
    new Select(browser.find("#unitId")).selectByIndex(1);
    browser.screenshot("asset-01-register");
    browser.clickAndWaitForPage("#asset-save");

    assertThat(browser.path()).matches("/assets/\\d+");
    long id = Long.parseLong(browser.path().substring("/assets/".length()));
    assertThat(browser.find("h1").getText()).contains(number).contains("台式计算机");
    assertThat(browser.find("#asset-card").getText()).contains("A02010101").contains("6,200.00");
    long bookValue = Depreciation.at(620_000, java.time.LocalDate.of(2025, 3, 15), true, 72,
        java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"))).bookValueFen();
    assertThat(browser.find("#asset-book-value").getText())
        .isEqualTo(cn.smartaffairs.platform.Money.ofFen(bookValue).toString());
    browser.screenshot("asset-02-asset-page");

    String href = browser.find("#asset-label").getAttribute("href");
    String base64 = (String) browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
          let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
        });""", href);
    try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(60 * 72 / 25.4f,
          org.assertj.core.data.Offset.offset(0.5f));
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300);
      String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page)))).getText();
      assertThat(scanned).isEqualTo("http://localhost:" + port + "/assets/" + id);

      browser.open(scanned.substring(("http://localhost:" + port).length()));
      assertThat(browser.find("h1").getText()).contains(number);
      WebSession.Page anonymous = new WebSession(port).get("/assets/" + id);
      assertThat(anonymous.status()).isEqualTo(302);
      assertThat(anonymous.body()).doesNotContain(number);
    }
    assertThat(browser.policyViolations()).isEmpty();
  }
}
