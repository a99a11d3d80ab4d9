package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Canteens, menus, pre-orders (报餐), ratings, waste, samples and reports of the caller's region. */
@RestController
@Tag(name = "机关食堂 Canteen kitchen")
@SecurityRequirement(name = "bearer")
class KitchenApiController {

  record NewSite(String name, String address) {}

  record NewDish(String name, String category, long priceFen) {}

  record NewMenuItem(LocalDate date, Meal meal, long dishId, Long priceFen) {}

  record NewPreorder(long siteId, LocalDate date, Meal meal, Map<Long, Integer> portions) {}

  record NewRating(long menuItemId, int score, String comment) {}

  record Weighing(LocalDate date, Meal meal, Waste.Kind kind, BigDecimal kg) {}

  record NewSample(long menuItemId, int weightGrams, String takenBy, String storage) {}

  private final Menus menus;
  private final Preorders preorders;
  private final Ratings ratings;
  private final Waste waste;
  private final FoodSamples samples;
  private final CanteenReport report;

  KitchenApiController(Menus menus, Preorders preorders, Ratings ratings, Waste waste, FoodSamples samples,
      CanteenReport report) {
    this.menus = menus;
    this.preorders = preorders;
    this.ratings = ratings;
    this.waste = waste;
    this.samples = samples;
    this.report = report;
  }

