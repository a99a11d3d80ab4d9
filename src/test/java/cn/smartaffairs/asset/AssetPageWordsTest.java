package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.RawCodes;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The asset pages outside the menu (one asset with a move, a stock-take, its scan page) show no codes meant for the
 * program, in Chinese and in English (EveryMenuPageBrowserTest crawls only the menu's pages).
 */
@IntegrationTest
class AssetPageWordsTest {

  @LocalServerPort int port;
  @Autowired AssetRegister register;
  @Autowired AssetMovements movements;
  @Autowired StockTakes stockTakes;
  @Autowired Accounts accounts;

  @Test
  void theAssetAndStockTakePagesShowWordsNotCodes() {
    CurrentUser manager = accounts.loadUserByUsername("asset.manager");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    long asset = register.register(new NewAsset("W-" + UUID.randomUUID().toString().substring(0, 8), "碎纸机",
        "A020204", null, null, today.minusMonths(2), 90_000L, FundingSource.SELF_RAISED, null, manager.unitId(), null,
        null, null, AssetStatus.IDLE), manager);
    long finance = accounts.loadUserByUsername("liaison").unitId();
    movements.requestTransfer(asset, finance, today, null, manager);
    long campaign = stockTakes.open("W " + UUID.randomUUID().toString().substring(0, 6), manager.unitId(), null,
        manager);
    RawCodes raw = RawCodes.ofTheProject();
    WebSession session = new WebSession(port).signedInAs("asset.manager", ApiClient.DEMO_PASSWORD);

    for (String language : new String[] {"zh", "en"}) {
      for (String page : new String[] {"/assets/" + asset, "/assets/stocktakes/" + campaign,
          "/assets/stocktakes/" + campaign + "/scan"}) {
        WebSession.Page shown = session.get(page + "?lang=" + language);
        assertThat(shown.status()).as(page).isEqualTo(200);
        String text = shown.body().replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
            .replaceAll("<[^>]+>", " ");
        assertThat(raw.in(text)).as(language + " " + page).isEmpty();
      }
    }
  }
}
