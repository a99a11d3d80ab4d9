package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a list reads its search, sort, page and size from whatever an address carries. */
class ListQueryTest {

  private static final SortKeys KEYS = SortKeys.builder()
      .ascending("name", "p.name")
      .descending("joinedOn", "p.joined_on")
      .ascending("unit", "p.unit_id", "p.staff_no")
      .byDefault("unit").tieBreaker("p.id");

  private static ListQuery parse(String... pairs) {
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], pairs[i + 1]);
    }
    return ListQuery.parse(parameters, KEYS);
  }

  @Test
  void noParametersIsTheFirstPageInTheDefaultOrder() {
    assertThat(parse()).isEqualTo(new ListQuery(null, "unit", false, 0, 20)).isEqualTo(ListQuery.first(KEYS));
  }

  @Test
  void aKnownSortKeyAndDirectionAreTaken() {
    ListQuery query = parse("sort", "name", "dir", "desc");

    assertThat(query.sort()).isEqualTo("name");
    assertThat(query.descending()).isTrue();
    assertThat(KEYS.orderBy(query)).isEqualTo(" order by p.name desc nulls last, p.id desc ");
  }

  @Test
  void anUnknownSortKeyFallsBackToTheDefaultAndNeverReachesTheSql() {
    ListQuery query = parse("sort", "name; drop table staff", "dir", "desc");

    assertThat(query.sort()).isEqualTo("unit");
    assertThat(query.descending()).isFalse();
    assertThat(KEYS.orderBy(query))
        .isEqualTo(" order by p.unit_id asc nulls last, p.staff_no asc nulls last, p.id asc ");
  }

  @Test
  void aKeyWithoutDirectionRunsItsOwnFirstWay() {
    assertThat(parse("sort", "joinedOn").descending()).isTrue();
    assertThat(parse("sort", "joinedOn", "dir", "sideways").descending()).isTrue();
    assertThat(parse("sort", "name").descending()).isFalse();
  }

  @Test
  void theSizeIsAWholeNumberUpToOneHundredOrTheDefault() {
    assertThat(ListQuery.SIZES).containsExactly(10, 20, 50, 100);
    assertThat(parse("size", "50").size()).isEqualTo(50);
    assertThat(parse("size", "1").size()).isEqualTo(1);
    assertThat(parse("size", "101").size()).isEqualTo(20);
    assertThat(parse("size", "100000").size()).isEqualTo(20);
    assertThat(parse("size", "0").size()).isEqualTo(20);
    assertThat(parse("size", "-5").size()).isEqualTo(20);
    assertThat(parse("size", "lots").size()).isEqualTo(20);
  }

  @Test
  void aPageThatIsNoNumberIsTheFirstAndAHugeOneStaysWithinBounds() {
    assertThat(parse("page", "abc").page()).isZero();
    assertThat(parse("page", "-3").page()).isZero();
    assertThat(parse("page", "").page()).isZero();
    assertThat(parse("page", "2").page()).isEqualTo(2);
    assertThat(parse("page", "99999999999999999999999").page()).isEqualTo(ListQuery.MAX_PAGE);
    assertThat(parse("page", "99999999999999999999999", "size", "100").offset()).isEqualTo(100_000_000L);
  }

  @Test
  void theJumpCountsFromOneAndWinsOverThePage() {
    assertThat(parse("page", "5", "jump", "3").page()).isEqualTo(2);
    assertThat(parse("page", "5", "jump", "0").page()).isEqualTo(5);
    assertThat(parse("page", "5", "jump", "x").page()).isEqualTo(5);
  }

  @Test
  void aPagePastTheLastShowsTheLast() {
    ListQuery query = parse("page", "40", "size", "10");

    assertThat(query.within(95).page()).isEqualTo(9);
    assertThat(query.within(1000).page()).isEqualTo(40);
    assertThat(query.within(0).page()).isEqualTo(40);
  }

  @Test
  void aRegisterMayShowMoreRowsByDefault() {
    assertThat(ListQuery.parse(Map.of(), KEYS, 50).size()).isEqualTo(50);
    assertThat(ListQuery.parse(Map.of("size", "500"), KEYS, 50).size()).isEqualTo(50);
    assertThat(ListQuery.parse(Map.of("size", "10"), KEYS, 50).size()).isEqualTo(10);
  }

  @Test
  void anApiQueryPastTheLastPageAnswersNoRows() {
    ListQuery api = new ListQuery(null, "name", true, 40, 200, false);

    assertThat(api.within(95)).isEqualTo(api);
    assertThat(api.size()).isEqualTo(200);
  }

  @Test
  void theSearchIsTrimmedCleanedAndShortened() {
    assertThat(parse("keyword", "  张三 ").search()).isEqualTo("张三");
    assertThat(parse("keyword", "   ").search()).isNull();
    assertThat(parse("keyword", "a\u0000b\u0007c\u200b").search()).isEqualTo("abc");
    assertThat(parse("keyword", "长".repeat(500)).search()).hasSize(ListQuery.MAX_SEARCH);
    assertThat(parse("keyword", "\uD83D").search()).isNull();
  }

  @Test
  void theSearchPatternEscapesLikeWildcards() {
    assertThat(parse("keyword", "50%_off\\").likePattern()).isEqualTo("%50\\%\\_off\\\\%");
    assertThat(parse().likePattern()).isNull();
  }

  @Test
  void anExportIsTheSameSearchAndSortFromTheFirstRowUpToTheLimit() {
    ListQuery export = parse("keyword", "王", "sort", "name", "dir", "desc", "page", "3", "size", "10").forExport();

    assertThat(export).isEqualTo(new ListQuery("王", "name", true, 0, ListQuery.EXPORT_LIMIT));
  }

  @Test
  void aSortKeyIsAPlainWordAndTheDefaultMustBeOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SortKeys.builder().ascending("a b", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SortKeys.builder().ascending("a", "x").byDefault("b")
        .tieBreaker("id")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void columnsSortOnlyByKeysTheListKnows() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListColumns.<String>sortedBy(KEYS)
        .sortable("salary", "x.salary", s -> s)).isInstanceOf(IllegalArgumentException.class);
    ListColumns<String> columns = ListColumns.<String>sortedBy(KEYS).sortable("name", "x.name", s -> s)
        .pageOnly("x.actions").exportOnly("x.detail", s -> s).build();
    assertThat(columns.exported()).extracting(ListColumns.Column::label).containsExactly("x.name", "x.detail");
    assertThat(columns.shown()).extracting(ListColumns.Column::sortable).isEqualTo(List.of(true, false));
    assertThat(columns.size()).isEqualTo(2);
  }
}
