package cn.smartaffairs.excel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Opens an uploaded import workbook and checks its shape (readable, the template's columns, some rows, not too many). */
public final class ImportWorkbook {

  private ImportWorkbook() {}

  /** The rows of a workbook that has the required columns, or every shape error at once. */
  public static Xlsx.Table open(InputStream workbook, List<String> requiredHeaders, int maxRows, MessageSource messages,
      Locale locale) {
    Xlsx.Table table;
    try {
      table = Xlsx.read(workbook);
    } catch (Xlsx.UnreadableWorkbookException e) {
      throw new ImportRejectedException(List.of(new ImportError(0, "", text(messages, locale, "import.unreadable"))));
    }
    List<ImportError> errors = new ArrayList<>();
    for (String header : requiredHeaders) {
      if (!table.headers().contains(header)) {
        errors.add(new ImportError(1, header, text(messages, locale, "import.missingColumn", header)));
      }
    }
    if (table.rows().isEmpty()) {
      errors.add(new ImportError(2, "", text(messages, locale, "import.empty")));
    }
    if (table.rows().size() > maxRows) {
      errors.add(new ImportError(0, "", text(messages, locale, "import.tooManyRows", maxRows)));
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    return table;
  }

  public static String text(MessageSource messages, Locale locale, String key, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }
}
