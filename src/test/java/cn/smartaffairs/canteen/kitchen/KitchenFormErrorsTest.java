package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dish and weighing forms refuse bad input field by field, keep what was typed and save nothing. */
@IntegrationTest
class KitchenFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  long canteen;
  WebSession manager;

  @BeforeEach
  void setUp() {
    canteen = jdbc.sql("select id from canteen where name = '市行政中心职工食堂'").query(Long.class).single();
    manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
  }

  private long dishes() {
    return jdbc.sql("select count(*) from canteen_dish where site_id = :site").param("site", canteen)
        .query(Long.class).single();
  }

  @Test
  void aDishWithoutNameAndWithAPriceThatIsNoAmountIsRefusedOnBothFields() {
    long before = dishes();
    String menus = "/canteen/kitchen?site=" + canteen;

    var refused = manager.post("/canteen/kitchen/dishes", Map.of("_csrf", manager.get(menus).csrfToken(),
        "siteId", String.valueOf(canteen), "name", "", "category", "MAIN", "priceYuan", "12.3.4"));

    assertThat(refused.redirectPath()).isEqualTo(menus);
    String page = manager.get(menus).body();
    assertThat(FieldErrors.of(page, "dish-name")).containsExactly("请填写名称（不超过100字）");
    assertThat(FieldErrors.of(page, "dish-price")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "dish-price")).isEqualTo("12.3.4");
    assertThat(FieldErrors.marked(page, "dish-price")).isTrue();
    assertThat(FieldErrors.of(page, "site-name")).as("the new-canteen form is another form").isEmpty();
    assertThat(dishes()).isEqualTo(before);
  }

  @Test
  void aDishPriceIsTypedInYuanAndKeptInFen() {
    String name = "表单菜" + System.nanoTime() % 1_000_000;
    manager.post("/canteen/kitchen/dishes", Map.of("_csrf", manager.get("/canteen/kitchen?site=" + canteen)
        .csrfToken(), "siteId", String.valueOf(canteen), "name", name, "category", "MAIN", "priceYuan", "12.345"));

    assertThat(jdbc.sql("select price_fen from canteen_dish where name = :name").param("name", name)
        .query(Long.class).single()).as("a third decimal rounded, as this form always did").isEqualTo(1235);
  }

  @Test
  void aWeighingWithoutMealAndWithNegativeKilogramsIsRefusedOnBothFields() {
    String waste = "/canteen/kitchen/waste?site=" + canteen;
    var refused = manager.post("/canteen/kitchen/waste", Map.of("_csrf", manager.get(waste).csrfToken(),
        "siteId", String.valueOf(canteen), "date", "2030-01-02", "meal", "", "kind", "PLATE", "kg", "-1"));

    assertThat(refused.redirectPath()).isEqualTo(waste + "&date=2030-01-02");
    String page = manager.get(refused.redirectPath()).body();
    assertThat(FieldErrors.of(page, "meal")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "kg")).containsExactly("重量须为正数（千克，最多两位小数）");
  }

  @Test
  void aSampleWithoutItsTakerIsRefusedOnItsOwnDishAndKeepsTheWeight() {
    KitchenFixture fixture = new KitchenFixture(menus, accounts);
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(30);
    MenuItem pork = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    MenuItem greens = fixture.onMenu(site, day, Meal.LUNCH, "清炒时蔬", 250);
    String samples = "/canteen/kitchen/samples?site=" + site.id() + "&date=" + day;

    var refused = manager.post("/canteen/kitchen/samples", Map.of("_csrf", manager.get(samples).csrfToken(),
        "siteId", String.valueOf(site.id()), "date", day.toString(), "menuItemId", String.valueOf(pork.id()),
        "weightGrams", "150", "takenBy", " "));

    assertThat(refused.redirectPath()).isEqualTo(samples);
    String page = manager.get(samples).body();
    assertThat(FieldErrors.of(page, "sample-" + pork.id() + "-takenBy")).containsExactly("请填写留样人");
    assertThat(FieldErrors.marked(page, "sample-" + pork.id() + "-takenBy")).isTrue();
    assertThat(FieldErrors.value(page, "sample-" + pork.id() + "-weightGrams")).isEqualTo("150");
    assertThat(FieldErrors.of(page, "sample-" + greens.id() + "-takenBy")).as("another dish's row").isEmpty();
    assertThat(jdbc.sql("select count(*) from canteen_food_sample where menu_item_id = :item")
        .param("item", pork.id()).query(Long.class).single()).isZero();
  }

  @Test
  void aRatingOutOfRangeWithTooLongACommentIsRefusedOnItsOwnDishWhichStaysOpen() {
    KitchenFixture fixture = new KitchenFixture(menus, accounts);
    CanteenSite site = fixture.freshSite();
    LocalDate today = LocalDate.now(KitchenFixture.SHANGHAI);
    MenuItem soup = fixture.onMenu(site, today, Meal.LUNCH, "紫菜蛋花汤", 200);
    MenuItem rice = fixture.onMenu(site, today, Meal.LUNCH, "米饭", 50);
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    String week = "/canteen?site=" + site.id() + "&date=" + today;

    var refused = staff.post("/canteen/ratings", Map.of("_csrf", staff.get(week).csrfToken(),
        "menuItemId", String.valueOf(soup.id()), "siteId", String.valueOf(site.id()), "date", today.toString(),
        "score", "9", "comment", "好".repeat(501)));

    assertThat(refused.redirectPath()).isEqualTo(week);
    String page = staff.get(week).body();
    assertThat(FieldErrors.of(page, "rating-" + soup.id() + "-score")).containsExactly("评分须为1–5分");
    assertThat(FieldErrors.of(page, "rating-" + soup.id() + "-comment")).containsExactly("评价内容不能超过500字");
    assertThat(FieldErrors.of(page, "rating-" + rice.id() + "-comment")).as("another dish's form").isEmpty();
    assertThat(page).as("the meal's ratings are shown open").contains("open=\"open\"");
    assertThat(jdbc.sql("select count(*) from canteen_dish_rating where menu_item_id = :item")
        .param("item", soup.id()).query(Long.class).single()).isZero();
  }
}
