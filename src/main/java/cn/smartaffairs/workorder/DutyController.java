package cn.smartaffairs.workorder;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.platform.SortKeys;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 值班与派单: the coming weeks' duty shifts and the office-hours dispatch rules of the dispatcher's region. */
@PageController
@RequestMapping("/work-orders/duty")
class DutyController {

  private final DutyRota rota;
  private final WorkOrders workOrders;
  private final Accounts accounts;
  private final MessageSource messages;

  DutyController(DutyRota rota, WorkOrders workOrders, Accounts accounts, MessageSource messages) {
    this.rota = rota;
    this.workOrders = workOrders;
    this.accounts = accounts;
    this.messages = messages;
  }

  /** Shifts are tens in four weeks: sorted in memory, the soonest first unless asked otherwise. */
  static final SortKeys SHIFT_SORT_KEYS = SortKeys.builder().ascending("startsAt").ascending("endsAt")
      .ascending("person").ascending("kind").byDefault("startsAt").inMemory();

  /** The rota's columns, for the page and its export; people by name, times in Beijing time. */
  private static ListColumns<DutyRota.Shift> shiftColumns(Map<Long, String> names) {
    return ListColumns.<DutyRota.Shift>sortedBy(SHIFT_SORT_KEYS)
        .sortable("person", "duty.person", s -> names.get(s.userId()))
        .sortable("kind", "duty.kind", s -> ListColumns.words("duty.kind." + (s.kind() == null ? "ALL" : s.kind())))
        .sortable("startsAt", "duty.startsAt", DutyRota.Shift::startsAt)
        .sortable("endsAt", "duty.endsAt", DutyRota.Shift::endsAt)
        .searchedFor("duty.search").pagedBy(100).exportedAs("duty.shifts");
  }

  private static Map<String, Comparator<DutyRota.Shift>> shiftOrders(Map<Long, String> names) {
    return Map.of("startsAt", SortKeys.byValue(DutyRota.Shift::startsAt),
        "endsAt", SortKeys.byValue(DutyRota.Shift::endsAt),
        "person", SortKeys.byPinyin(s -> names.get(s.userId())),
        "kind", SortKeys.byValue(s -> s.kind() == null ? "" : s.kind()));
  }

  /** The dispatcher's region's shifts of the coming four weeks, in the query's search and order. */
  private Page<DutyRota.Shift> shiftPage(ListQuery query, CurrentUser user, Map<Long, String> names) {
    LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
    var shifts = rota.shifts(user.regionId(), today.atStartOfDay(PlatformConfiguration.ZONE).toInstant(),
        today.plusWeeks(4).atStartOfDay(PlatformConfiguration.ZONE).toInstant());
    return query.pageOf(shifts, s -> ListQuery.searchable(names.get(s.userId())), shiftOrders(names));
  }

  private Map<Long, String> names(List<Accounts.AccountName> handlers) {
    return handlers.stream().collect(Collectors.toMap(Accounts.AccountName::userId, Accounts.AccountName::displayName,
        (first, second) -> first));
  }

  @GetMapping
  String page(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = WorkOrders.requireDispatcher(CurrentUsers.current());
    var handlers = accounts.holding(user.regionId(), Role.REPAIR_WORKER, Role.REPAIR_MANAGER);
    Map<Long, String> names = names(handlers);
    var columns = shiftColumns(names);
    ListQuery query = columns.parse(parameters);
    columns.show(model, query, shiftPage(query, user, names));
    model.addAttribute("handlers", handlers);
    model.addAttribute("names", names);
    model.addAttribute("categories", workOrders.categories());
    model.addAttribute("rules", rota.dispatchRules(user.regionId()));
    model.addAttribute("kinds", List.of("REPAIR", "HOTLINE", "VISIT"));
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    if (!model.containsAttribute("shiftForm")) {
      model.addAttribute("shiftForm", new ShiftForm());
    }
    if (!model.containsAttribute("ruleForm")) {
      model.addAttribute("ruleForm", new DispatchRuleForm());
    }
    return "workorder/duty";
  }

  /** The rota's search in its order, every row of the four weeks. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = WorkOrders.requireDispatcher(CurrentUsers.current());
    Map<Long, String> names = names(accounts.holding(user.regionId(), Role.REPAIR_WORKER, Role.REPAIR_MANAGER));
    var columns = shiftColumns(names);
    ListExport.send(response, columns, shiftPage(columns.parse(parameters).forExport(), user, names).items(),
        messages, locale);
  }

  @PostMapping("/shifts")
  String addShift(@Valid @ModelAttribute("shiftForm") ShiftForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    String kind = form.getKind() == null || form.getKind().isBlank() ? null : form.getKind();
    return PageOutcome.redirectAfter(binding, () -> rota.addShift(form.getUserId(), kind,
        form.getStartsAt().atZone(PlatformConfiguration.ZONE).toInstant(),
        form.getEndsAt().atZone(PlatformConfiguration.ZONE).toInstant(), CurrentUsers.current()),
        () -> messages.getMessage("common.saved", null, locale), "/work-orders/duty", redirect, messages, locale);
  }

  @PostMapping("/rules")
  String setRule(@Valid @ModelAttribute("ruleForm") DispatchRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rota.setDispatchRule(form.getCategory(), form.getBuilding(),
        form.getUserId(), CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale),
        "/work-orders/duty", redirect, messages, locale);
  }
}
