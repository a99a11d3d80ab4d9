package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.SortKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The links of a list's table keep the page's filters, encode what was typed and start a new order on page one. */
class ListLinksTest {

  private static final SortKeys KEYS = SortKeys.builder().ascending("name", "name")
      .descending("time", "occurred_at").byDefault("time").tieBreaker("id");

  private static ListLinks links(String... pairs) {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], new String[] {pairs[i + 1]});
    }
    return new ListLinks("/staff", parameters);
  }

  @Test
  void anotherPageKeepsTheFiltersAndEndsInItsNumber() {
    assertThat(links("unitId", "7", "page", "1", "keyword", "张 三&x").page(2))
        .isEqualTo("/staff?unitId=7&keyword=%E5%BC%A0+%E4%B8%89%26x&page=2");
  }

  @Test
  void theLanguageSwitchAndThePageJumpDoNotTravelOn() {
    assertThat(links("lang", "en", "jump", "4", "size", "50").page(0)).isEqualTo("/staff?size=50&page=0");
  }

  @Test
  void aColumnSortsItsOwnWayFirstAndTheOtherWayWhenSortedByIt() {
    var links = links("sort", "name", "dir", "asc", "page", "3", "status", "ACTIVE");
    ListQuery byName = new ListQuery(null, "name", false, 3, 20);

    assertThat(links.sort("name", byName, KEYS)).isEqualTo("/staff?status=ACTIVE&sort=name&dir=desc");
    assertThat(links.sort("time", byName, KEYS)).isEqualTo("/staff?status=ACTIVE&sort=time&dir=desc");
  }

  @Test
  void anotherSizeStartsOnPageOneAndTheExportTakesEveryPage() {
    var links = links("keyword", "王", "sort", "name", "dir", "desc", "page", "3", "size", "10");

    assertThat(links.size(50)).isEqualTo("/staff?keyword=%E7%8E%8B&sort=name&dir=desc&size=50");
    assertThat(links.export()).isEqualTo("/staff/export.xlsx?keyword=%E7%8E%8B&sort=name&dir=desc");
  }

  @Test
  void theFormsCarryWhatTheirFieldsDoNot() {
    var links = links("keyword", "王", "unitId", "7", "sort", "name", "page", "3", "size", "10");

    assertThat(links.searchFields()).containsExactly(Map.entry("sort", "name"), Map.entry("size", "10"));
    assertThat(links.jumpFields()).containsExactly(Map.entry("keyword", "王"), Map.entry("unitId", "7"),
        Map.entry("sort", "name"), Map.entry("size", "10"));
  }
}
