package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person does with a list in a real (headless) Chromium, through the one table fragment: search, sort by a
 * column both ways, show more rows a page, jump to a page; each step keeps the others.
 */
@IntegrationTest
class StaffListTableBrowserTest {

  private static final Pattern TOTAL = Pattern.compile("共\\s*([\\d,]+)\\s*条");
  private static final Pattern PAGE = Pattern.compile("第\\s*(\\d+)\\s*/\\s*(\\d+)\\s*页");

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("admin");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void aPersonSearchesSortsChangesThePageSizeAndJumpsToAPage() {
    browser.clickAndWaitForPage("#menu-staff");
    long everyone = total();

    // search: the surname of the first person listed
    String surname = column(2).get(0).substring(0, 1);
    browser.find("#keyword").sendKeys(surname);
    browser.clickAndWaitForPage("#search");
    long found = total();
    assertThat(found).isPositive().isLessThan(everyone);
    assertThat(column(2)).allSatisfy(name -> assertThat(name).contains(surname));

    // sort by staff number, then the other way round; the search stays
    browser.clickAndWaitForPage("#sort-staffNo");
    assertThat(browser.find("#staff-table th[aria-sort]").getAttribute("aria-sort")).isEqualTo("ascending");
    List<String> ascending = column(1);
    assertThat(ascending).isSortedAccordingTo(String::compareTo);
    browser.clickAndWaitForPage("#sort-staffNo");
    assertThat(browser.find("#staff-table th[aria-sort]").getAttribute("aria-sort")).isEqualTo("descending");
    assertThat(column(1)).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(total()).isEqualTo(found);
    assertThat(browser.find("#keyword").getAttribute("value")).isEqualTo(surname);
    browser.screenshot("list-01-searched-and-sorted");

    // clear the search and sort by name in pinyin order
    browser.find("#keyword").clear();
    browser.clickAndWaitForPage("#search");
    assertThat(total()).isEqualTo(everyone);
    browser.clickAndWaitForPage("#sort-name");
    Collator pinyin = Collator.getInstance(Locale.CHINA);
    List<String> names = column(2);
    assertThat(names.get(0).substring(0, 1)).as("the first surname of %s in pinyin order", names)
        .satisfies(first -> assertThat(pinyin.compare(first, names.get(names.size() - 1).substring(0, 1)))
            .isLessThanOrEqualTo(0));

    // fifty rows a page, still sorted by name
    browser.scrollTo("#page-size-50");
    browser.clickAndWaitForPage("#page-size-50");
    assertThat(column(1)).hasSize(50);
    assertThat(browser.find("#page-size-50").getAttribute("aria-current")).isEqualTo("true");
    assertThat(browser.find("#sort-name").findElement(org.openqa.selenium.By.xpath("..")).getAttribute("aria-sort"))
        .isEqualTo("ascending");
    int pages = pageOf()[1];
    assertThat(pages).isEqualTo((int) ((everyone + 49) / 50));

    // jump to page 3: the rows of page 3 of the same order and size
    List<String> firstPage = column(1);
    browser.scrollTo("#page-jump");
    browser.find("#page-jump").clear();
    browser.find("#page-jump").sendKeys("3");
    browser.clickAndWaitForPage("#page-go");
    assertThat(pageOf()).containsExactly(3, pages);
    assertThat(column(1)).hasSize(50).doesNotContainAnyElementsOf(firstPage);
    browser.screenshot("list-02-page-three-of-fifty");

    // the next page from there keeps order and size, and leaves the jump behind
    browser.scrollTo("#page-next");
    browser.clickAndWaitForPage("#page-next");
    assertThat(pageOf()).containsExactly(4, pages);
    assertThat(column(1)).hasSize(50);
  }

  private long total() {
    Matcher matcher = TOTAL.matcher(browser.visible("#list-total").getText());
    assertThat(matcher.find()).isTrue();
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }

  /** The page shown and the number of pages. */
  private int[] pageOf() {
    Matcher matcher = PAGE.matcher(browser.visible("#list-page").getText());
    assertThat(matcher.find()).isTrue();
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
  }

  private List<String> column(int n) {
    List<String> cells = new ArrayList<>();
    for (WebElement cell : browser.findAll("#staff-table tbody tr td:nth-child(" + n + ")")) {
      cells.add(cell.getText());
    }
    return cells;
  }
}
