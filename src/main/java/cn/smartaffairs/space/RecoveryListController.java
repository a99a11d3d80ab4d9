package cn.smartaffairs.space;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 腾退收回 list: the offices to recover, searched, sorted and exported; recovering stays on the row. */
@PageController
class RecoveryListController {

  /** At most 500 tasks, sorted in memory; open ones by due date first unless asked otherwise (the module's order). */
  static final SortKeys SORT_KEYS = SortKeys.builder().ascending("due").ascending("person").ascending("room")
      .ascending("reason").ascending("since").ascending("state").byDefault("due").inMemory();
  private static final Map<String, Comparator<OfficeRecoveryWatch.RecoveryTask>> ORDERS = Map.of(
      "due", SortKeys.byValue(OfficeRecoveryWatch.RecoveryTask::done)
          .thenComparing(SortKeys.byValue(OfficeRecoveryWatch.RecoveryTask::dueOn)),
      "person", SortKeys.byPinyin(OfficeRecoveryWatch.RecoveryTask::staffName),
      "room", SortKeys.byValue(OfficeRecoveryWatch.RecoveryTask::roomLabel),
      "reason", SortKeys.byValue(OfficeRecoveryWatch.RecoveryTask::reason),
      "since", SortKeys.byValue(OfficeRecoveryWatch.RecoveryTask::since),
      "state", SortKeys.byValue((OfficeRecoveryWatch.RecoveryTask t) -> t.done() ? 2 : t.overdue() ? 0 : 1));

  static final ListColumns<OfficeRecoveryWatch.RecoveryTask> COLUMNS = ListColumns.<OfficeRecoveryWatch.RecoveryTask>sortedBy(
      SORT_KEYS)
      .sortable("person", "space.person", OfficeRecoveryWatch.RecoveryTask::staffName)
      .sortable("room", "space.room", OfficeRecoveryWatch.RecoveryTask::roomLabel)
      .sortable("reason", "space.reason", t -> ListColumns.words("space.recoveryReason." + t.reason()))
      .sortable("since", "space.since", OfficeRecoveryWatch.RecoveryTask::since)
      .sortable("due", "space.dueOn", OfficeRecoveryWatch.RecoveryTask::dueOn)
      .sortable("state", "space.status", t -> ListColumns.words(t.done()
          ? "space.done"
          : t.overdue() ? "space.overdue" : "space.open"))
      .pageOnly("common.actions")
      .searchedFor("space.recoverySearch").pagedBy(50).exportedAs("space.recovery");

  private final OfficeRecoveryWatch recovery;
  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final MessageSource messages;

  RecoveryListController(OfficeRecoveryWatch recovery, SpaceAllocations allocations, OfficeAssignments offices,
      MessageSource messages) {
    this.recovery = recovery;
    this.allocations = allocations;
    this.offices = offices;
    this.messages = messages;
  }

  @GetMapping("/space/recovery")
  String recovery(@RequestParam(defaultValue = "true") boolean openOnly, @RequestParam Map<String, String> parameters,
      Model model) {
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, page(query, openOnly));
    model.addAttribute("openOnly", openOnly);
    LocalDate today = allocations.today();
    model.addAttribute("today", today);
    // each open row's form: a refused one on its own row, a fresh one on the others
    SpaceForms.addIfAbsent(model, "recoverForm", () -> DayForm.of(today));
    model.addAttribute("todayForm", DayForm.of(today));
    return "space/recovery";
  }

  @PostMapping("/space/recovery/{assignmentId}/recover")
  String recover(@PathVariable long assignmentId, @Valid @ModelAttribute("recoverForm") DayForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.ofRow(assignmentId);
    return PageOutcome.redirectAfter(binding, () -> offices.endOffice(assignmentId, form.getOn(),
        CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale), "/space/recovery",
        redirect, messages, locale);
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/space/recovery/export.xlsx")
  void export(@RequestParam(defaultValue = "true") boolean openOnly, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, page(COLUMNS.parse(parameters).forExport(), openOnly).items(), messages,
        locale);
  }

  private Page<OfficeRecoveryWatch.RecoveryTask> page(ListQuery query, boolean openOnly) {
    return query.pageOf(recovery.tasks(openOnly, CurrentUsers.current()),
        t -> ListQuery.searchable(t.staffName(), t.roomLabel()), ORDERS);
  }
}
