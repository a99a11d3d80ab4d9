package cn.smartaffairs.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * Lays out a {@link PrintableForm} on A4 pages as PDF. The CJK font (WenQuanYi Micro Hei, Apache 2.0) ships inside
 * the jar and is embedded as a subset, so the sheet prints the same on any machine without installed fonts.
 */
@Component
public class PdfPrinter {

  private static final String FONT_RESOURCE = "/fonts/wqy-microhei.ttc";
  private static final String FONT_NAME = "WenQuanYiMicroHei";
  private static final float MARGIN = 48;
  private static final float ROW_PADDING = 5;
  private static final float BODY_SIZE = 10.5f;
  private static final float LINE_GAP = 3;

  private final byte[] fontFile;

  public PdfPrinter() {
    try (InputStream in = PdfPrinter.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("font " + FONT_RESOURCE + " missing from the classpath");
      }
      fontFile = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] print(PrintableForm form) {
    try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
        PDDocument document = new PDDocument()) {
      TrueTypeFont trueType = collection.getFontByName(FONT_NAME);
      PDType0Font font = PDType0Font.load(document, trueType, true);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(form.title());
      info.setCreator("智慧机关事务平台");
      new Layout(document, font).render(form);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Labels on label stock: each a QR code on the left and its lines on the right, cut to the label's width; a roll
   * prints one label per page of the label's size, an A4 sheet its grid centred on the page.
   */
  public byte[] printLabels(String title, List<Label> labels, Label.Stock stock) {
    try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
        PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, collection.getFontByName(FONT_NAME), true);
      document.getDocumentInformation().setTitle(title);
      document.getDocumentInformation().setCreator("智慧机关事务平台");
      new LabelLayout(document, font, stock).render(labels);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A QR code as PNG, for pages that show the same code as the printed form. */
  public static byte[] qrPng(String payload, int size) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(qrMatrix(payload, size), "PNG", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BitMatrix qrMatrix(String payload, int size) {
    try {
      return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 1));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode QR payload", e);
    }
  }

  /** Places labels on pages of the stock, row by row. */
  private static final class LabelLayout {
    private static final float POINTS_PER_MM = 72 / 25.4f;
    private final PDDocument document;
    private final PDType0Font font;
    private final Label.Stock stock;
    private final float labelWidth;
    private final float labelHeight;
    private final PDRectangle pageSize;

    LabelLayout(PDDocument document, PDType0Font font, Label.Stock stock) {
      this.document = document;
      this.font = font;
      this.stock = stock;
      this.labelWidth = stock.widthMm() * POINTS_PER_MM;
      this.labelHeight = stock.heightMm() * POINTS_PER_MM;
      this.pageSize = stock.perPage() == 1 ? new PDRectangle(labelWidth, labelHeight) : PDRectangle.A4;
    }

    void render(List<Label> labels) throws IOException {
      float left = (pageSize.getWidth() - stock.columns() * labelWidth) / 2;
      float top = pageSize.getHeight() - (pageSize.getHeight() - stock.rows() * labelHeight) / 2;
      PDPageContentStream content = null;
      try {
        for (int i = 0; i < labels.size(); i++) {
          int onPage = i % stock.perPage();
          if (onPage == 0) {
            if (content != null) {
              content.close();
            }
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
          }
          float x = left + (onPage % stock.columns()) * labelWidth;
          float y = top - (onPage / stock.columns() + 1) * labelHeight;
          label(content, labels.get(i), x, y);
        }
        if (content == null) {
          document.addPage(new PDPage(pageSize));
        }
      } finally {
        if (content != null) {
          content.close();
        }
      }
    }

    private void label(PDPageContentStream content, Label label, float x, float y) throws IOException {
      float pad = 2.5f * POINTS_PER_MM;
      if (stock.perPage() > 1) {
        content.setLineWidth(0.3f);
        content.setStrokingColor(0.75f);
        content.addRect(x, y, labelWidth, labelHeight);
        content.stroke();
      }
      float qrSize = labelHeight - 2 * pad;
      BufferedImage qr = MatrixToImageWriter.toBufferedImage(qrMatrix(label.qrPayload(), 240));
      content.drawImage(LosslessFactory.createFromImage(document, qr), x + pad, y + pad, qrSize, qrSize);
      float textLeft = x + pad + qrSize + pad;
      float textWidth = x + labelWidth - pad - textLeft;
      float baseline = y + labelHeight - pad - 9;
      for (int i = 0; i < label.lines().size() && baseline > y + pad; i++) {
        float size = i == 0 ? 9 : 7.5f;
        String line = fitted(label.lines().get(i) == null ? "" : label.lines().get(i), size, textWidth);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(textLeft, baseline);
        content.showText(line);
        content.endText();
        baseline -= size + 4;
      }
    }

