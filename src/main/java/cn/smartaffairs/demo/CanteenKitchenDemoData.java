package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.canteen.kitchen.CanteenSite;
import cn.smartaffairs.canteen.kitchen.Dish;
import cn.smartaffairs.canteen.kitchen.Meal;
import cn.smartaffairs.canteen.kitchen.MenuItem;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.canteen.kitchen.Preorders;
import cn.smartaffairs.canteen.kitchen.Waste;
import cn.smartaffairs.canteen.procurement.Batch;
import cn.smartaffairs.canteen.procurement.BatchDraft;
import cn.smartaffairs.canteen.procurement.ReceivingInspections;
import cn.smartaffairs.canteen.procurement.PurchaseRequest;
import cn.smartaffairs.canteen.procurement.PurchaseRequests;
import cn.smartaffairs.canteen.procurement.Supplier;
import cn.smartaffairs.canteen.procurement.Suppliers;
import cn.smartaffairs.canteen.procurement.Traceability;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The city canteen with its dishes and two weeks of menus from this Monday, three suppliers (one licence
 * about to expire, one expired), a purchase request decided by 二次竞价, received batches (one rejected by the
 * pesticide test) traced into today's lunch, and some weighed waste — all entered by the city's canteen manager.
 */
@Component
@Order(50)
class CanteenKitchenDemoData implements ModuleDemoData {

  private static final String[][] DISHES = {
      {"白米饭", "STAPLE", "100"}, {"馒头", "STAPLE", "50"}, {"小米粥", "SOUP", "100"}, {"豆浆油条", "SNACK", "300"},
      {"鸡蛋", "SIDE", "100"}, {"红烧肉", "MAIN", "800"}, {"宫保鸡丁", "MAIN", "600"}, {"清蒸鲈鱼", "MAIN", "900"},
      {"番茄炒蛋", "MAIN", "400"}, {"麻婆豆腐", "MAIN", "350"}, {"清炒时蔬", "SIDE", "250"}, {"酸辣土豆丝", "SIDE", "200"},
      {"紫菜蛋花汤", "SOUP", "100"}, {"西红柿牛腩面", "MAIN", "1200"}};

  private final Accounts accounts;
  private final Menus menus;
  private final Waste waste;
  private final Suppliers suppliers;
  private final PurchaseRequests requests;
  private final ReceivingInspections inspections;
  private final Traceability traceability;
  private final Preorders preorders;
  private final Clock clock;

  CanteenKitchenDemoData(Accounts accounts, Menus menus, Waste waste, Suppliers suppliers, PurchaseRequests requests,
      ReceivingInspections inspections, Traceability traceability, Preorders preorders,
      Clock clock) {
    this.preorders = preorders;
    this.accounts = accounts;
    this.menus = menus;
    this.waste = waste;
    this.suppliers = suppliers;
    this.requests = requests;
    this.inspections = inspections;
    this.traceability = traceability;
    this.clock = clock;
  }

