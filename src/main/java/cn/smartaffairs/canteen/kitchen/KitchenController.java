package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The canteen manager's pages: menus, head counts, waste, samples, rules and the report with its .xlsx export. */
@PageController
class KitchenController {

  private final Menus menus;
  private final Preorders preorders;
  private final Waste waste;
  private final FoodSamples samples;
  private final CutoffRules cutoffs;
  private final FoodSafetyRules safetyRules;
  private final CanteenReport report;
  private final Ratings ratings;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;

  KitchenController(Menus menus, Preorders preorders, Waste waste, FoodSamples samples, CutoffRules cutoffs,
      FoodSafetyRules safetyRules, CanteenReport report, Ratings ratings, MessageSource messages,
      ObjectMapper json, Clock clock) {
    this.menus = menus;
    this.preorders = preorders;
    this.waste = waste;
    this.samples = samples;
    this.cutoffs = cutoffs;
    this.safetyRules = safetyRules;
    this.report = report;
    this.ratings = ratings;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/canteen/kitchen")
  String menusPage(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    CurrentUser user = manager();
    LocalDate day = date == null ? today() : date;
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("date", day);
    model.addAttribute("meals", Meal.values());
    if (chosen != null) {
      model.addAttribute("dishes", menus.dishes(chosen.id(), user));
      model.addAttribute("week", menus.week(chosen.id(), day, user));
    }
    if (!model.containsAttribute("siteForm")) {
      model.addAttribute("siteForm", new SiteForm());
    }
    if (!model.containsAttribute("dishForm")) {
      var form = new DishForm();
      form.setSiteId(chosen == null ? null : chosen.id());
      model.addAttribute("dishForm", form);
    }
    if (!model.containsAttribute("menuEntryForm")) {
      var form = new MenuEntryForm();
      form.setSiteId(chosen == null ? null : chosen.id());
      form.setDate(day);
      model.addAttribute("menuEntryForm", form);
    }
    return "canteen/kitchen-menus";
  }

  @PostMapping("/canteen/kitchen/sites")
  String createSite(@Valid @ModelAttribute("siteForm") SiteForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> menus.createSite(form.getName(), form.getAddress(),
        CurrentUsers.current()), saved(locale), "/canteen/kitchen", redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/dishes")
  String createDish(@Valid @ModelAttribute("dishForm") DishForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> menus.createDish(form.getSiteId(), form.getName(),
        form.getCategory(), form.priceFen(), CurrentUsers.current()), saved(locale),
        "/canteen/kitchen" + siteQuery(form.getSiteId(), null), redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/menu")
  String addToMenu(@Valid @ModelAttribute("menuEntryForm") MenuEntryForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> menus.addToMenu(form.getSiteId(), form.getDate(), form.getMeal(),
        form.getDishId(), null, CurrentUsers.current()), saved(locale),
        "/canteen/kitchen" + siteQuery(form.getSiteId(), form.getDate()), redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/menu/copy-week")
  String copyWeek(@RequestParam long siteId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> menus.copyWeek(siteId, date.minusDays(7), date, CurrentUsers.current()),
        "/canteen/kitchen?site=" + siteId + "&date=" + date, redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/menu/{id}/remove")
  String removeFromMenu(@PathVariable long id, @RequestParam long siteId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> menus.removeFromMenu(id, CurrentUsers.current()),
        "/canteen/kitchen?site=" + siteId + "&date=" + date, redirect, messages, locale);
  }

  @GetMapping("/canteen/kitchen/head-count")
  String headCount(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) Meal meal, Model model) {
    CurrentUser user = manager();
    LocalDate day = date == null ? today() : date;
    Meal which = meal == null ? Meal.LUNCH : meal;
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("date", day);
    model.addAttribute("meal", which);
    model.addAttribute("meals", Meal.values());
    if (chosen != null) {
      model.addAttribute("headCount", preorders.headCount(chosen.id(), day, which, user));
    }
    return "canteen/head-count";
  }

  @GetMapping("/canteen/kitchen/waste")
  String wastePage(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    CurrentUser user = manager();
    LocalDate day = date == null ? today() : date;
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("date", day);
    model.addAttribute("meals", Meal.values());
    model.addAttribute("kinds", Waste.Kind.values());
    // what the scale can weigh: the meal as prepared, then each kind of waste
    model.addAttribute("weighings", WeighingKind.values());
    if (chosen != null) {
      model.addAttribute("wasteDay", waste.day(chosen.id(), day, user));
    }
    if (!model.containsAttribute("weighingForm")) {
      var form = new WeighingForm();
      form.setSiteId(chosen == null ? null : chosen.id());
      form.setDate(day);
      model.addAttribute("weighingForm", form);
    }
    return "canteen/waste";
  }

  @PostMapping("/canteen/kitchen/waste")
  String recordWaste(@Valid @ModelAttribute("weighingForm") WeighingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> form.getKind().waste().ifPresentOrElse(
        kind -> waste.recordWaste(form.getSiteId(), form.getDate(), form.getMeal(), kind, form.getKg(),
            CurrentUsers.current()),
        () -> waste.recordPrepared(form.getSiteId(), form.getDate(), form.getMeal(), form.getKg(),
            CurrentUsers.current())),
        saved(locale), "/canteen/kitchen/waste" + siteQuery(form.getSiteId(), form.getDate()), redirect, messages,
        locale);
  }

  /** A day's samples are one per dish: loaded whole and sorted in memory, meal by meal unless asked otherwise. */
  static final SortKeys SAMPLE_SORT_KEYS = SortKeys.builder().ascending("meal").ascending("dish")
      .ascending("takenBy").ascending("takenAt").ascending("keepUntil").byDefault("meal").inMemory();

  private static final Map<String, Comparator<FoodSample>> SAMPLE_ORDERS = Map.of(
      "meal",
      SortKeys.<FoodSample, Meal>byValue(FoodSample::meal).thenComparing(SortKeys.byPinyin(FoodSample::dishName)),
      "dish", SortKeys.byPinyin(FoodSample::dishName),
      "takenBy", SortKeys.byPinyin(FoodSample::takenBy),
      "takenAt", SortKeys.byValue(FoodSample::takenAt),
      "keepUntil", SortKeys.byValue(FoodSample::keepUntil));

  static final ListColumns<FoodSample> SAMPLE_COLUMNS = ListColumns.<FoodSample>sortedBy(SAMPLE_SORT_KEYS)
      .exportOnly("canteen.kitchen.date", FoodSample::serveDate)
      .sortable("meal", "canteen.kitchen.meal", s -> ListColumns.words("canteen.kitchen.meal." + s.meal()))
      .sortable("dish", "canteen.kitchen.dishName", FoodSample::dishName)
      .column("canteen.kitchen.grams", FoodSample::weightGrams)
      .sortable("takenBy", "canteen.kitchen.takenBy", FoodSample::takenBy)
      .sortable("takenAt", "canteen.kitchen.takenAt", FoodSample::takenAt)
      .sortable("keepUntil", "canteen.kitchen.keepUntil", FoodSample::keepUntil)
      .exportOnly("canteen.kitchen.storage", FoodSample::storage)
      .exportOnly("canteen.kitchen.discardedAt", FoodSample::discardedAt)
      .pageOnly("canteen.kitchen.discard")
      .searchedFor("canteen.kitchen.sampleSearch").exportedAs("canteen.kitchen.samplesTitle");

  private Page<FoodSample> samplePage(ListQuery query, long siteId, LocalDate day, CurrentUser user) {
    return query.pageOf(samples.day(siteId, day, user), s -> ListQuery.searchable(s.dishName(), s.takenBy(),
        s.storage()), SAMPLE_ORDERS);
  }

  @GetMapping("/canteen/kitchen/samples")
  String samplesPage(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = manager();
    LocalDate day = date == null ? today() : date;
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("date", day);
    model.addAttribute("now", clock.instant());
    if (chosen != null) {
      ListQuery query = SAMPLE_COLUMNS.parse(parameters);
      SAMPLE_COLUMNS.show(model, query, samplePage(query, chosen.id(), day, user));
      model.addAttribute("missing", samples.missing(chosen.id(), day, user));
      var rule = safetyRules.inEffect(chosen.regionId(), day);
      model.addAttribute("rule", rule);
      if (!model.containsAttribute("sampleForm")) {
        model.addAttribute("sampleForm", new SampleForm());
      }
      // the rows' blank form starts at the rule's least weight, as the form always did
      var blank = new SampleForm();
      blank.setWeightGrams(rule.sampleMinGrams());
      model.addAttribute("newSampleForm", blank);
    }
    return "canteen/samples";
  }

  /** The day's samples in the list's search and order. */
  @GetMapping("/canteen/kitchen/samples/export.xlsx")
  void exportSamples(@RequestParam long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = manager();
    ListExport.send(response, SAMPLE_COLUMNS, samplePage(SAMPLE_COLUMNS.parse(parameters).forExport(), site,
        date == null ? today() : date, user).items(), messages, locale);
  }

  @PostMapping("/canteen/kitchen/samples")
  String takeSample(@Valid @ModelAttribute("sampleForm") SampleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> samples.take(form.getMenuItemId(), form.getWeightGrams(),
        form.getTakenBy(), form.getStorage(), CurrentUsers.current()), saved(locale),
        "/canteen/kitchen/samples" + siteQuery(form.getSiteId(), form.getDate()), redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/samples/{id}/discard")
  String discardSample(@PathVariable long id, @RequestParam long siteId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> samples.discard(id, CurrentUsers.current()),
        "/canteen/kitchen/samples?site=" + siteId + "&date=" + date, redirect, messages, locale);
  }

  @GetMapping("/canteen/kitchen/rules")
  String rules(Model model) {
    CurrentUser user = manager();
    model.addAttribute("cutoffRules", cutoffs.rules(user));
    model.addAttribute("safetyRules", safetyRules.rules(user));
    model.addAttribute("meals", Meal.values());
    model.addAttribute("today", today());
    if (!model.containsAttribute("cutoffForm")) {
      var form = new CutoffRuleForm();
      form.setMeal(Meal.LUNCH);
      form.setDaysBefore(0);
      form.setCutoffTime(java.time.LocalTime.of(9, 30));
      form.setEffectiveFrom(today());
      model.addAttribute("cutoffForm", form);
    }
    if (!model.containsAttribute("foodSafetyForm")) {
      // the values the form always started with
      var form = new FoodSafetyRuleForm();
      form.setSampleMinGrams(125);
      form.setSampleKeepHours(48);
      form.setLicenceReminderDays(30);
      form.setEffectiveFrom(today());
      model.addAttribute("foodSafetyForm", form);
    }
    return "canteen/kitchen-rules";
  }

  @PostMapping("/canteen/kitchen/rules/cutoff")
  String defineCutoff(@Valid @ModelAttribute("cutoffForm") CutoffRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> cutoffs.define(form.getMeal(), form.getDaysBefore(),
        form.getCutoffTime(), form.getEffectiveFrom(), CurrentUsers.current()), saved(locale),
        "/canteen/kitchen/rules", redirect, messages, locale);
  }

  @PostMapping("/canteen/kitchen/rules/food-safety")
  String defineFoodSafety(@Valid @ModelAttribute("foodSafetyForm") FoodSafetyRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding,
        () -> safetyRules.define(form.getEffectiveFrom(), form.getSampleMinGrams(),
            form.getSampleKeepHours(), form.getLicenceReminderDays(), CurrentUsers.current()),
        saved(locale),
        "/canteen/kitchen/rules", redirect, messages, locale);
  }

