package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.kitchen.CanteenSite;
import cn.smartaffairs.canteen.kitchen.KitchenFixture;
import cn.smartaffairs.canteen.kitchen.Meal;
import cn.smartaffairs.canteen.kitchen.MenuItem;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Suppliers and licences, two quotes and 二次竞价, receiving inspection, and traceability both ways. */
@IntegrationTest
class ProcurementTest {

  @LocalServerPort int port;
  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired Suppliers suppliers;
  @Autowired PurchaseRequests requests;
  @Autowired ReceivingInspections inspections;
  @Autowired Traceability traceability;
  @Autowired JdbcClient jdbc;
  KitchenFixture fixture;
  CurrentUser manager;
  LocalDate today;

  @BeforeEach
  void setUp() {
    fixture = new KitchenFixture(menus, accounts);
    manager = fixture.manager();
    today = LocalDate.now(KitchenFixture.SHANGHAI);
  }

  private Supplier supplier(String name, LocalDate licenceExpiry) {
    Supplier supplier = suppliers.create(name + "-" + UUID.randomUUID().toString().substring(0, 6), "云溪市测试路1号",
        "测试联系人 13900000000", manager);
    return suppliers.addLicence(supplier.id(), "FOOD_BUSINESS", "JY" + supplier.id(), licenceExpiry, manager);
  }

  private BatchDraft draft(CanteenSite site, Supplier supplier, String item, String test, boolean accepted) {
    return new BatchDraft(site.id(), null, supplier.id(), item, "散装", new BigDecimal("10"), "千克", 600L, "B-" + item,
        today.minusDays(1), 5, today, "检验员甲", test, accepted, null);
  }

