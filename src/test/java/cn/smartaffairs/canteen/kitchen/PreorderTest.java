package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.CanteenAccounts;
import cn.smartaffairs.canteen.Payment;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 报餐: ordering and cancelling before the region's cut-off, refused after it, and the kitchen's head count. */
@IntegrationTest
class PreorderTest {

  @LocalServerPort int port;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired Preorders preorders;
  @Autowired CutoffRules cutoffs;
  @Autowired TestClock clock;
  @Autowired CanteenAccounts canteenAccounts;
  KitchenFixture fixture;
  ApiClient api;

  @BeforeEach
  void setUp() {
    fixture = new KitchenFixture(menus, accounts);
    api = new ApiClient(port);
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void lunchClosesAtHalfPastNineTheSameDayAndBreakfastAtFourTheDayBefore() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(40);
    assertThat(cutoffs.cutoff(site.regionId(), day, Meal.LUNCH).toLocalDateTime())
        .isEqualTo(day.atTime(9, 30));
    assertThat(cutoffs.cutoff(site.regionId(), day, Meal.BREAKFAST).toLocalDateTime())
        .isEqualTo(day.minusDays(1).atTime(16, 0));
  }

  @Test
  void aPreorderBeforeTheCutOffIsChargedToTheCanteenAccountAndCancellingRefundsIt() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(45);
    MenuItem pork = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    MenuItem rice = fixture.onMenu(site, day, Meal.LUNCH, "白米饭", 100);
    CurrentUser staff = fixture.user("staff");
    clock.stopAt(KitchenFixture.at(day, "09:29"));
    long before = canteenAccounts.accountOfStaff(staff.staffId()).orElseThrow().balanceFen();

    var answer = api.post("/api/v1/canteen/preorders", api.tokenFor("staff"), Map.of("siteId", site.id(),
        "date", day.toString(), "meal", "LUNCH",
        "portions", Map.of(String.valueOf(pork.id()), 1, String.valueOf(rice.id()), 2)));

    assertThat(answer.status()).isEqualTo(201);
    long id = answer.body().get("id").asLong();
    assertThat(answer.body().get("amountFen").asLong()).isEqualTo(1_000);
    assertThat(answer.body().get("balanceAfterFen").asLong()).isEqualTo(before - 1_000);
    Payment charge = canteenAccounts.payment(answer.body().get("paymentId").asLong(), staff);
    assertThat(charge.amountFen()).isEqualTo(1_000);
    assertThat(charge.idempotencyKey()).isEqualTo("canteen-preorder-" + id);
    // the holder's ledger names the meal in words, not by its code
    assertThat(charge.description()).endsWith("午餐").doesNotContain("LUNCH");
    assertThat(canteenAccounts.accountOfStaff(staff.staffId()).orElseThrow().balanceFen()).isEqualTo(before - 1_000);

    Preorder cancelled = preorders.cancel(id, staff);