  @GetMapping("/canteen/reports")
  String reportPage(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model, Locale locale) throws JsonProcessingException {
    CurrentUser user = manager();
    LocalDate end = to == null ? today() : to;
    LocalDate start = from == null ? end.minusDays(6) : from;
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    if (chosen != null) {
      try {
        CanteenReport.Report result = report.report(chosen.id(), start, end, user);
        model.addAttribute("report", result);
        List<CanteenReport.Line> lines = new java.util.ArrayList<>(result.days());
        lines.add(result.total());
        model.addAttribute("lines", lines);
        model.addAttribute("chart", json.writeValueAsString(chart(result, locale)));
        model.addAttribute("ratings", ratings.ratings(chosen.id(), start, end, user));
      } catch (BusinessRuleException e) {
        model.addAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return "canteen/reports";
  }

  @GetMapping("/canteen/reports/export.xlsx")
  void export(@RequestParam long site, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) {
    CanteenReport.Report result = report.report(site, from, to, manager());
    List<CanteenReport.Line> lines = new java.util.ArrayList<>(result.days());
    lines.add(result.total());
    XlsxDownload.send(response, "食堂统计_" + result.site().name() + "_" + from + "_" + to + ".xlsx",
        new Xlsx.Sheet("食堂统计", List.of("日期", "早餐人数", "午餐人数", "晚餐人数", "就餐人次", "报餐收入(元)",
            "其中补贴(元)", "采购成本(元)", "餐均成本(元)", "备餐(千克)", "浪费(千克)", "浪费率", "评价数", "平均评分"),
            lines.stream().map(l -> Arrays.<Object>asList(l.date() == null ? "合计" : l.date().toString(), l.breakfast(),
                l.lunch(), l.dinner(), l.diners(), yuan(l.incomeFen()), yuan(l.subsidyFen()), yuan(l.costFen()),
                l.costPerMealFen() == null ? null : yuan(l.costPerMealFen()), l.preparedKg(), l.wasteKg(),
                l.wasteRate(), l.ratings(), l.meanScore()))));
  }

  /** Diners as bars; cost per meal and waste rate as lines. */
  private Map<String, Object> chart(CanteenReport.Report result, Locale locale) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of("top", 0));
    option.put("grid", Map.of("left", 48, "right", 48, "bottom", 40, "top", 40));
    option.put("xAxis", Map.of("type", "category", "data",
        result.days().stream().map(l -> l.date().toString().substring(5)).toList()));
    option.put("yAxis",
        List.of(Map.of("type", "value", "name", text("canteen.kitchen.diners", locale), "minInterval", 1),
            Map.of("type", "value", "name", "元 / %")));
    option.put("series", List.of(
        Map.of("name", text("canteen.kitchen.diners", locale), "type", "bar", "stack", "diners",
            "data", result.days().stream().map(CanteenReport.Line::diners).toList()),
        Map.of("name", text("canteen.kitchen.costPerMeal", locale), "type", "line", "yAxisIndex", 1,
            "data",
            result.days().stream().map(l -> l.costPerMealFen() == null ? null : l.costPerMealFen() / 100.0).toList()),
        Map.of("name", text("canteen.kitchen.wasteRate", locale), "type", "line", "yAxisIndex", 1,
            "data", result.days().stream().map(l -> l.wasteRate() == null
                ? null
                : l.wasteRate().movePointRight(2).doubleValue()).toList())));
    return option;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private CanteenSite chooseSite(Long site, CurrentUser user, Model model) {
    List<CanteenSite> sites = menus.sites(user);
    model.addAttribute("sites", sites);
    CanteenSite chosen = site != null ? menus.site(site, user) : sites.isEmpty() ? null : sites.get(0);
    model.addAttribute("site", chosen);
    return chosen;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  private static CurrentUser manager() {
    CurrentUser user = CurrentUsers.current();
    Menus.requireManager(user, user.regionId());
    return user;
  }

  private java.util.function.Supplier<String> saved(Locale locale) {
    return () -> messages.getMessage("common.saved", null, locale);
  }

  /** The page's site and day as they were, so that a refused form lands where it was sent from. */
  private static String siteQuery(Long siteId, LocalDate date) {
    String query = siteId == null ? "" : "?site=" + siteId;
    return date == null ? query : query + (query.isEmpty() ? "?" : "&") + "date=" + date;
  }

  private static BigDecimal yuan(long fen) {
    return Money.ofFen(fen).yuan();
  }
}