  @Test
  void theSecondRoundNeedsQuotesFromTwoSuppliersAndTheLowestSecondRoundPriceWins() {
    CanteenSite site = fixture.freshSite();
    Supplier first = supplier("甲供应商", today.plusYears(1));
    Supplier second = supplier("乙供应商", today.plusYears(1));
    Supplier third = supplier("丙供应商", today.plusYears(1));
    PurchaseRequest request = requests.create(site.id(), "鸡蛋", "散装", new BigDecimal("100"), "千克", null, manager);

    requests.quote(request.id(), first.id(), 1_000, manager);
    assertThatThrownBy(() -> requests.openSecondRound(request.id(), manager))
        .isInstanceOf(BusinessRuleException.class).hasMessage("canteen.kitchen.twoQuotesRequired");
    requests.quote(request.id(), second.id(), 950, manager);
    requests.openSecondRound(request.id(), manager);

    assertThatThrownBy(() -> requests.quote(request.id(), third.id(), 800, manager))
        .hasMessage("canteen.kitchen.notAFirstRoundBidder");
    assertThatThrownBy(() -> requests.quote(request.id(), first.id(), 1_100, manager))
        .hasMessage("canteen.kitchen.secondRoundAboveFirst");
    requests.quote(request.id(), first.id(), 880, manager);
    requests.quote(request.id(), second.id(), 900, manager);
    PurchaseRequest awarded = requests.award(request.id(), manager);

    assertThat(awarded.status()).isEqualTo(PurchaseRequestStatus.AWARDED);
    assertThat(awarded.awarded().supplierId()).isEqualTo(first.id());
    assertThat(awarded.awarded().round()).isEqualTo(2);
    assertThat(awarded.awarded().unitPriceFen()).isEqualTo(880);
    assertThat(
        jdbc.sql("select count(*) from audit_event where entity_type = 'canteen_purchase_request' and entity_id = :id")
            .param("id", String.valueOf(request.id())).query(Long.class).single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theSecondRoundIsRefusedWithAChineseMessageOverTheApiWithOneQuote() {
    CanteenSite site = fixture.freshSite();
    Supplier only = supplier("独家供应商", today.plusYears(1));
    PurchaseRequest request = requests.create(site.id(), "面粉", null, new BigDecimal("50"), "千克", null, manager);
    requests.quote(request.id(), only.id(), 400, manager);
    ApiClient api = new ApiClient(port);

    var answer = api.post("/api/v1/canteen/purchase-requests/" + request.id() + "/second-round",
        api.tokenFor("canteen.manager"), Map.of());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).isEqualTo("至少需要 2 家供应商报价才能进行二次竞价（目前 1 家）");
  }

  @Test
  void aSupplierWithAnExpiredLicenceCannotBePicked() {
    CanteenSite site = fixture.freshSite();
    Supplier lapsed = supplier("过期供应商", today.minusDays(1));
    PurchaseRequest request = requests.create(site.id(), "大米", null, new BigDecimal("50"), "千克", null, manager);

    assertThatThrownBy(() -> requests.quote(request.id(), lapsed.id(), 500, manager))
        .hasMessage("canteen.kitchen.supplierLicenceExpired");
    assertThatThrownBy(() -> inspections.record(draft(site, lapsed, "大米", "NOT_APPLICABLE", true), manager))
        .hasMessage("canteen.kitchen.supplierLicenceExpired");
  }

  @Test
  void aFailedPesticideTestRejectsTheBatchAndItCannotBeUsed() {
    CanteenSite site = fixture.freshSite();
    Supplier farm = supplier("蔬菜基地", today.plusYears(1));
    MenuItem dish = fixture.onMenu(site, today, Meal.LUNCH, "韭菜炒蛋", 500);

    Batch batch = inspections.record(draft(site, farm, "韭菜", "FAIL", true), manager);

    assertThat(batch.result()).isEqualTo(InspectionResult.REJECTED);
    assertThat(batch.supplierName()).isEqualTo(farm.name());
    assertThat(batch.keepUntil()).isEqualTo(today.plusYears(2));
    assertThatThrownBy(() -> traceability.use(batch.id(), dish.id(), BigDecimal.ONE, manager))
        .hasMessage("canteen.kitchen.batchRejectedCannotBeUsed");
    assertThatThrownBy(() -> jdbc.sql("update canteen_batch set result = 'ACCEPTED' where id = :id")
        .param("id", batch.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aBatchTracesToTheDishesAndDaysThatUsedItAndADayBackToItsBatches() {
    CanteenSite site = fixture.freshSite();
    Supplier farm = supplier("绿源蔬菜", today.plusYears(1));
    Batch greens = inspections.record(draft(site, farm, "上海青", "PASS", true), manager);
    Batch rice = inspections.record(draft(site, farm, "大米", "NOT_APPLICABLE", true), manager);
    MenuItem todayGreens = fixture.onMenu(site, today, Meal.LUNCH, "清炒上海青", 250);
    MenuItem tomorrowGreens = menus.addToMenu(site.id(), today.plusDays(1), Meal.DINNER, todayGreens.dishId(), null,
        manager);
    MenuItem todayRice = fixture.onMenu(site, today, Meal.LUNCH, "白米饭", 100);

    traceability.use(greens.id(), todayGreens.id(), new BigDecimal("4"), manager);
    traceability.use(greens.id(), tomorrowGreens.id(), new BigDecimal("3.5"), manager);
    traceability.use(rice.id(), todayRice.id(), new BigDecimal("8"), manager);

    assertThat(traceability.fromBatch(greens.id(), manager))
        .extracting(Traceability.Usage::dishName, Traceability.Usage::serveDate, Traceability.Usage::meal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("清炒上海青", today, Meal.LUNCH),
            org.assertj.core.groups.Tuple.tuple("清炒上海青", today.plusDays(1), Meal.DINNER));
    assertThat(traceability.fromMenuItem(todayRice.id(), manager)).extracting(Traceability.Usage::batchId)
        .containsExactly(rice.id());
    assertThat(traceability.fromDay(site.id(), today, manager))
        .extracting(Traceability.Usage::dishName, Traceability.Usage::itemName)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("清炒上海青", "上海青"),
            org.assertj.core.groups.Tuple.tuple("白米饭", "大米"));
  }

  @Test
  void aBatchAnsweringAnAwardedRequestTakesTheWinningPriceFromTheWinner() {
    CanteenSite site = fixture.freshSite();
    Supplier winner = supplier("中标方", today.plusYears(1));
    Supplier loser = supplier("未中标方", today.plusYears(1));
    PurchaseRequest request = requests.create(site.id(), "猪肉", null, new BigDecimal("20"), "千克", null, manager);
    requests.quote(request.id(), winner.id(), 3_000, manager);
    requests.quote(request.id(), loser.id(), 2_900, manager);
    requests.openSecondRound(request.id(), manager);
    requests.quote(request.id(), winner.id(), 2_700, manager);
    requests.quote(request.id(), loser.id(), 2_800, manager);
    requests.award(request.id(), manager);

    BatchDraft fromLoser = new BatchDraft(site.id(), request.id(), loser.id(), "猪肉", "冷鲜", new BigDecimal("20"),
        "千克", null, null, today, 3, today, "检验员乙", "NOT_APPLICABLE", true, null);
    assertThatThrownBy(() -> inspections.record(fromLoser, manager))
        .hasMessage("canteen.kitchen.notTheAwardedSupplier");
    Batch batch = inspections.record(new BatchDraft(site.id(), request.id(), winner.id(), "猪肉", "冷鲜",
        new BigDecimal("20"), "千克", null, null, today, 3, today, "检验员乙", "NOT_APPLICABLE", true, null), manager);
    assertThat(batch.unitPriceFen()).isEqualTo(2_700);
    assertThat(batch.accepted()).isTrue();
  }
}
