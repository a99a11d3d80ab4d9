package cn.smartaffairs.canteen;

import static cn.smartaffairs.canteen.CanteenController.addIfAbsent;
import static cn.smartaffairs.canteen.CanteenController.requireManager;

import cn.smartaffairs.canteen.CanteenTerminals.Terminal;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the manager sets the canteens up: the canteens and their payment terminals (a list with its export), and the
 * rules of subsidies, meal prices and online top-ups (small tables of versions, shown whole).
 */
@PageController
class CanteenSetupController {

  private final CanteenTerminals terminals;
  private final CanteenRules rules;
  private final MessageSource messages;

  CanteenSetupController(CanteenTerminals terminals, CanteenRules rules, MessageSource messages) {
    this.terminals = terminals;
    this.rules = rules;
    this.messages = messages;
  }

  // ------------------------------------------------------------ terminals

  /** A region's terminals are tens: loaded whole and sorted in memory, by canteen and code unless asked otherwise. */
  static final SortKeys TERMINAL_SORT_KEYS = SortKeys.builder().ascending("canteen").ascending("code")
      .ascending("name").descending("active").ascending("registered").byDefault("canteen").inMemory();

  private static final Map<String, Comparator<Terminal>> TERMINAL_ORDERS = Map.of(
      "canteen", SortKeys.<Terminal>byPinyin(Terminal::canteenName).thenComparing(Terminal::terminalCode),
      "code", SortKeys.byValue(Terminal::terminalCode),
      "name", SortKeys.byPinyin(Terminal::name),
      "active", SortKeys.byValue(Terminal::active),
      "registered", SortKeys.byValue(Terminal::registeredAt));

  static final ListColumns<Terminal> TERMINAL_COLUMNS = ListColumns.<Terminal>sortedBy(TERMINAL_SORT_KEYS)
      .sortable("code", "canteen.terminalCode", Terminal::terminalCode)
      .sortable("name", "canteen.terminalName", Terminal::name)
      .sortable("canteen", "canteen.canteen", Terminal::canteenName)
      .sortable("active", "canteen.statusLabel", t -> ListColumns.words(t.active()
          ? "canteen.terminalActive"
          : "canteen.terminalInactive"))
      .sortable("registered", "canteen.terminalRegisteredAt", Terminal::registeredAt).css("d-none d-md-table-cell")
      .pageOnly("canteen.terminalSwitch")
      .searchedFor("canteen.terminals.search").exportedAs("canteen.terminals.title");

  private Page<Terminal> terminalPage(ListQuery query, CurrentUser user) {
    return query.pageOf(terminals.terminals(user),
        t -> ListQuery.searchable(t.terminalCode(), t.name(), t.canteenName()), TERMINAL_ORDERS);
  }

  @GetMapping("/canteen/terminals")
  String terminals(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("canteens", terminals.canteens(user));
    ListQuery query = TERMINAL_COLUMNS.parse(parameters);
    TERMINAL_COLUMNS.show(model, query, terminalPage(query, user));
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    addIfAbsent(model, "terminalForm", TerminalForm::new);
    addIfAbsent(model, "canteenForm", CanteenForm::new);
    return "canteen/terminals";
  }

  /** The list's search in its order, every terminal up to the export's limit. */
  @GetMapping("/canteen/terminals/export.xlsx")
  void exportTerminals(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = requireManager();
    ListExport.send(response, TERMINAL_COLUMNS,
        terminalPage(TERMINAL_COLUMNS.parse(parameters).forExport(), user).items(), messages, locale);
  }

  @PostMapping("/canteen/canteens")
  String createCanteen(@Valid @ModelAttribute("canteenForm") CanteenForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> terminals.createCanteen(form.getName(), form.getAddress(),
        CurrentUsers.current()), saved(locale), "/canteen/terminals", redirect, messages, locale);
  }

  @PostMapping("/canteen/terminals")
  String register(@Valid @ModelAttribute("terminalForm") TerminalForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> terminals.register(form.getTerminalCode(), form.getCanteenId(),
        form.getName(), CurrentUsers.current()), saved(locale), "/canteen/terminals", redirect, messages, locale);
  }

  @PostMapping("/canteen/terminals/{id}/active")
  String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> terminals.setActive(id, active, CurrentUsers.current()),
        "/canteen/terminals", redirect, messages, locale);
  }

  // ------------------------------------------------------------ rules

  @GetMapping("/canteen/rules")
  String rules(Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("categoryRules", rules.categoryRules(user.regionId()));
    model.addAttribute("priceRules", rules.priceRules(user.regionId()));
    model.addAttribute("topUpRules", rules.topUpRules(user.regionId()));
    model.addAttribute("categories", CanteenRules.CATEGORIES);
    model.addAttribute("periods", CanteenRules.MEAL_PERIODS);
    LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
    addIfAbsent(model, "categoryRuleForm", () -> {
      var form = new CategoryRuleForm();
      form.setEffectiveFrom(today);
      return form;
    });
    addIfAbsent(model, "priceRuleForm", () -> {
      var form = new PriceRuleForm();
      form.setEffectiveFrom(today);
      return form;
    });
    addIfAbsent(model, "topUpRuleForm", () -> {
      var form = new TopUpRuleForm();
      form.setEffectiveFrom(today);
      return form;
    });
    return "canteen/rules";
  }

  @PostMapping("/canteen/rules/categories")
  String addCategoryRule(@Valid @ModelAttribute("categoryRuleForm") CategoryRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addCategoryRule(form.getCategory(), form.getEffectiveFrom(),
        form.monthlySubsidyFen(), form.capFen(), form.dailyLimitFen(), CurrentUsers.current()), saved(locale),
        "/canteen/rules", redirect, messages, locale);
  }

  @PostMapping("/canteen/rules/prices")
  String addPriceRule(@Valid @ModelAttribute("priceRuleForm") PriceRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addPriceRule(form.getMealPeriod(), form.getCategory(),
        form.getStartsAt(), form.getEndsAt(), form.priceFen(), form.getEffectiveFrom(), CurrentUsers.current()),
        saved(locale), "/canteen/rules", redirect, messages, locale);
  }

  @PostMapping("/canteen/rules/top-ups")
  String addTopUpRule(@Valid @ModelAttribute("topUpRuleForm") TopUpRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addTopUpRule(form.getEffectiveFrom(), form.maxPerTopUpFen(),
        form.maxPerDayFen(), form.getOrderLifetimeMinutes(), CurrentUsers.current()), saved(locale),
        "/canteen/rules", redirect, messages, locale);
  }

  private Supplier<String> saved(Locale locale) {
    return () -> messages.getMessage("common.saved", null, locale);
  }
}
