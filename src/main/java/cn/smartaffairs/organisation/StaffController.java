package cn.smartaffairs.organisation;

import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 干部职工 pages: the searchable list with export, the form, and the Excel import. */
@PageController
@RequestMapping("/staff")
class StaffController {

  /** Which form field a business rule's message belongs next to. */
  private static final Map<String, String> RULE_FIELDS = Map.of(
      "staff.staffNoTaken", "staffNo", "staff.mobileInvalid", "mobile", "staff.departmentNotInUnit", "departmentId",
      "staff.statusDateRequired", "statusChangedOn", "staff.rankUnknown", "rankCode");

  private final StaffDirectory staff;
  private final StaffImport staffImport;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  StaffController(StaffDirectory staff, StaffImport staffImport, OrganisationDirectory organisation,
      MessageSource messages) {
    this.staff = staff;
    this.staffImport = staffImport;
    this.organisation = organisation;
    this.messages = messages;
  }

  /** The list's columns, for its page and its export's order. */
  static final ListColumns<StaffMember> COLUMNS = ListColumns.<StaffMember>sortedBy(StaffDirectory.SORT_KEYS)
      .sortable("staffNo", "staff.staffNo", StaffMember::staffNo)
      .sortable("name", "staff.name", StaffMember::name)
      .sortable("unit", "staff.unit", StaffMember::unitName)
      .sortable("department", "staff.department", StaffMember::departmentName).css("d-none d-lg-table-cell")
      .sortable("postTitle", "staff.postTitle", StaffMember::postTitle).css("d-none d-md-table-cell")
      .sortable("rank", "staff.rank", StaffMember::rankName)
      .column("staff.mobile", StaffMember::mobileMasked).css("d-none d-md-table-cell")
      .sortable("status", "staff.status", m -> ListColumns.words("staff.status." + m.status()))
      .searchedFor("staff.keywordHint").exportedAs("nav.staff");

  @GetMapping
  String list(@ModelAttribute("query") StaffQuery query, @RequestParam Map<String, String> parameters, Model model) {
    DataScope scope = CurrentUsers.scope();
    ListQuery list = COLUMNS.parse(parameters);
    COLUMNS.show(model, list, staff.search(filter(query, list), list, scope));
    model.addAttribute("units", organisation.unitChoices(scope));
    model.addAttribute("statuses", StaffStatus.values());
    DataScope editable = StaffDirectory.editScope(CurrentUsers.current());
    model.addAttribute("canEdit", editable.all() || !editable.regionIds().isEmpty() || !editable.unitIds().isEmpty());
    return "organisation/staff-list";
  }

  /**
   * The list's search in its order as a workbook in the import's own columns (not the page's), so that it can be
   * edited and imported back (更新).
   */
  @GetMapping("/export.xlsx")
  void export(@ModelAttribute StaffQuery query, @RequestParam Map<String, String> parameters,
      HttpServletResponse response) throws IOException {
    ListQuery list = COLUMNS.parse(parameters);
    XlsxDownload.prepare(response, "干部职工.xlsx");
    staffImport.writeExport(response.getOutputStream(), filter(query, list), list, CurrentUsers.scope(),
        StaffDirectory.editScope(CurrentUsers.current()));
  }

  /** The page's filters with the list's search text as their keyword. */
  private static StaffQuery filter(StaffQuery query, ListQuery list) {
    return new StaffQuery(list.search(), query.regionId(), query.unitId(), query.status());
  }

  @GetMapping("/{id:\\d+}")
  String detail(@PathVariable long id, Model model) {
    StaffMember member = staff.get(id, CurrentUsers.scope());
    model.addAttribute("member", member);
    model.addAttribute("canEdit", StaffDirectory.editScope(CurrentUsers.current())
        .permits(member.regionId(), member.unitId(), null));
    return "organisation/staff-detail";
  }

  @GetMapping("/new")
  String newForm(@RequestParam(required = false) Long unitId, Model model) {
    var form = new StaffForm();
    form.setUnitId(unitId);
    return form(form, null, model);
  }

  @GetMapping("/{id:\\d+}/edit")
  String editForm(@PathVariable long id, Model model) {
    DataScope scope = StaffDirectory.editScope(CurrentUsers.current());
    return form(StaffForm.of(staff.get(id, scope), staff.mobileOf(id, scope)), id, model);
  }

  @PostMapping({"", "/{id:\\d+}"})
  String save(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") StaffForm form,
      BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return form(form, id, model);
    }
    try {
      long savedId;
      if (id == null) {
        savedId = staff.create(form.toDraft(), StaffDirectory.editScope(CurrentUsers.current()));
      } else {
        staff.update(id, form.toDraft(), StaffDirectory.editScope(CurrentUsers.current()));
        savedId = id;
      }
      redirect.addFlashAttribute("flash", messages.getMessage(id == null ? "staff.done.created" : "staff.done.updated",
          new Object[] {form.getName() == null ? "" : form.getName().strip()}, locale));
      return "redirect:/staff/" + savedId;
    } catch (BusinessRuleException e) {
      String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
      String field = RULE_FIELDS.get(e.messageKey());
      // with the arguments: the page resolves the code again, and without them would show a bare {0}
      if (field != null) {
        binding.rejectValue(field, e.messageKey(), e.arguments(), message);
      } else {
        binding.reject(e.messageKey(), e.arguments(), message);
      }
      return form(form, id, model);
    }
  }

  private String form(StaffForm form, Long id, Model model) {
    DataScope scope = CurrentUsers.scope();
    model.addAttribute("form", form);
    model.addAttribute("staffId", id);
    model.addAttribute("units", organisation.unitChoices(scope));
    model.addAttribute("departments", form.getUnitId() == null
        ? List.of()
        : organisation.departments(organisation.unit(form.getUnitId(), scope).id()));
    model.addAttribute("ranks", organisation.ranks());
    model.addAttribute("statuses", StaffStatus.values());
    return "organisation/staff-form";
  }

  /** The department options of a unit, swapped into the form by htmx when the unit changes. */
  @GetMapping("/departments")
  String departmentOptions(@RequestParam(required = false) Long unitId, Model model) {
    model.addAttribute("departments", unitId == null
        ? List.of()
        : organisation.departments(organisation.unit(unitId, CurrentUsers.scope()).id()));
    return "organisation/staff-form :: departmentOptions";
  }

  @GetMapping("/import")
  String importPage(Model model) {
    model.addAttribute("importModes", StaffImportMode.values());
    model.addAttribute("importMode", StaffImportMode.CREATE);
    return "organisation/staff-import";
  }

  @GetMapping("/import/template.xlsx")
  void template(HttpServletResponse response) throws IOException {
    XlsxDownload.prepare(response, "干部职工导入模板.xlsx");
    staffImport.writeTemplate(response.getOutputStream(), CurrentUsers.scope());
  }

  @PostMapping("/import")
  String importWorkbook(@RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "CREATE") StaffImportMode mode, Model model, Locale locale) {
    model.addAttribute("importModes", StaffImportMode.values());
    model.addAttribute("importMode", mode);
    try {
      int imported = staffImport.importWorkbook(file.getInputStream(), mode,
          StaffDirectory.editScope(CurrentUsers.current()), locale);
      model.addAttribute("imported", imported);
    } catch (ImportRejectedException e) {
      model.addAttribute("errors", e.errors());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "organisation/staff-import";
  }
}
