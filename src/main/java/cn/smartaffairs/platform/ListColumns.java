package cn.smartaffairs.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.ui.Model;

/**
 * The columns of one list, declared once: the page's header (its words, which columns sort, which hide on a narrow
 * screen) and the export's columns come from here, so the two agree. The page writes its own cells; the export takes
 * each column's value. A column's value may be text, a number, a date or time, {@link Money}, or words to look up
 * ({@link #words}).
 *
 * @param <T> one row of the list
 */
public final class ListColumns<T> {

  /**
   * One column.
   *
   * @param label message key of its header
   * @param sortKey the {@link SortKeys} key it sorts by; null when it does not sort
   * @param css classes of its header cell (for instance {@code d-none d-md-table-cell})
   * @param value its value in the export; null for a column only the page shows (links, buttons)
   * @param shown whether the page shows it; the export may hold more detail than a screen's width
   */
  public record Column<T>(String label, String sortKey, String css, Function<? super T, ?> value, boolean shown) {

    public boolean sortable() {
      return sortKey != null;
    }

    public boolean exported() {
      return value != null;
    }
  }

  private final SortKeys sortKeys;
  private final List<Column<T>> columns;
  private final String searchHint;
  private final String exportName;
  private final int defaultSize;

  private ListColumns(SortKeys sortKeys, List<Column<T>> columns, String searchHint, String exportName,
      int defaultSize) {
    this.sortKeys = sortKeys;
    this.columns = List.copyOf(columns);
    this.searchHint = searchHint;
    this.exportName = exportName;
    this.defaultSize = defaultSize;
  }

  /** Starts the columns of a list whose sortable columns use {@code sortKeys}. */
  public static <T> Builder<T> sortedBy(SortKeys sortKeys) {
    return new Builder<>(sortKeys);
  }

  /** A value the export shows in the reader's words (a state, a kind). */
  public static MessageSourceResolvable words(String code) {
    return new DefaultMessageSourceResolvable(new String[] {code}, code);
  }

  /** Reads the list's query from the request parameters, with these columns' sort keys. */
  public ListQuery parse(Map<String, String> parameters) {
    return ListQuery.parse(parameters, sortKeys, defaultSize);
  }

  /**
   * Puts what {@code fragments/table} shows into the model: {@code page}, {@code list} (the query) and
   * {@code columns}.
   */
  public void show(Model model, ListQuery query, Page<? extends T> page) {
    model.addAttribute("page", page);
    model.addAttribute("list", query);
    model.addAttribute("columns", this);
  }

  /** The columns the page shows, in order: its header and each row's cells. */
  public List<Column<T>> shown() {
    return columns.stream().filter(Column::shown).toList();
  }

  public List<Column<T>> exported() {
    return columns.stream().filter(Column::exported).toList();
  }

  /** How many columns the page shows. */
  public int size() {
    return shown().size();
  }

  public SortKeys sortKeys() {
    return sortKeys;
  }

  /** Message key of the search box's hint (what it searches); null when the list has no search text. */
  public String searchHint() {
    return searchHint;
  }

  /** Message key of the export's file and sheet name; null when the list has no export. */
  public String exportName() {
    return exportName;
  }

  /** Collects the columns in the order the page shows them. */
  public static final class Builder<T> {

    private final SortKeys sortKeys;
    private final List<Column<T>> columns = new ArrayList<>();
    private String searchHint;
    private String exportName;
    private int defaultSize = ListQuery.DEFAULT_SIZE;

    private Builder(SortKeys sortKeys) {
      this.sortKeys = sortKeys;
    }

    /** A column that sorts by {@code sortKey}. */
    public Builder<T> sortable(String sortKey, String label, Function<? super T, ?> value) {
      if (!sortKeys.knows(sortKey)) {
        throw new IllegalArgumentException("no sort key " + sortKey + " among " + sortKeys.keys());
      }
      columns.add(new Column<>(label, sortKey, "", value, true));
      return this;
    }

    public Builder<T> column(String label, Function<? super T, ?> value) {
      columns.add(new Column<>(label, null, "", value, true));
      return this;
    }

    /** A column the page shows and the export leaves out (a button, a link without a value of its own). */
    public Builder<T> pageOnly(String label) {
      columns.add(new Column<>(label, null, "", null, true));
      return this;
    }

    /** A column only the export holds: detail the page leaves to the record's own page. */
    public Builder<T> exportOnly(String label, Function<? super T, ?> value) {
      columns.add(new Column<>(label, null, "", value, false));
      return this;
    }

    /** Classes of the last column's header cell, e.g. to hide it on narrow screens as its cells do. */
    public Builder<T> css(String classes) {
      Column<T> last = columns.remove(columns.size() - 1);
      columns.add(new Column<>(last.label(), last.sortKey(), classes, last.value(), last.shown()));
      return this;
    }

    /** The list searches {@link ListQuery#search()} in what this message key's hint names ("姓名或工号"). */
    public Builder<T> searchedFor(String hintKey) {
      this.searchHint = hintKey;
      return this;
    }

    /** Rows a page shows unless asked otherwise, for a register people read whole (one of {@link ListQuery#SIZES}). */
    public Builder<T> pagedBy(int size) {
      if (!ListQuery.SIZES.contains(size)) {
        throw new IllegalArgumentException("a page shows one of " + ListQuery.SIZES + " rows");
      }
      this.defaultSize = size;
      return this;
    }

    /** The list exports the same query to .xlsx under this message key's words; without it, no export. */
    public ListColumns<T> exportedAs(String nameKey) {
      this.exportName = nameKey;
      return build();
    }

    public ListColumns<T> build() {
      return new ListColumns<>(sortKeys, columns, searchHint, exportName, defaultSize);
    }
  }
}
