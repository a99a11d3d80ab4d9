package cn.smartaffairs.printing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An official form to print on A4: a title, an optional number, labelled fields in two columns, optional tables, an
 * optional QR code that leads back to the record, and signature lines. Modules fill it; {@link PdfPrinter} lays it out.
 */
public final class PrintableForm {

  /** A labelled value; a wide field takes the whole line. */
  public record Field(String label, String value, boolean wide) {}

  /** A table with a caption, header row and body rows (each row as many cells as the header). */
  public record Table(String caption, List<String> headers, List<List<String>> rows) {}

  private final String title;
  private String number;
  private String qrPayload;
  private final List<Field> fields = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  private final List<String> signatures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private PrintableForm(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static PrintableForm titled(String title) {
    return new PrintableForm(title);
  }

  /** The form's own number (e.g. 派车单号), printed under the title. */
  public PrintableForm number(String number) {
    this.number = number;
    return this;
  }

  public PrintableForm field(String label, Object value) {
    fields.add(new Field(label, value == null ? "" : value.toString(), false));
    return this;
  }

  public PrintableForm wideField(String label, Object value) {
    fields.add(new Field(label, value == null ? "" : value.toString(), true));
    return this;
  }

  public PrintableForm table(String caption, List<String> headers, List<List<String>> rows) {
    rows.forEach(row -> {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException("row has " + row.size() + " cells, header " + headers.size());
      }
    });
    tables.add(new Table(caption, List.copyOf(headers), List.copyOf(rows)));
    return this;
  }

  /** Text encoded as a QR code in the top-right corner, usually the URL of the record. */
  public PrintableForm qrCode(String payload) {
    this.qrPayload = payload;
    return this;
  }

  /** A signature line such as "驾驶员签字"; printed at the bottom with space to sign. */
  public PrintableForm signature(String label) {
    signatures.add(label);
    return this;
  }

  /** A small-print line under the fields, e.g. the rule the form rests on. */
  public PrintableForm note(String text) {
    notes.add(text);
    return this;
  }

  public String title() {
    return title;
  }

  public String number() {
    return number;
  }

  public String qrPayload() {
    return qrPayload;
  }

  public List<Field> fields() {
    return List.copyOf(fields);
  }

  public List<Table> tables() {
    return List.copyOf(tables);
  }

  public List<String> signatures() {
    return List.copyOf(signatures);
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }
}
