package cn.smartaffairs.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Writes and reads .xlsx files: every list exports, every register imports. Streaming, so 100,000 rows fit. */
public final class Xlsx {

  private Xlsx() {}

  /** A sheet to write: its name, header row and data rows (cells may be String, Number, Boolean, LocalDate or null). */
  public record Sheet(String name, List<String> headers, Stream<List<?>> rows) {}

  public static void write(OutputStream out, Sheet... sheets) {
    try {
      Workbook workbook = new Workbook(out, "SmartAffairs", "1.0");
      for (Sheet sheet : sheets) {
        Worksheet worksheet = workbook.newWorksheet(sheet.name());
        for (int c = 0; c < sheet.headers().size(); c++) {
          worksheet.value(0, c, sheet.headers().get(c));
          worksheet.style(0, c).bold().fillColor("F2DCDB").set();
          worksheet.width(c, Math.max(10, sheet.headers().get(c).length() * 2.5));
        }
        worksheet.freezePane(0, 1);
        int[] r = {1};
        sheet.rows().forEach(row -> {
          for (int c = 0; c < row.size(); c++) {
            writeCell(worksheet, r[0], c, row.get(c));
          }
          r[0]++;
        });
        worksheet.finish();
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeCell(Worksheet worksheet, int r, int c, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Number number) {
      worksheet.value(r, c, number);
    } else if (value instanceof Boolean bool) {
      worksheet.value(r, c, bool);
    } else if (value instanceof LocalDate date) {
      worksheet.value(r, c, date);
      worksheet.style(r, c).format("yyyy-mm-dd").set();
    } else {
      worksheet.value(r, c, value.toString());
    }
  }

  /**
   * Reads the first sheet: row 1 holds the headers, each later non-empty row becomes a map from header to
   * trimmed text. Numbers come back in plain notation (so 13812345678 stays a phone number), dates as serial numbers.
   */
  public static Table read(InputStream in) {
    try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      var sheet = workbook.getFirstSheet();
      List<String> headers = new ArrayList<>();
      List<TableRow> rows = new ArrayList<>();
      try (Stream<Row> stream = sheet.openStream()) {
        for (Row row : (Iterable<Row>) stream::iterator) {
          if (headers.isEmpty()) {
            for (int c = 0; c < row.getCellCount(); c++) {
              headers.add(text(row.getCell(c)));
            }
            continue;
          }
          Map<String, String> cells = new LinkedHashMap<>();
          boolean empty = true;
          for (int c = 0; c < headers.size(); c++) {
            String value = c < row.getCellCount() ? text(row.getCell(c)) : "";
            cells.put(headers.get(c), value);
            empty &= value.isEmpty();
          }
          if (!empty) {
            rows.add(new TableRow(row.getRowNum(), cells));
          }
        }
      }
      return new Table(headers, rows);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableWorkbookException(e);
    }
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getRawValue() == null) {
      return "";
    }
    return switch (cell.getType()) {
      case NUMBER -> new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
      default -> cell.getText().trim();
    };
  }

  /** The rows of a sheet under their headers. */
  public record Table(List<String> headers, List<TableRow> rows) {}

  /** One row; {@code rowNumber} is the number Excel shows (1-based, the header is row 1). */
  public record TableRow(int rowNumber, Map<String, String> cells) {
    public String get(String header) {
      return cells.getOrDefault(header, "");
    }
  }

  /** The upload is not an .xlsx workbook we can read. */
  public static class UnreadableWorkbookException extends RuntimeException {
    UnreadableWorkbookException(Throwable cause) {
      super(cause);
    }
  }

  /** Reads a date typed as text (2024-03-01, 2024/3/1, 20240301) or stored by Excel as a serial day number. */
  public static LocalDate date(String text) {
    String value = text.trim();
    if (value.matches("\\d{5}(\\.\\d+)?")) {
      return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(value));
    }
    if (value.matches("\\d{8}")) {
      return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
          Integer.parseInt(value.substring(6)));
    }
    String[] parts = value.split("[-/.年月日]");
    return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }
}
