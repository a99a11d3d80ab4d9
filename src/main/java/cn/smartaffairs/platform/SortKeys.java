package cn.smartaffairs.platform;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns a list may be sorted by: each key names fixed SQL expressions that the module wrote, so the ORDER BY
 * of a query is chosen from these and never built from what a request carries. A tie-breaker (a unique column) keeps
 * pages apart when many rows share a value. Keys the module sorts in memory name no expressions.
 */
public final class SortKeys {

  private record Key(List<String> expressions, boolean descendingFirst) {}

  private final Map<String, Key> keys;
  private final String defaultKey;
  private final String tieBreaker;

  private SortKeys(Map<String, Key> keys, String defaultKey, String tieBreaker) {
    this.keys = Map.copyOf(keys);
    this.defaultKey = defaultKey;
    this.tieBreaker = tieBreaker;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean knows(String key) {
    return keys.containsKey(key);
  }

  public Set<String> keys() {
    return keys.keySet();
  }

  public String defaultKey() {
    return defaultKey;
  }

  public boolean defaultDescending() {
    return defaultDescending(defaultKey);
  }

  /** The way a column sorts when first chosen: newest first for times, A to Z for names. */
  public boolean defaultDescending(String key) {
    Key known = keys.get(key);
    return known != null && known.descendingFirst();
  }

  /**
   * An expression that sorts Chinese text the way a Chinese reader looks for it, by pinyin (the common characters
   * of GB 18030 are in pinyin order), where the database's collation would sort by code point.
   */
  public static String pinyin(String column) {
    return "convert_to(" + column + ", 'GB18030')";
  }

  /** Chinese text in pinyin order, for lists sorted in memory. */
  public static Comparator<String> pinyinOrder() {
    return Comparator.nullsLast(Collator.getInstance(Locale.CHINA)::compare);
  }

  /** Rows of a list sorted in memory by a value, rows without one last. */
  public static <T, U extends Comparable<? super U>> Comparator<T> byValue(Function<? super T, ? extends U> value) {
    return Comparator.comparing(value, Comparator.nullsLast(Comparator.<U>naturalOrder()));
  }

  /** Rows of a list sorted in memory by a Chinese text in pinyin order, rows without one last. */
  public static <T> Comparator<T> byPinyin(Function<? super T, String> text) {
    return Comparator.comparing(text, pinyinOrder());
  }

  /** The ORDER BY clause of the query's sort (the default when the key is unknown), ending in the tie-breaker. */
  public String orderBy(ListQuery query) {
    Key key = keys.containsKey(query.sort()) ? keys.get(query.sort()) : keys.get(defaultKey);
    String direction = query.descending() ? " desc" : " asc";
    StringBuilder clause = new StringBuilder(" order by ");
    for (String expression : key.expressions()) {
      clause.append(expression).append(direction).append(" nulls last, ");
    }
    return clause.append(tieBreaker).append(direction).append(' ').toString();
  }

  /** Collects the keys of one list. */
  public static final class Builder {

    private final Map<String, Key> keys = new LinkedHashMap<>();
    private String defaultKey;

    private Builder() {}

    /** A key sorted A to Z (or smallest first) when first chosen, by the given expressions in turn. */
    public Builder ascending(String key, String... expressions) {
      return add(key, false, expressions);
    }

    /** A key sorted newest (or largest) first when first chosen. */
    public Builder descending(String key, String... expressions) {
      return add(key, true, expressions);
    }

    /** The list's order when the request names none, and the way it runs then. */
    public Builder byDefault(String key) {
      this.defaultKey = key;
      return this;
    }

    /** Finishes the keys of a list the module sorts in memory ({@link ListQuery#pageOf(List, java.util.function.Function, Map)}). */
    public SortKeys inMemory() {
      return tieBreaker("");
    }

    /** Finishes with a unique expression that orders rows the keys leave equal (usually the id). */
    public SortKeys tieBreaker(String expression) {
      if (defaultKey == null || !keys.containsKey(defaultKey)) {
        throw new IllegalStateException("the default sort key must be one of " + keys.keySet());
      }
      return new SortKeys(keys, defaultKey, expression);
    }

    private Builder add(String key, boolean descendingFirst, String... expressions) {
      if (!key.matches("[a-zA-Z][a-zA-Z0-9]*")) {
        throw new IllegalArgumentException("a sort key is a word: " + key);
      }
      keys.put(key, new Key(Arrays.asList(expressions), descendingFirst));
      return this;
    }
  }
}
