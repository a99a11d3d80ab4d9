package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.procurement.BatchDraft;
import cn.smartaffairs.canteen.procurement.ReceivingInspections;
import cn.smartaffairs.canteen.procurement.Supplier;
import cn.smartaffairs.canteen.procurement.Suppliers;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.TestClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily waste rate, ratings, and the report's diners, income, cost per meal, waste rate and satisfaction. */
@IntegrationTest
class WasteAndReportTest {

  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired Waste waste;
  @Autowired Preorders preorders;
  @Autowired Ratings ratings;
  @Autowired CanteenReport report;
  @Autowired Suppliers suppliers;
  @Autowired ReceivingInspections inspections;
  @Autowired TestClock clock;
  @Autowired cn.smartaffairs.canteen.CanteenAccounts canteenAccounts;
  @Autowired cn.smartaffairs.canteen.AccountFunding funding;
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
  void theDailyWasteRateIsAllWasteOverAllFoodPrepared() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(60);
    waste.recordPrepared(site.id(), day, Meal.LUNCH, new BigDecimal("150"), manager);
    waste.recordPrepared(site.id(), day, Meal.DINNER, new BigDecimal("50"), manager);
    waste.recordWaste(site.id(), day, Meal.LUNCH, Waste.Kind.PREPARATION, new BigDecimal("6"), manager);
    waste.recordWaste(site.id(), day, Meal.LUNCH, Waste.Kind.PLATE, new BigDecimal("9"), manager);
    waste.recordWaste(site.id(), day, Meal.DINNER, Waste.Kind.UNSOLD, new BigDecimal("5"), manager);

    WasteDay result = waste.day(site.id(), day, manager);

    assertThat(result.rate()).isEqualByComparingTo("0.1000");
    assertThat(result.meals().get(1).rate()).isEqualByComparingTo("0.1000");
    assertThat(result.meals().get(2).rate()).isEqualByComparingTo("0.1000");
    assertThat(result.meals().get(0).rate()).isNull();
    assertThatThrownBy(() -> waste.recordWaste(site.id(), day, Meal.LUNCH, Waste.Kind.PLATE, new BigDecimal("-1"),
        manager)).hasMessage("canteen.kitchen.weightInvalid");
  }

  @Test
  void theReportCountsDinersIncomeCostPerMealWasteAndSatisfaction() {
    CanteenSite site = fixture.freshSite();
    LocalDate day = KitchenFixture.someFutureDay(61);
    MenuItem pork = fixture.onMenu(site, day, Meal.LUNCH, "红烧肉", 800);
    MenuItem porridge = fixture.onMenu(site, day, Meal.BREAKFAST, "小米粥", 100);
    clock.stopAt(KitchenFixture.at(day.minusDays(1), "10:00"));
    funding.grantMonthlySubsidies(java.time.YearMonth.from(day.minusDays(1)), manager);
    preorders.place(site.id(), day, Meal.LUNCH, Map.of(pork.id(), 1), fixture.user("staff"));
    preorders.place(site.id(), day, Meal.LUNCH, Map.of(pork.id(), 2), fixture.user("driver"));
    preorders.place(site.id(), day, Meal.BREAKFAST, Map.of(porridge.id(), 1), fixture.user("staff"));
    Preorder cancelled = preorders.place(site.id(), day, Meal.BREAKFAST, Map.of(porridge.id(), 1),
        fixture.user("driver"));
    preorders.cancel(cancelled.id(), fixture.user("driver"));

    Supplier supplier = suppliers.create("报表供应商-" + UUID.randomUUID().toString().substring(0, 6), "地址", "联系人",
        manager);
    suppliers.addLicence(supplier.id(), "FOOD_BUSINESS", "JY" + supplier.id(), day.plusYears(1), manager);
    inspections.record(new BatchDraft(site.id(), null, supplier.id(), "猪肉", "冷鲜", new BigDecimal("2.5"), "千克",
        2_400L, null, day.minusDays(1), 3, day, "检验员", "NOT_APPLICABLE", true, null), manager);
    inspections.record(new BatchDraft(site.id(), null, supplier.id(), "韭菜", "散装", new BigDecimal("5"), "千克",
        1_000L, null, day, 2, day, "检验员", "FAIL", true, null), manager);
    waste.recordPrepared(site.id(), day, Meal.LUNCH, new BigDecimal("40"), manager);
    waste.recordWaste(site.id(), day, Meal.LUNCH, Waste.Kind.PLATE, new BigDecimal("3"), manager);

    clock.stopAt(KitchenFixture.at(day, "13:00"));
    ratings.rate(pork.id(), 5, "好吃", fixture.user("staff"));
    ratings.rate(pork.id(), 4, null, fixture.user("driver"));
    ratings.rate(porridge.id(), 3, "有点稀", fixture.user("staff"));
    assertThatThrownBy(() -> ratings.rate(pork.id(), 1, null, fixture.user("staff")))
        .hasMessage("canteen.kitchen.alreadyRated");

    CanteenReport.Report result = report.report(site.id(), day.minusDays(1), day, manager);

    CanteenReport.Line line = result.days().get(1);
    assertThat(line.date()).isEqualTo(day);
    assertThat(line.breakfast()).isEqualTo(1);
    assertThat(line.lunch()).isEqualTo(2);
    assertThat(line.diners()).isEqualTo(3);
    assertThat(line.incomeFen()).isEqualTo(800 + 1600 + 100);
    long subsidyPaid = preorders.mine(day, day, fixture.user("staff")).stream()
        .filter(Preorder::active).mapToLong(o -> -canteenAccounts.payment(o.paymentId(), manager).subsidyFen()).sum()
        + preorders.mine(day, day, fixture.user("driver")).stream()
            .filter(Preorder::active).mapToLong(o -> -canteenAccounts.payment(o.paymentId(), manager).subsidyFen())
            .sum();
    assertThat(subsidyPaid).as("the month's subsidy pays first").isPositive();
    assertThat(line.subsidyFen()).as("what the ledger says the subsidy wallets paid").isEqualTo(subsidyPaid);
    assertThat(line.costFen()).as("the rejected batch costs nothing").isEqualTo(6_000);
    assertThat(line.costPerMealFen()).isEqualTo(2_000);
    assertThat(line.wasteRate()).isEqualByComparingTo("0.0750");
    assertThat(line.ratings()).isEqualTo(3);
    assertThat(line.meanScore()).isEqualTo(4.0);
    assertThat(result.days().get(0).diners()).isZero();
    assertThat(result.total().diners()).isEqualTo(3);
    assertThat(result.total().costPerMealFen()).isEqualTo(2_000);
  }
}
