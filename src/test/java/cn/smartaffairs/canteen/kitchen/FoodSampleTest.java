package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 留样: at least 125 g per dish, kept at least 48 h, and reminders to the canteen managers. */
@IntegrationTest
class FoodSampleTest {

  @LocalServerPort int port;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired FoodSamples samples;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  KitchenFixture fixture;
  CurrentUser manager;

  @BeforeEach
  void setUp() {
    fixture = new KitchenFixture(menus, accounts);
    manager = fixture.manager();
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aSampleLighterThan125GramsIsRefusedWithAChineseMessage() {
    CanteenSite site = fixture.freshSite();
    MenuItem dish = fixture.onMenu(site, LocalDate.now(KitchenFixture.SHANGHAI), Meal.LUNCH, "红烧茄子", 400);
    ApiClient api = new ApiClient(port);

    var answer = api.post("/api/v1/canteen/samples", api.tokenFor("canteen.manager"),
        Map.of("menuItemId", dish.id(), "weightGrams", 124, "takenBy", "留样员"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).isEqualTo("“红烧茄子”留样 124 克，不足规定的 125 克");
    assertThat(samples.missing(site.id(), dish.serveDate(), manager)).extracting(MenuItem::id).contains(dish.id());
    assertThat(samples.take(dish.id(), 125, "留样员", "留样冰箱1号", manager).weightGrams()).isEqualTo(125);
    assertThat(samples.missing(site.id(), dish.serveDate(), manager)).isEmpty();
  }

  @Test
  void aSampleIsKept48HoursThenTheManagersAreRemindedAndMayDiscardIt() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(50);
    MenuItem dish = fixture.onMenu(site, day, Meal.LUNCH, "宫保虾球", 1200);
    clock.stopAt(KitchenFixture.at(day, "11:30"));
    FoodSample sample = samples.take(dish.id(), 150, "留样员", null, manager);
    assertThat(Duration.between(sample.takenAt(), sample.keepUntil())).isEqualTo(Duration.ofHours(48));

    clock.stopAt(KitchenFixture.at(day.plusDays(2), "11:00"));
    assertThatThrownBy(() -> samples.discard(sample.id(), manager)).hasMessage("canteen.kitchen.sampleKeptUntil");
    long managerId = manager.userId();
    String link = FoodSamples.link(site.id(), day);
    assertThat(openTodos(managerId, link)).isZero();

    clock.stopAt(KitchenFixture.at(day.plusDays(2), "11:31"));
    samples.remind();
    assertThat(openTodos(managerId, link)).isEqualTo(1);
    samples.remind();
    assertThat(openTodos(managerId, link)).as("reminded once").isEqualTo(1);
    assertThat(samples.discard(sample.id(), manager).discardedAt()).isNotNull();
    assertThat(openTodos(managerId, link)).isZero();
  }

  @Test
  void aServedMealWithoutSamplesRemindsTheManagersOnce() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(51);
    fixture.onMenu(site, day, Meal.LUNCH, "剁椒鱼头", 1500);
    String link = FoodSamples.link(site.id(), day);
    clock.stopAt(KitchenFixture.at(day, "12:00"));
    samples.remind();
    assertThat(openTodos(manager.userId(), link)).isZero();

    clock.stopAt(KitchenFixture.at(day, "13:05"));
    samples.remind();
    samples.remind();
    assertThat(jdbc.sql("select title from todo_item where user_id = :user and link = :link and done_at is null")
        .param("user", manager.userId()).param("link", link).query(String.class).list())
        .containsExactly("未留样提醒：" + site.name() + " " + day + " 午餐 有 1 道菜未留样");
  }

  private long openTodos(long userId, String link) {
    return jdbc.sql("select count(*) from todo_item where user_id = :user and link = :link and done_at is null")
        .param("user", userId).param("link", link).query(Long.class).single();
  }
}
