package cn.smartaffairs.organisation;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Pages;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * A list sorted by a column exports the same rows in the same order: the units list through the one table fragment
 * and its .xlsx, read back with fastexcel.
 */
@IntegrationTest
class UnitListSortAndExportTest {

  private static final Pattern UNIT_LINK = Pattern.compile("href=\"/units/\\d+\">([^<]+)</a>");

  @Autowired WebApplicationContext context;
  @Autowired Accounts accounts;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(context);
  }

  @Test
  void theExportHoldsThePagesRowsInThePagesOrder() throws Exception {
    List<String> pages = new ArrayList<>();
    pages.addAll(namesOn(page("/units?sort=activeStaff&dir=desc&size=10&page=0")));
    pages.addAll(namesOn(page("/units?sort=activeStaff&dir=desc&size=10&page=1")));

    List<String> exported = exportedNames("/units/export.xlsx?sort=activeStaff&dir=desc");

    assertThat(pages).hasSize(20);
    assertThat(exported).hasSizeGreaterThan(20).startsWith(pages.toArray(String[]::new));
  }

  @Test
  void theExportKeepsTheSearchAndTheOtherDirection() throws Exception {
    String body = page("/units?keyword=%E5%B1%80&sort=name&dir=desc&size=100");
    List<String> shown = namesOn(body);

    assertThat(shown).isNotEmpty().allSatisfy(name -> assertThat(name).contains("局"));
    assertThat(body).contains("aria-sort=\"descending\"").contains("id=\"sort-name\"");
    assertThat(exportedNames("/units/export.xlsx?keyword=%E5%B1%80&sort=name&dir=desc")).isEqualTo(shown);
    List<String> reversed = new ArrayList<>(shown);
    java.util.Collections.reverse(reversed);
    assertThat(exportedNames("/units/export.xlsx?keyword=%E5%B1%80&sort=name&dir=asc")).isEqualTo(reversed);
  }

  @Test
  void anUnknownSortOrASizeOrPageThatIsNoNumberShowsTheDefaultList() throws Exception {
    String odd = page("/units?sort=name;drop%20table%20unit&dir=up&size=lots&page=x&jump=-1");
    String plain = page("/units");

    assertThat(namesOn(odd)).isEqualTo(namesOn(plain)).hasSize(20);
    assertThat(odd).contains("id=\"page-size-20\"").contains("aria-sort=\"ascending\"");
  }

  @Test
  void aJumpPastTheLastPageShowsTheLastPage() throws Exception {
    String last = page("/units?size=10&jump=100000");

    assertThat(namesOn(last)).isNotEmpty();
    assertThat(last).containsPattern("id=\"page-next\"[^>]*href=\"#\"");
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(java.net.URI.create(path)).with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private List<String> exportedNames(String path) throws Exception {
    byte[] workbook = mvc.perform(get(java.net.URI.create(path)).with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(XlsxDownload.CONTENT_TYPE))
        .andReturn().getResponse().getContentAsByteArray();
    Xlsx.Table table = Xlsx.read(new ByteArrayInputStream(workbook));
    assertThat(table.headers()).containsExactly("区域", "单位编码", "单位名称", "行政级别", "单位性质", "编制数", "在职人数");
    return table.rows().stream().map(row -> row.get("单位名称")).toList();
  }

  private static List<String> namesOn(String body) {
    List<String> names = new ArrayList<>();
    Matcher matcher = UNIT_LINK.matcher(body);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
