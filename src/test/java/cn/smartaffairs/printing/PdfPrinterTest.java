package cn.smartaffairs.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** A printed form is a real PDF: its Chinese text can be extracted again, the font is embedded, the QR code scans. */
class PdfPrinterTest {

  private final PdfPrinter printer = new PdfPrinter();

  @Test
  void printsChineseFieldsTablesAndAScannableQrCode() throws Exception {
    PrintableForm form = PrintableForm.titled("公务用车派车单")
        .number("PC-2026-000123")
        .qrCode("https://affairs.example/vehicle-dispatches/123")
        .field("用车单位", "云溪市财政局")
        .field("用车人", "张三")
        .wideField("用车事由", "赴青山县开展财政专项资金检查，往返途经临江区，需携带检查材料。".repeat(3))
        .table("行程", List.of("出发地", "目的地", "里程（公里）"), List.of(List.of("市行政中心", "青山县政府", "46")))
        .note("依据《党政机关公务用车管理办法》")
        .signature("驾驶员签字")
        .signature("用车人签字");

    byte[] pdf = printer.print(form);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("公务用车派车单", "PC-2026-000123", "云溪市财政局", "青山县政府", "驾驶员签字");
      PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames()
          .iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
      String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new BufferedImageLuminanceSource(page)))).getText();
      assertThat(decoded).isEqualTo("https://affairs.example/vehicle-dispatches/123");
    }
  }

  @Test
  void longTablesContinueOnANewPageAndUnprintableCharactersDoNotBreakTheForm() throws Exception {
    List<List<String>> rows = java.util.stream.IntStream.range(0, 120)
        .mapToObj(i -> List.of("第" + i + "行", "\u0007控制符", "😀")).toList();
    byte[] pdf = printer.print(PrintableForm.titled("行程登记表").table("明细", List.of("序号", "说明", "备注"), rows));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(new PDFTextStripper().getText(document)).contains("第119行");
    }
  }
}