    /** The text in glyphs the font has, cut with an ellipsis to the width. */
    private String fitted(String text, float size, float max) throws IOException {
      StringBuilder out = new StringBuilder();
      float width = 0;
      for (int i = 0; i < text.length();) {
        int codePoint = text.codePointAt(i);
        i += Character.charCount(codePoint);
        String glyph = Character.isISOControl(codePoint) ? " " : new String(Character.toChars(codePoint));
        float glyphWidth;
        try {
          glyphWidth = font.getStringWidth(glyph) / 1000 * size;
        } catch (IllegalArgumentException e) {
          glyph = "?";
          glyphWidth = font.getStringWidth(glyph) / 1000 * size;
        }
        if (width + glyphWidth > max) {
          return out.append('…').toString();
        }
        out.append(glyph);
        width += glyphWidth;
      }
      return out.toString();
    }
  }

  /** Draws top-down, opening a new page whenever the next block does not fit. */
  private static final class Layout {
    private final PDDocument document;
    private final PDType0Font font;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream content;
    private float y;

    Layout(PDDocument document, PDType0Font font) {
      this.document = document;
      this.font = font;
    }

    void render(PrintableForm form) throws IOException {
      newPage();
      try {
        header(form);
        fields(form.fields());
        for (PrintableForm.Table table : form.tables()) {
          table(table);
        }
        for (String note : form.notes()) {
          for (String line : wrap(note, 9, width)) {
            ensureSpace(14);
            text(line, MARGIN, y - 10, 9);
            y -= 13;
          }
        }
        signatures(form.signatures());
      } finally {
        content.close();
      }
    }

    private void header(PrintableForm form) throws IOException {
      float qrSize = 72;
      if (form.qrPayload() != null) {
        BufferedImage qr = MatrixToImageWriter.toBufferedImage(qrMatrix(form.qrPayload(), 240));
        PDImageXObject image = LosslessFactory.createFromImage(document, qr);
        content.drawImage(image, MARGIN + width - qrSize, y - qrSize, qrSize, qrSize);
      }
      float titleSize = 18;
      float titleWidth = textWidth(form.title(), titleSize);
      text(form.title(), MARGIN + (width - titleWidth) / 2, y - 28, titleSize);
      if (form.number() != null) {
        String number = "编号：" + form.number();
        text(number, MARGIN + (width - textWidth(number, 10)) / 2, y - 48, 10);
      }
      y -= form.qrPayload() != null ? qrSize + 10 : 62;
    }

    private void fields(List<PrintableForm.Field> fields) throws IOException {
      float labelWidth = 78;
      float half = width / 2;
      int i = 0;
      while (i < fields.size()) {
        PrintableForm.Field first = fields.get(i);
        boolean pair = !first.wide() && i + 1 < fields.size() && !fields.get(i + 1).wide();
        List<PrintableForm.Field> row = pair ? List.of(first, fields.get(i + 1)) : List.of(first);
        float cellWidth = pair ? half : width;
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        int lines = 1;
        for (PrintableForm.Field field : row) {
          labels.add(wrap(field.label(), BODY_SIZE, labelWidth - 2 * ROW_PADDING));
          values.add(wrap(field.value(), BODY_SIZE, cellWidth - labelWidth - 2 * ROW_PADDING));
          lines = Math.max(lines, Math.max(labels.get(labels.size() - 1).size(), values.get(values.size() - 1).size()));
        }
        float height = lines * (BODY_SIZE + LINE_GAP) + 2 * ROW_PADDING;
        ensureSpace(height);
        for (int c = 0; c < row.size(); c++) {
          float x = MARGIN + c * cellWidth;
          content.setNonStrokingColor(0.93f, 0.93f, 0.93f);
          content.addRect(x, y - height, labelWidth, height);
          content.fill();
          content.setNonStrokingColor(0f, 0f, 0f);
          content.addRect(x, y - height, labelWidth, height);
          content.addRect(x + labelWidth, y - height, cellWidth - labelWidth, height);
          content.stroke();
          lines(labels.get(c), x + ROW_PADDING, BODY_SIZE);
          lines(values.get(c), x + labelWidth + ROW_PADDING, BODY_SIZE);
        }
        y -= height;
        i += row.size();
      }
      y -= 12;
    }

