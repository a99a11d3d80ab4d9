package cn.smartaffairs.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a list page asks for: the text to search, the column to sort by and which way, the page and its size. Every
 * list page reads it with {@link #parse} and answers a {@link Page}. Whatever the address carries, the query is within
 * bounds: an unknown sort key is the list's default, a page that is no number is the first, a size is at most
 * {@link #MAX_SIZE}; it never fails.
 *
 * @param search the trimmed search text without control characters, at most {@link #MAX_SEARCH} characters; null
 *     when none
 * @param sort a key of the list's {@link SortKeys}, never text the user chose
 * @param page zero-based
 * @param size rows per page: from 1 to {@link #MAX_SIZE} on a page, up to {@link #EXPORT_LIMIT} for an export
 * @param lastIfPast whether a page past the last shows the last (a page's jump); the JSON API, reading through the
 *     same queries, answers no items there, so that a client paging until the items run out stops
 */
public record ListQuery(String search, String sort, boolean descending, int page, int size, boolean lastIfPast) {

  /** The sizes the page offers. */
  public static final List<Integer> SIZES = List.of(10, 20, 50, 100);
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;
  /** The most rows an export writes: the same query, all its pages up to this many rows. */
  public static final int EXPORT_LIMIT = 10_000;
  public static final int MAX_SEARCH = 100;
  /** Far beyond any list, small enough that page × size never overflows. */
  static final int MAX_PAGE = 1_000_000;

  /** The request parameters of a list; the page's own filters use other names. */
  public static final String SEARCH = "keyword";
  public static final String SORT = "sort";
  public static final String DIRECTION = "dir";
  public static final String PAGE = "page";
  /** The page jump's field: a page number as people count, from 1; it wins over {@link #PAGE}. */
  public static final String JUMP = "jump";
  public static final String SIZE = "size";
  public static final List<String> PARAMETERS = List.of(SEARCH, SORT, DIRECTION, PAGE, JUMP, SIZE);

  public ListQuery {
    search = cleanSearch(search);
    page = Math.max(0, Math.min(page, MAX_PAGE));
    size = Math.max(1, Math.min(size, EXPORT_LIMIT));
  }

  /** A page's query: past the last page it shows the last. */
  public ListQuery(String search, String sort, boolean descending, int page, int size) {
    this(search, sort, descending, page, size, true);
  }

  /** The first page of a list in its default order. */
  public static ListQuery first(SortKeys sortKeys) {
    return new ListQuery(null, sortKeys.defaultKey(), sortKeys.defaultDescending(), 0, DEFAULT_SIZE);
  }

  /**
   * Reads a list's parameters (the first value of each, as Spring's {@code @RequestParam Map} gives them). The sort key
   * must be one of {@code sortKeys}; a missing or unknown one, or a direction other than asc/desc, is the list's
   * default. The size is any whole number from 1 to {@link #MAX_SIZE} (the page offers {@link #SIZES}; an address
   * may ask for fewer rows), otherwise {@link #DEFAULT_SIZE}.
   */
  public static ListQuery parse(Map<String, String> parameters, SortKeys sortKeys) {
    return parse(parameters, sortKeys, DEFAULT_SIZE);
  }

  /** The same for a list that shows {@code defaultSize} rows unless asked otherwise (one of {@link #SIZES}). */
  public static ListQuery parse(Map<String, String> parameters, SortKeys sortKeys, int defaultSize) {
    String sort = parameters.get(SORT);
    boolean known = sort != null && sortKeys.knows(sort);
    String key = known ? sort : sortKeys.defaultKey();
    String direction = parameters.get(DIRECTION);
    boolean descending = known && ("desc".equals(direction) || "asc".equals(direction))
        ? "desc".equals(direction)
        : sortKeys.defaultDescending(key);
    int size = number(parameters.get(SIZE), defaultSize);
    if (size < 1 || size > MAX_SIZE) {
      size = defaultSize;
    }
    int jump = number(parameters.get(JUMP), 0);
    int page = jump > 0 ? jump - 1 : number(parameters.get(PAGE), 0);
    return new ListQuery(parameters.get(SEARCH), key, descending, page, size);
  }

  /** The same query for an export: from the first row, up to {@link #EXPORT_LIMIT} rows. */
  public ListQuery forExport() {
    return new ListQuery(search, sort, descending, 0, EXPORT_LIMIT, lastIfPast);
  }

  public long offset() {
    return (long) page * size;
  }

  /**
   * The same query on a page that exists: past the last page of {@code total} rows it asks for the last one, so a
   * jump too far shows rows rather than nothing.
   */
  public ListQuery within(long total) {
    long pages = (total + size - 1) / size;
    return !lastIfPast || pages == 0 || page < pages
        ? this
        : new ListQuery(search, sort, descending, (int) (pages - 1), size, true);
  }

  /** The page of rows this query asked for. */
  public <T> Page<T> pageOf(List<T> items, long total) {
    return new Page<>(items, total, page, size);
  }

  /**
   * The page of a list the module loaded whole (a register of tens or hundreds of rows): the rows whose
   * {@code searched} text holds the search, in the order of the query's key ({@code orders} holds a comparator for
   * each key of the list's {@link SortKeys}; rows it leaves equal keep the order they came in), cut to the page.
   */
  public <T> Page<T> pageOf(List<T> rows, Function<? super T, String> searched,
      Map<String, ? extends Comparator<? super T>> orders) {
    String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
    List<T> found = new ArrayList<>();
    for (T row : rows) {
      String text = needle == null ? null : searched.apply(row);
      if (needle == null || text != null && text.toLowerCase(Locale.ROOT).contains(needle)) {
        found.add(row);
      }
    }
    Comparator<? super T> order = orders.get(sort);
    if (order != null) {
      found.sort(descending ? Collections.reverseOrder(order) : order);
    }
    ListQuery shown = within(found.size());
    int from = (int) Math.min(found.size(), shown.offset());
    int to = (int) Math.min(found.size(), shown.offset() + shown.size());
    return shown.pageOf(List.copyOf(found.subList(from, to)), found.size());
  }

  /** Texts joined for {@link #pageOf(List, Function, Map)}'s search; nulls left out. */
  public static String searchable(Object... texts) {
    StringBuilder joined = new StringBuilder();
    for (Object text : texts) {
      if (text != null) {
        joined.append(text).append('\n');
      }
    }
    return joined.toString();
  }

  /** The search as a LIKE pattern that matches it anywhere, its wildcards escaped ({@code escape '\'}); null if none. */
  public String likePattern() {
    return search == null
        ? null
        : "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  public boolean sortedBy(String key) {
    return sort != null && sort.equals(key);
  }

  private static String cleanSearch(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder();
    text.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
        && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED)
        .limit(MAX_SEARCH).forEach(kept::appendCodePoint);
    String cleaned = kept.toString().strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** A whole number, a very long one as the largest int; anything else is {@code otherwise}. */
  private static int number(String text, int otherwise) {
    if (text == null || !text.strip().matches("[+-]?\\d{1,40}")) {
      return otherwise;
    }
    String digits = text.strip();
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLong) {
      return digits.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
  }
}
