package cn.smartaffairs.space;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 超标检查: each person's office against the standard on a day, as a list (searched, sorted, exported), the units'
 * summary beneath it, and the rank changes the check reads.
 */
@PageController
class ComplianceController {

  /** The people of the caller's scope, computed whole for the day; by unit (the check's own order) by default. */
  static final SortKeys SORT_KEYS = SortKeys.builder().ascending("unit").ascending("person").ascending("rank")
      .descending("allowed").descending("occupied").descending("excess").byDefault("unit").inMemory();
  private static final Map<String, Comparator<PersonCompliance>> ORDERS = Map.of(
      "unit", SortKeys.byPinyin(PersonCompliance::unitName),
      "person", SortKeys.byPinyin(PersonCompliance::name),
      "rank", SortKeys.byPinyin(PersonCompliance::rank),
      "allowed", SortKeys.byValue(PersonCompliance::allowedArea),
      "occupied", SortKeys.byValue(PersonCompliance::occupiedArea),
      "excess", SortKeys.byValue(PersonCompliance::excess));

  static final ListColumns<PersonCompliance> COLUMNS = ListColumns.<PersonCompliance>sortedBy(SORT_KEYS)
      .sortable("unit", "space.unit", PersonCompliance::unitName)
      .sortable("person", "space.person", PersonCompliance::name)
      .sortable("rank", "space.rank", PersonCompliance::rank)
      .column("space.room", PersonCompliance::rooms)
      .sortable("allowed", "space.allowedArea", PersonCompliance::allowedArea)
      .sortable("occupied", "space.occupiedArea", PersonCompliance::occupiedArea)
      .sortable("excess", "space.excess", PersonCompliance::excess)
      .column("space.rule", PersonCompliance::rule)
      .searchedFor("space.personSearch").pagedBy(50).exportedAs("space.compliance");

  private final AreaCompliance compliance;
  private final RankHistory rankHistory;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  ComplianceController(AreaCompliance compliance, RankHistory rankHistory, OrganisationDirectory organisation,
      MessageSource messages) {
    this.compliance = compliance;
    this.rankHistory = rankHistory;
    this.organisation = organisation;
    this.messages = messages;
  }

  private Compliance check(Long unitId, LocalDate date, CurrentUser user, Locale locale) {
    return date == null
        ? compliance.check(unitId, user, locale)
        : compliance.check(unitId, date, user.dataScope(), locale);
  }

  private static Page<PersonCompliance> peoplePage(Compliance result, boolean overOnly, ListQuery query) {
    return query.pageOf(overOnly ? result.overStandardPeople() : result.people(),
        p -> ListQuery.searchable(p.name(), p.unitName(), p.rank(), p.rooms()), ORDERS);
  }

  @GetMapping("/space/compliance")
  String compliance(@RequestParam(required = false) Long unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "false") boolean overOnly, @RequestParam Map<String, String> parameters,
      Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Compliance result = check(unitId, date, user, locale);
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, peoplePage(result, overOnly, query));
    model.addAttribute("result", result);
    model.addAttribute("units", overOnly ? result.overStandardUnits() : result.units());
    model.addAttribute("unitChoices", organisation.unitChoices(user.dataScope()));
    model.addAttribute("unitId", unitId);
    model.addAttribute("overOnly", overOnly);
    model.addAttribute("ranks", organisation.ranks());
    SpaceForms.addIfAbsent(model, "rankChangeForm", RankChangeForm::new);
    return "space/compliance";
  }

  /** The people of the list's search and order on the list's day, every page up to the export's limit. */
  @GetMapping("/space/compliance/export.xlsx")
  void export(@RequestParam(required = false) Long unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "false") boolean overOnly, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    Compliance result = check(unitId, date, CurrentUsers.current(), locale);
    ListExport.send(response, COLUMNS, peoplePage(result, overOnly, COLUMNS.parse(parameters).forExport()).items(),
        messages, locale);
  }

  /** The whole check of today, people and units, as the workbook a region files. */
  @GetMapping("/space/compliance.xlsx")
  void complianceXlsx(@RequestParam(required = false) Long unitId, HttpServletResponse response) {
    Compliance result = compliance.check(unitId, CurrentUsers.current());
    XlsxDownload.send(response, "办公用房超标检查-" + result.on() + ".xlsx",
        new Xlsx.Sheet("人员", List.of("单位", "姓名", "职级", "房间", "核定面积(m²)", "占用面积(m²)", "超标(m²)", "适用标准"),
            result.people().stream().map(p -> List.of(p.unitName(), p.name(), p.rank(), p.rooms(), p.allowedArea(),
                p.occupiedArea(), p.excess(), p.rule()))),
        new Xlsx.Sheet("单位", List.of("单位", "编制", "核定面积(m²)", "分配面积(m²)", "超标(m²)", "适用标准"),
            result.units().stream().map(u -> List.of(u.name(), u.approvedHeadcount(), u.allowedArea(), u.occupiedArea(),
                u.excess(), u.rule()))));
  }

  @PostMapping("/space/rank-changes")
  String rankChange(@Valid @ModelAttribute("rankChangeForm") RankChangeForm form, BindingResult binding,
      @RequestParam(required = false) Long unitId, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rankHistory.record(form.getStaffId(), form.getRankCode(),
        form.getEffectiveFrom(), CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale),
        "/space/compliance" + (unitId == null ? "" : "?unitId=" + unitId) + "#rank-change-form", redirect, messages,
        locale);
  }
}