    assertThat(cancelled.active()).isFalse();
    assertThat(cancelled.refundPaymentId()).isNotNull();
    assertThat(canteenAccounts.payment(cancelled.refundPaymentId(), staff).refundsPaymentId()).isEqualTo(charge.id());
    assertThat(canteenAccounts.accountOfStaff(staff.staffId()).orElseThrow().balanceFen()).isEqualTo(before);
  }

  @Test
  void aPreorderTheAccountCannotPayIsRefusedAndLeavesNoOrder() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(46);
    CurrentUser staff = fixture.user("staff");
    long balance = canteenAccounts.accountOfStaff(staff.staffId()).orElseThrow().balanceFen();
    MenuItem banquet = fixture.onMenu(site, day, Meal.DINNER, "全鱼宴", balance + 100);
    clock.stopAt(KitchenFixture.at(day, "08:00"));

    assertThatThrownBy(() -> preorders.place(site.id(), day, Meal.DINNER, Map.of(banquet.id(), 1), staff))
        .isInstanceOf(BusinessRuleException.class).hasMessage("canteen.kitchen.paymentRefused");
    assertThat(preorders.mine(day, day, staff)).isEmpty();
    assertThat(canteenAccounts.accountOfStaff(staff.staffId()).orElseThrow().balanceFen()).isEqualTo(balance);
  }

  @Test
  void anotherPersonsOrderAndAnotherRegionsCanteenAnswerNotFound() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(47);
    MenuItem lunch = fixture.onMenu(site, day, Meal.LUNCH, "麻婆豆腐", 350);
    clock.stopAt(KitchenFixture.at(day, "08:00"));
    Preorder order = preorders.place(site.id(), day, Meal.LUNCH, Map.of(lunch.id(), 1), fixture.user("staff"));

    assertThat(api.get("/api/v1/canteen/preorders/" + order.id(), api.tokenFor("driver")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/canteen/preorders/" + order.id(), api.tokenFor("canteen.manager")).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/canteen/sites/" + site.id() + "/menu?date=" + day, api.tokenFor("county.admin"))
        .status()).isEqualTo(404);
    assertThat(api.get("/api/v1/canteen/sites/" + site.id() + "/head-count?date=" + day + "&meal=LUNCH",
        api.tokenFor("staff")).status()).isEqualTo(403);
  }

  @Test
  void afterTheCutOffAPreorderIsRefusedWithAChineseMessage() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(41);
    MenuItem dish = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    clock.stopAt(KitchenFixture.at(day, "09:31"));
    String staff = api.tokenFor("staff");

    var answer = api.post("/api/v1/canteen/preorders", staff, Map.of("siteId", site.id(), "date", day.toString(),
        "meal", "LUNCH", "portions", Map.of(String.valueOf(dish.id()), 1)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).isEqualTo("已过报餐截止时间（" + day + " 09:30），不能再报餐或取消报餐");
    assertThat(preorders.headCount(site.id(), day, Meal.LUNCH, fixture.manager()).diners()).isZero();
  }

  @Test
  void theKitchenCooksToTheHeadCountOfActivePreorders() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(42);
    MenuItem pork = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    MenuItem greens = fixture.onMenu(site, day, Meal.LUNCH, "清炒时蔬", 250);
    clock.stopAt(KitchenFixture.at(day, "08:00"));
    CurrentUser staff = fixture.user("staff");
    CurrentUser driver = fixture.user("driver");

    preorders.place(site.id(), day, Meal.LUNCH, Map.of(pork.id(), 1, greens.id(), 1), staff);
    Preorder second = preorders.place(site.id(), day, Meal.LUNCH, Map.of(pork.id(), 2), driver);
    assertThat(second.amountFen()).isEqualTo(1600);

    HeadCount count = preorders.headCount(site.id(), day, Meal.LUNCH, fixture.manager());
    assertThat(count.diners()).isEqualTo(2);
    assertThat(count.dishes()).extracting(HeadCount.Dish::name, HeadCount.Dish::portions)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("红烧肉", 3L),
            org.assertj.core.groups.Tuple.tuple("清炒时蔬", 1L));

    preorders.cancel(second.id(), driver);
    assertThat(preorders.headCount(site.id(), day, Meal.LUNCH, fixture.manager()).diners()).isEqualTo(1);
  }

  @Test
  void aSecondOrderOfTheSameMealAndADishFromAnotherMealAreRefused() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(43);
    MenuItem lunch = fixture.onMenu(site, day, Meal.LUNCH, "宫保鸡丁", 600);
    MenuItem dinner = fixture.onMenu(site, day, Meal.DINNER, "清蒸鲈鱼", 900);
    clock.stopAt(KitchenFixture.at(day, "08:00"));
    CurrentUser staff = fixture.user("staff");

    assertThatThrownBy(() -> preorders.place(site.id(), day, Meal.LUNCH, Map.of(dinner.id(), 1), staff))
        .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("canteen.kitchen.dishNotOnMenu");
    preorders.place(site.id(), day, Meal.LUNCH, Map.of(lunch.id(), 1), staff);
    assertThatThrownBy(() -> preorders.place(site.id(), day, Meal.LUNCH, Map.of(lunch.id(), 1), staff))
        .isInstanceOf(BusinessRuleException.class).extracting("messageKey")
        .isEqualTo("canteen.kitchen.alreadyPreordered");
    var again = api.post("/api/v1/canteen/preorders", api.tokenFor("staff"), Map.of("siteId", site.id(),
        "date", day.toString(), "meal", "LUNCH", "portions", Map.of(String.valueOf(lunch.id()), 1)));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("detail").asText()).isEqualTo(day + " 的这一餐（午餐）您已报餐，如需调整请先取消");
  }

  @Test
  void cancellingAfterTheCutOffIsRefused() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(44);
    MenuItem lunch = fixture.onMenu(site, day, Meal.LUNCH, "番茄炒蛋", 400);
    CurrentUser staff = fixture.user("staff");
    clock.stopAt(KitchenFixture.at(day, "09:00"));
    Preorder order = preorders.place(site.id(), day, Meal.LUNCH, Map.of(lunch.id(), 1), staff);
    clock.stopAt(KitchenFixture.at(day, "09:45"));

    assertThatThrownBy(() -> preorders.cancel(order.id(), staff)).isInstanceOf(BusinessRuleException.class)
        .extracting("messageKey").isEqualTo("canteen.kitchen.preorderClosed");
    assertThat(preorders.preorder(order.id(), staff).active()).isTrue();
  }
}
