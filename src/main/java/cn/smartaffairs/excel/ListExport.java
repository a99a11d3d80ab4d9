package cn.smartaffairs.excel;

import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PlatformConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * The .xlsx of a list page: the rows of the same query (search and sort; every page, up to
 * {@link ListQuery#EXPORT_LIMIT} rows) under the headers of the list's {@link ListColumns}, so the file shows what the
 * page shows. Words are in the reader's language, times in China Standard Time, money in yuan.
 */
public final class ListExport {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** Excel refuses longer text in a cell. */
  private static final int MAX_CELL_TEXT = 32_767;

  private ListExport() {}

  /** Sends {@code rows} as a download named after the list. */
  public static <T> void send(HttpServletResponse response, ListColumns<T> columns, List<? extends T> rows,
      MessageSource messages, Locale locale) {
    String name = messages.getMessage(columns.exportName(), null, columns.exportName(), locale);
    XlsxDownload.send(response, name + ".xlsx", sheet(name, columns, rows, messages, locale));
  }

  /** The sheet of {@code rows}, for a caller that writes the workbook itself. */
  public static <T> Xlsx.Sheet sheet(String name, ListColumns<T> columns, List<? extends T> rows,
      MessageSource messages, Locale locale) {
    List<ListColumns.Column<T>> exported = columns.exported();
    List<String> headers = exported.stream()
        .map(column -> messages.getMessage(column.label(), null, column.label(), locale)).toList();
    return new Xlsx.Sheet(sheetName(name), headers, rows.stream().limit(ListQuery.EXPORT_LIMIT).map(row -> {
      List<Object> cells = new ArrayList<>(exported.size());
      for (ListColumns.Column<T> column : exported) {
        cells.add(cell(column.value().apply(row), messages, locale));
      }
      return cells;
    }));
  }

  /** A value as Excel should hold it: numbers and days as such, the rest as the text a reader expects. */
  static Object cell(Object value, MessageSource messages, Locale locale) {
    if (value == null || value instanceof Number || value instanceof LocalDate) {
      return value;
    }
    if (value instanceof Money money) {
      return money.yuan();
    }
    if (value instanceof Boolean yes) {
      return messages.getMessage(yes ? "common.yes" : "common.no", null, locale);
    }
    if (value instanceof MessageSourceResolvable words) {
      return messages.getMessage(words, locale);
    }
    if (value instanceof Instant instant) {
      return MINUTE.format(instant.atZone(PlatformConfiguration.ZONE));
    }
    if (value instanceof ZonedDateTime time) {
      return MINUTE.format(time.withZoneSameInstant(PlatformConfiguration.ZONE));
    }
    if (value instanceof OffsetDateTime time) {
      return MINUTE.format(time.atZoneSameInstant(PlatformConfiguration.ZONE));
    }
    if (value instanceof LocalDateTime time) {
      return MINUTE.format(time);
    }
    return text(value.toString());
  }

  private static String text(String text) {
    return text.length() <= MAX_CELL_TEXT ? text : text.substring(0, MAX_CELL_TEXT - 1) + "…";
  }

  /** Excel allows 31 characters and none of []:*?/\ in a sheet's name. */
  private static String sheetName(String name) {
    String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    return cleaned.isEmpty() ? "Sheet1" : cleaned.substring(0, Math.min(31, cleaned.length()));
  }
}