  @GetMapping("/api/v1/canteen/sites")
  @Operation(summary = "食堂列表 The canteens of the caller's region")
  List<CanteenSite> sites() {
    return menus.sites(CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/sites")
  @Operation(summary = "新增食堂 Register a canteen (canteen managers)")
  ResponseEntity<CanteenSite> createSite(@RequestBody NewSite site) {
    CanteenSite created = menus.createSite(site.name(), site.address(), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/canteen/sites/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/canteen/sites/{site}/dishes")
  @Operation(summary = "菜品 The dishes of a canteen")
  List<Dish> dishes(@PathVariable long site) {
    return menus.dishes(site, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/sites/{site}/dishes")
  @Operation(summary = "新增菜品 Add a dish (category STAPLE, MAIN, SIDE, SOUP, SNACK or DRINK; price in fen)")
  ResponseEntity<Dish> createDish(@PathVariable long site, @RequestBody NewDish dish) {
    return ResponseEntity.status(201).body(menus.createDish(site, dish.name(), dish.category(), dish.priceFen(),
        CurrentUsers.current()));
  }

  @GetMapping("/api/v1/canteen/sites/{site}/menu")
  @Operation(summary = "一周菜单 The menu of the week (Monday–Sunday) holding the date")
  Map<LocalDate, List<MenuItem>> week(@PathVariable long site,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return menus.week(site, date, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/sites/{site}/menu")
  @Operation(summary = "排菜 Put a dish on a day's meal (BREAKFAST, LUNCH, DINNER)")
  ResponseEntity<MenuItem> addToMenu(@PathVariable long site, @RequestBody NewMenuItem item) {
    return ResponseEntity.status(201).body(menus.addToMenu(site, item.date(), item.meal(), item.dishId(),
        item.priceFen(), CurrentUsers.current()));
  }

  record WeekCopy(LocalDate fromDay, LocalDate toDay) {}

  @PostMapping("/api/v1/canteen/sites/{site}/menu/copy-week")
  @Operation(summary = "复制周菜单 Copy the week holding fromDay onto the week holding toDay; answers the items added")
  Map<String, Integer> copyWeek(@PathVariable long site, @RequestBody WeekCopy copy) {
    return Map.of("added", menus.copyWeek(site, copy.fromDay(), copy.toDay(), CurrentUsers.current()));
  }

  @DeleteMapping("/api/v1/canteen/menu-items/{id}")
  @Operation(summary = "撤菜 Take a dish off a meal (only while nobody ordered or rated it)")
  ResponseEntity<Void> removeFromMenu(@PathVariable long id) {
    menus.removeFromMenu(id, CurrentUsers.current());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/canteen/preorders")
  @Operation(summary = "报餐 Order a meal before its cut-off; charged to the caller's canteen account", description = "portions maps menu item ids to numbers of portions. 400 after the cut-off or when the account "
      + "cannot pay; 409 when the meal is already ordered.")
  ResponseEntity<Preorder> place(@RequestBody NewPreorder order) {
    Preorder placed = preorders.place(order.siteId(), order.date(), order.meal(), order.portions(),
        CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/canteen/preorders/" + placed.id())).body(placed);
  }

  @GetMapping("/api/v1/canteen/preorders/{id}")
  @Operation(summary = "报餐详情 One pre-order (its owner or the canteen managers)")
  Preorder preorder(@PathVariable long id) {
    return preorders.preorder(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/preorders/mine")
  @Operation(summary = "我的报餐 The caller's pre-orders between two days")
  List<Preorder> mine(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return preorders.mine(from, to, CurrentUsers.current());
  }

  @DeleteMapping("/api/v1/canteen/preorders/{id}")
  @Operation(summary = "取消报餐 Cancel one's pre-order before the cut-off; the payment is refunded")
  Preorder cancel(@PathVariable long id) {
    return preorders.cancel(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/sites/{site}/head-count")
  @Operation(summary = "报餐人数 Diners of a meal and portions per dish (canteen managers)")
  HeadCount headCount(@PathVariable long site,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam Meal meal) {
    return preorders.headCount(site, date, meal, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/ratings")
  @Operation(summary = "菜品评价 Rate a dish that has been served (1–5 with a comment), once")
  ResponseEntity<Ratings.Rating> rate(@RequestBody NewRating rating) {
    return ResponseEntity.status(201).body(ratings.rate(rating.menuItemId(), rating.score(), rating.comment(),
        CurrentUsers.current()));
  }

  @PostMapping("/api/v1/canteen/sites/{site}/prepared")
  @Operation(summary = "备餐称重 Record the kg of food prepared for a meal")
  WasteDay prepared(@PathVariable long site, @RequestBody Weighing weighing) {
    waste.recordPrepared(site, weighing.date(), weighing.meal(), weighing.kg(), CurrentUsers.current());
    return waste.day(site, weighing.date(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/sites/{site}/waste")
  @Operation(summary = "浪费称重 Record waste in kg (kind PREPARATION, UNSOLD or PLATE)")
  WasteDay waste(@PathVariable long site, @RequestBody Weighing weighing) {
    waste.recordWaste(site, weighing.date(), weighing.meal(), weighing.kind(), weighing.kg(), CurrentUsers.current());
    return waste.day(site, weighing.date(), CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/sites/{site}/waste")
  @Operation(summary = "浪费率 The day's waste by meal and kind and the waste rate (waste ÷ food prepared)")
  WasteDay wasteDay(@PathVariable long site,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return waste.day(site, date, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/samples")
  @Operation(summary = "留样登记 Record a dish's sample (at least the region's minimum weight, 125 g nationally)")
  ResponseEntity<FoodSample> sample(@RequestBody NewSample sample) {
    return ResponseEntity.status(201).body(samples.take(sample.menuItemId(), sample.weightGrams(), sample.takenBy(),
        sample.storage(), CurrentUsers.current()));
  }

  @PostMapping("/api/v1/canteen/samples/{id}/discard")
  @Operation(summary = "留样处理 Discard a sample once its keeping time (48 h nationally) is over")
  FoodSample discard(@PathVariable long id) {
    return samples.discard(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/sites/{site}/report")
  @Operation(summary = "食堂统计 Diners, income, procurement cost per meal, waste rate and satisfaction per day")
  CanteenReport.Report report(@PathVariable long site,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return report.report(site, from, to, CurrentUsers.current());
  }
}