  @Override
  public void load() {
    CurrentUser manager = accounts.loadUserByUsername("canteen.manager");
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    // the city's canteen as the canteen accounts' demo registered it (or a new one when that did not run)
    List<CanteenSite> sites = menus.sites(manager);
    CanteenSite site = sites.isEmpty()
        ? menus.createSite("市行政中心职工食堂", "市行政中心1号楼负一层", manager)
        : sites.get(0);
    Map<String, Dish> dishes = new HashMap<>();
    for (String[] dish : DISHES) {
      dishes.put(dish[0], menus.createDish(site.id(), dish[0], dish[1], Long.parseLong(dish[2]), manager));
    }
    String[][] lunches = {{"红烧肉", "清炒时蔬"}, {"宫保鸡丁", "酸辣土豆丝"}, {"清蒸鲈鱼", "清炒时蔬"},
        {"番茄炒蛋", "麻婆豆腐"}, {"西红柿牛腩面", "酸辣土豆丝"}};
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    for (int day = 0; day < 14; day++) {
      LocalDate date = monday.plusDays(day);
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (String name : List.of("小米粥", "豆浆油条", "鸡蛋", "馒头")) {
        menus.addToMenu(site.id(), date, Meal.BREAKFAST, dishes.get(name).id(), null, manager);
      }
      String[] lunch = lunches[day % 5];
      for (String name : List.of("白米饭", lunch[0], lunch[1], "紫菜蛋花汤")) {
        menus.addToMenu(site.id(), date, Meal.LUNCH, dishes.get(name).id(), null, manager);
      }
      String[] dinner = lunches[(day + 2) % 5];
      for (String name : List.of("白米饭", dinner[0], dinner[1])) {
        menus.addToMenu(site.id(), date, Meal.DINNER, dishes.get(name).id(), null, manager);
      }
    }

    Supplier vegetables = supplier("云溪绿源蔬菜配送有限公司", "云溪市城南农批市场A区12号", "王建国 13800000001",
        today.plusYears(2), manager);
    Supplier meat = supplier("云溪康达肉类食品有限公司", "云溪市经开区食品产业园8号", "李红 13800000002",
        today.plusDays(20), manager);
    Supplier grain = supplier("云溪丰收粮油贸易公司", "云溪市北环路66号", "赵强 13800000003", today.plusYears(1), manager);
    Supplier lapsed = suppliers.create("云溪速达副食店", "云溪市老街5号", "孙丽 13800000004", manager);
    suppliers.addLicence(lapsed.id(), "FOOD_BUSINESS", "JY13301020000004", today.minusDays(10), manager);

    PurchaseRequest pork = requests.create(site.id(), "猪五花肉", "冷鲜，一级", new BigDecimal("60"), "千克",
        today, manager);
    requests.quote(pork.id(), meat.id(), 2_800, manager);
    requests.quote(pork.id(), grain.id(), 2_900, manager);
    requests.openSecondRound(pork.id(), manager);
    requests.quote(pork.id(), meat.id(), 2_650, manager);
    requests.quote(pork.id(), grain.id(), 2_700, manager);
    requests.award(pork.id(), manager);

    Batch porkBatch = inspections.record(new BatchDraft(site.id(), pork.id(), meat.id(), "猪五花肉", "冷鲜 一级",
        new BigDecimal("60"), "千克", null, "KD" + today.toString().replace("-", "") + "01", today.minusDays(1), 3,
        today, "张卫东", "NOT_APPLICABLE", true, "检疫合格证明齐全"), manager);
    Batch greens = inspections.record(new BatchDraft(site.id(), null, vegetables.id(), "上海青", "散装",
        new BigDecimal("40"), "千克", 450L, null, today, 2, today, "张卫东", "PASS", true, null), manager);
    inspections.record(new BatchDraft(site.id(), null, vegetables.id(), "韭菜", "散装", new BigDecimal("15"), "千克",
        500L, null, today, 2, today, "张卫东", "FAIL", true, "农残快检抑制率超标，整批退回"), manager);
    Batch rice = inspections.record(new BatchDraft(site.id(), null, grain.id(), "大米", "东北粳米 25kg/袋",
        new BigDecimal("200"), "千克", 520L, "FS2026-1108", today.minusDays(30), 365, today, "张卫东", "NOT_APPLICABLE",
        true, null), manager);

    for (MenuItem item : menus.day(site.id(), today, manager)) {
      if (item.meal() != Meal.LUNCH) {
        continue;
      }
      // whatever today's lunch is, its staple, main and side dishes come from the batches received today
      switch (item.category()) {
        case "STAPLE" -> traceability.use(rice.id(), item.id(), new BigDecimal("25"), manager);
        case "MAIN" -> traceability.use(porkBatch.id(), item.id(), new BigDecimal("30"), manager);
        case "SIDE" -> traceability.use(greens.id(), item.id(), new BigDecimal("20"), manager);
        default -> {
        }
      }
    }
    for (int back = 1; back <= 5; back++) {
      LocalDate date = today.minusDays(back);
      waste.recordPrepared(site.id(), date, Meal.LUNCH, new BigDecimal(180 + back * 7), manager);
      waste.recordWaste(site.id(), date, Meal.LUNCH, Waste.Kind.PREPARATION, new BigDecimal("6.5"), manager);
      waste.recordWaste(site.id(), date, Meal.LUNCH, Waste.Kind.UNSOLD, new BigDecimal(4 + back), manager);
      waste.recordWaste(site.id(), date, Meal.LUNCH, Waste.Kind.PLATE, new BigDecimal("8.2"), manager);
    }
    preorderNextWorkingLunch(site, today);
  }

  /** The demo people have booked the next weekday's lunch, so head counts and reports show diners from the start. */
  private void preorderNextWorkingLunch(CanteenSite site, LocalDate today) {
    LocalDate day = today.plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    CurrentUser manager = accounts.loadUserByUsername("canteen.manager");
    List<MenuItem> lunch = menus.day(site.id(), day, manager).stream().filter(item -> item.meal() == Meal.LUNCH)
        .toList();
    if (lunch.size() < 2) {
      return;
    }
    List<String> diners = List.of("staff", "unit.head", "liaison", "vehicle.manager", "space.manager",
        "meeting.manager", "canteen.manager", "repair.manager", "asset.manager", "region.admin");
    for (int i = 0; i < diners.size(); i++) {
      // the first item on the menu and one of the others in turn, so the head count per dish differs
      Map<Long, Integer> portions = Map.of(lunch.get(0).id(), 1, lunch.get(1 + i % (lunch.size() - 1)).id(), 1);
      preorders.place(site.id(), day, Meal.LUNCH, portions, accounts.loadUserByUsername(diners.get(i)));
    }
  }

  private Supplier supplier(String name, String address, String contact, LocalDate foodLicenceExpiry,
      CurrentUser manager) {
    Supplier supplier = suppliers.create(name, address, contact, manager);
    suppliers.addLicence(supplier.id(), "BUSINESS_LICENCE", "91330100MA" + Math.abs(name.hashCode() % 100000000),
        LocalDate.of(2099, 12, 31), manager);
    return suppliers.addLicence(supplier.id(), "FOOD_BUSINESS", "JY1330102" + Math.abs(name.hashCode() % 10000000),
        foodLicenceExpiry, manager);
  }
}
