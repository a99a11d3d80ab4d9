package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.printing.Label;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The labels of a list on A4 sheets: 21 to a page, each with the asset's number, name and unit. */
@IntegrationTest
class AssetLabelsTest {

  @Autowired AssetLabels labels;
  @Autowired AssetRegister register;
  @Autowired Accounts accounts;

  @Test
  void twentyTwoLabelsFillOneA4SheetAndStartAnother() throws Exception {
    CurrentUser manager = accounts.loadUserByUsername("asset.manager");
    String batch = "L" + UUID.randomUUID().toString().substring(0, 6);
    LocalDate bought = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusYears(1);
    for (int i = 0; i < 22; i++) {
      register.register(new NewAsset(batch + "-" + i, "文件柜", "A050105", null, null, bought, 100_000L,
          FundingSource.FISCAL, null, manager.unitId(), null, null, null, null), manager);
    }
    ListQuery query = ListQuery.parse(Map.of("keyword", batch), AssetRegister.SORT_KEYS);

    byte[] pdf = labels.labels(AssetRegister.Filter.NONE, query, Label.Stock.A4_3X7, "https://affairs.example.cn",
        manager);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(batch + "-0").contains(batch + "-21").contains("文件柜");
    }
    assertThatThrownBy(() -> labels.labels(AssetRegister.Filter.NONE,
        ListQuery.parse(Map.of("keyword", "no-such-" + batch), AssetRegister.SORT_KEYS), Label.Stock.A4_3X7,
        "https://affairs.example.cn", manager)).hasMessage("asset.labelsNone");
  }
}
