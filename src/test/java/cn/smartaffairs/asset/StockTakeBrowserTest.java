package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.support.Browser;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stock-take on a phone-sized window: the camera (stubbed with a picture of a label's QR code) reads the label, the
 * scan moves the asset to the room counted, and the reconciliation shows it found.
 */
@IntegrationTest
class StockTakeBrowserTest {

  @LocalServerPort int port;
  @Autowired AssetRegister register;
  @Autowired StockTakes stockTakes;
  @Autowired SpaceRegister space;
  @Autowired Accounts accounts;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.resize(390, 844);
    browser.signInAs("asset.manager");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  /** Replaces the camera by a canvas that keeps showing the QR code's modules, black on white. */
  private void stubCameraShowing(String payload) throws Exception {
    BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
        Map.of(EncodeHintType.MARGIN, 4));
    StringBuilder rows = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        rows.append(matrix.get(x, y) ? '1' : '0');
      }
      rows.append('\n');
    }
    browser.driver().executeScript(
        """
            const rows = arguments[0].trim().split('\\n');
            const scale = 8;
            const canvas = document.createElement('canvas');
            canvas.width = rows[0].length * scale; canvas.height = rows.length * scale;
            const paint = (tick) => {
              const g = canvas.getContext('2d');
              g.fillStyle = '#fff'; g.fillRect(0, 0, canvas.width, canvas.height);
              g.fillStyle = '#000';
              rows.forEach((row, y) => [...row].forEach((bit, x) => { if (bit === '1') g.fillRect(x * scale, y * scale, scale, scale); }));
              g.fillStyle = tick % 2 ? '#fefefe' : '#fff'; g.fillRect(0, 0, 1, 1);
            };
            let tick = 0; paint(tick); setInterval(() => paint(++tick), 100);
            const stream = canvas.captureStream(10);
            navigator.mediaDevices.getUserMedia = () => Promise.resolve(stream);""",
        rows.toString());
  }

  @Test
  void aPhoneScansALabelAndTheAssetIsFoundInTheRoomCounted() throws Exception {
    CurrentUser manager = accounts.loadUserByUsername("asset.manager");
    List<Room> rooms = space.rooms(manager);
    Room counted = rooms.get(0);
    Room recorded = rooms.get(1);
    long id = register.register(new NewAsset("C-" + UUID.randomUUID().toString().substring(0, 8), "会议椅", "A050103",
        null, null, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(2), 45_000L, FundingSource.FISCAL, null,
        manager.unitId(), null, recorded.id(), null, null), manager);
    long campaign = stockTakes.open("会议室盘点 " + UUID.randomUUID().toString().substring(0, 6), manager.unitId(), null,
        manager);

    browser.open("/assets/stocktakes/" + campaign);
    browser.clickAndWaitForPage("#stocktake-scan");
    new Select(browser.find("#scan-room")).selectByValue(String.valueOf(counted.id()));
    stubCameraShowing("http://localhost:" + port + "/assets/" + id);
    browser.find("#camera-start").click();

    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !browser.findAll("#scan-results li[data-asset='" + id + "']").isEmpty());
    assertThat(browser.find("#scan-results li[data-asset='" + id + "']").getText()).contains("会议椅").contains("已更新地点");
    browser.screenshot("stocktake-01-phone-scan");
    Thread.sleep(1500);
    assertThat(browser.findAll("#scan-results li")).as("a label in view is recorded once").hasSize(1);

    browser.open("/assets/stocktakes/" + campaign);
    assertThat(browser.find("#line-" + id).getAttribute("data-outcome")).isEqualTo("FOUND");
    assertThat(register.get(id, manager).locationRoomId()).isEqualTo(counted.id());
    browser.screenshot("stocktake-02-reconciliation");
    assertThat(browser.policyViolations()).isEmpty();
  }
}
