package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.SortKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The links and hidden fields of {@code fragments/table}: another page, another sort, another size or the export of
 * the same list, each keeping the request's other parameters (the page's filters) as they came. Built from the
 * parameters of the current request; values are encoded here, never pasted into a link as typed.
 */
public final class ListLinks {

  /** Parameters that never travel on: the one-off language switch and the page jump's field. */
  private static final Set<String> DROPPED = Set.of("lang", ListQuery.JUMP);

  private final String path;
  private final List<Map.Entry<String, String>> parameters;

  ListLinks(String path, Map<String, String[]> parameters) {
    this.path = path;
    this.parameters = new ArrayList<>();
    parameters.forEach((name, values) -> {
      if (!DROPPED.contains(name)) {
        for (String value : values) {
          this.parameters.add(Map.entry(name, value));
        }
      }
    });
  }

  /** The address of the list itself, for the forms. */
  public String path() {
    return path;
  }

  /** The same list on another page (zero-based). */
  public String page(int page) {
    return link(path, without(ListQuery.PAGE), ListQuery.PAGE, String.valueOf(page));
  }

  /**
   * The same list sorted by {@code key} from its first page: the other way round when it is already sorted by it,
   * otherwise the key's own first way.
   */
  public String sort(String key, ListQuery query, SortKeys sortKeys) {
    boolean descending = query.sortedBy(key) ? !query.descending() : sortKeys.defaultDescending(key);
    var kept = without(ListQuery.SORT, ListQuery.DIRECTION, ListQuery.PAGE);
    kept.add(Map.entry(ListQuery.SORT, key));
    return link(path, kept, ListQuery.DIRECTION, descending ? "desc" : "asc");
  }

  /** The same list with {@code size} rows a page, from its first page. */
  public String size(int size) {
    return link(path, without(ListQuery.SIZE, ListQuery.PAGE), ListQuery.SIZE, String.valueOf(size));
  }

  /** The export of the same search and sort, every page up to the export's limit: {@code <list>/export.xlsx}. */
  public String export() {
    return link(path + "/export.xlsx", without(ListQuery.PAGE, ListQuery.SIZE), null, null);
  }

  /** What the search form keeps besides its own fields: the sort and the size. */
  public List<Map.Entry<String, String>> searchFields() {
    return parameters.stream()
        .filter(p -> Set.of(ListQuery.SORT, ListQuery.DIRECTION, ListQuery.SIZE).contains(p.getKey())).toList();
  }

  /** What the page jump's form keeps besides the page number: everything else. */
  public List<Map.Entry<String, String>> jumpFields() {
    return without(ListQuery.PAGE);
  }

  private List<Map.Entry<String, String>> without(String... names) {
    Set<String> left = Set.of(names);
    return parameters.stream().filter(p -> !left.contains(p.getKey())).collect(Collectors.toCollection(ArrayList::new));
  }

  private static String link(String path, List<Map.Entry<String, String>> kept, String name, String value) {
    List<Map.Entry<String, String>> all = new ArrayList<>(kept);
    if (name != null) {
      all.add(Map.entry(name, value));
    }
    return all.isEmpty()
        ? path
        : path + "?" + all.stream()
            .map(p -> encoded(p.getKey()) + "=" + encoded(p.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