    private void table(PrintableForm.Table table) throws IOException {
      ensureSpace(40);
      text(table.caption(), MARGIN, y - 12, 12);
      y -= 20;
      float columnWidth = width / table.headers().size();
      tableRow(table.headers(), columnWidth, true);
      for (List<String> row : table.rows()) {
        tableRow(row, columnWidth, false);
      }
      y -= 12;
    }

    private void tableRow(List<String> cells, float columnWidth, boolean header) throws IOException {
      List<List<String>> wrapped = cells.stream().map(cell -> wrap(cell, 9.5f, columnWidth - 2 * ROW_PADDING)).toList();
      int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
      float height = lines * (9.5f + LINE_GAP) + 2 * ROW_PADDING;
      ensureSpace(height);
      for (int c = 0; c < cells.size(); c++) {
        float x = MARGIN + c * columnWidth;
        if (header) {
          content.setNonStrokingColor(0.93f, 0.93f, 0.93f);
          content.addRect(x, y - height, columnWidth, height);
          content.fill();
          content.setNonStrokingColor(0f, 0f, 0f);
        }
        content.addRect(x, y - height, columnWidth, height);
        content.stroke();
        lines(wrapped.get(c), x + ROW_PADDING, 9.5f);
      }
      y -= height;
    }

    private void signatures(List<String> signatures) throws IOException {
      if (signatures.isEmpty()) {
        return;
      }
      ensureSpace(50);
      y -= 24;
      float slot = width / signatures.size();
      for (int i = 0; i < signatures.size(); i++) {
        float x = MARGIN + i * slot;
        String label = signatures.get(i) + "：";
        text(label, x, y, BODY_SIZE);
        float lineStart = x + textWidth(label, BODY_SIZE) + 2;
        content.moveTo(lineStart, y - 2);
        content.lineTo(x + slot - 12, y - 2);
        content.stroke();
      }
      y -= 20;
    }

    /** Prints wrapped lines top-down inside the current row, starting below its top padding. */
    private void lines(List<String> lines, float x, float size) throws IOException {
      float baseline = y - ROW_PADDING - size;
      for (String line : lines) {
        text(line, x, baseline, size);
        baseline -= size + LINE_GAP;
      }
    }

    private void ensureSpace(float height) throws IOException {
      if (y - height < MARGIN) {
        content.close();
        newPage();
      }
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      content.setLineWidth(0.6f);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void text(String text, float x, float baseline, float size) throws IOException {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, baseline);
      content.showText(printable(text));
      content.endText();
    }

    private float textWidth(String text, float size) {
      try {
        return font.getStringWidth(printable(text)) / 1000 * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Breaks text into lines no wider than {@code max}, character by character (Chinese has no spaces to break at). */
    private List<String> wrap(String text, float size, float max) {
      List<String> lines = new ArrayList<>();
      for (String paragraph : printable(text).split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (int i = 0; i < paragraph.length();) {
          String glyph = new String(Character.toChars(paragraph.codePointAt(i)));
          // the text is printable already, so each glyph is measured once, not every prefix again
          float glyphWidth = glyphWidth(glyph, size);
          if (line.length() > 0 && lineWidth + glyphWidth > max) {
            lines.add(line.toString());
            line.setLength(0);
            lineWidth = 0;
          }
          line.append(glyph);
          lineWidth += glyphWidth;
          i += glyph.length();
        }
        lines.add(line.toString());
      }
      return lines;
    }

    private float glyphWidth(String glyph, float size) {
      try {
        return font.getStringWidth(glyph) / 1000 * size;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Replaces characters the font cannot draw (and control characters) so one odd input never breaks a form. */
    private String printable(String text) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(codePoint -> {
        String glyph = new String(Character.toChars(codePoint));
        if (codePoint == '\n') {
          out.append('\n');
          return;
        }
        if (Character.isISOControl(codePoint)) {
          out.append(' ');
          return;
        }
        try {
          font.encode(glyph);
          out.append(glyph);
        } catch (IllegalArgumentException | IOException e) {
          out.append('?');
        }
      });
      return out.toString();
    }
  }
}
