package cn.smartaffairs.organisation;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import jakarta.servlet.http.HttpServletResponse;
import cn.smartaffairs.excel.ImportRejectedException;
import java.io.IOException;
import java.util.Map;
import cn.smartaffairs.platform.BusinessRuleException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 部门单位 pages: the list with export and a unit with its departments. */
@PageController
@RequestMapping("/units")
class UnitController {

  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;

  private final UnitImport unitImport;
  private final MessageSource messages;

  UnitController(OrganisationDirectory organisation, StaffDirectory staff, UnitImport unitImport,
      MessageSource messages) {
    this.organisation = organisation;
    this.staff = staff;
    this.unitImport = unitImport;
    this.messages = messages;
  }

  /** The list's columns, for its page and its export. */
  static final ListColumns<Unit> COLUMNS = ListColumns.<Unit>sortedBy(OrganisationDirectory.SORT_KEYS)
      .sortable("region", "unit.region", Unit::regionName)
      .sortable("code", "unit.code", Unit::code)
      .sortable("name", "unit.name", Unit::name)
      .sortable("level", "unit.level", u -> ListColumns.words("unit.level." + u.governmentLevel()))
      .css("d-none d-md-table-cell")
      .sortable("nature", "unit.nature", u -> ListColumns.words("unit.nature." + u.nature()))
      .css("d-none d-md-table-cell")
      .sortable("headcount", "unit.headcount", Unit::approvedHeadcount)
      .sortable("activeStaff", "unit.activeStaff", Unit::activeStaff)
      .searchedFor("unit.keywordHint").exportedAs("nav.units");

  @GetMapping
  String list(@RequestParam(required = false) Long regionId, @RequestParam Map<String, String> parameters,
      Model model) {
    DataScope scope = CurrentUsers.scope();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, organisation.units(query, regionId, scope));
    model.addAttribute("regions", organisation.regions(scope));
    model.addAttribute("regionId", regionId);
    return "organisation/unit-list";
  }

  /** The list's search in its order, every page up to the export's limit, in the page's columns. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam(required = false) Long regionId, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListQuery query = COLUMNS.parse(parameters).forExport();
    ListExport.send(response, COLUMNS, organisation.units(query, regionId, CurrentUsers.scope()).items(), messages,
        locale);
  }

  @GetMapping("/import")
  String importPage() {
    return "organisation/unit-import";
  }

  @GetMapping("/import/template.xlsx")
  void template(HttpServletResponse response) throws IOException {
    XlsxDownload.prepare(response, "部门单位导入模板.xlsx");
    unitImport.writeTemplate(response.getOutputStream(), CurrentUsers.scope());
  }

  @PostMapping("/import")
  String importWorkbook(@RequestParam("file") MultipartFile file, Model model, Locale locale) throws IOException {
    try {
      model.addAttribute("imported", unitImport.importWorkbook(file.getInputStream(), CurrentUsers.scope(), locale));
    } catch (ImportRejectedException e) {
      model.addAttribute("errors", e.errors());
    }
    return "organisation/unit-import";
  }

  @GetMapping("/{id:\\d+}/edit")
  String editForm(@PathVariable long id, Model model) {
    Unit unit = organisation.unit(id, StaffDirectory.editScope(CurrentUsers.current()));
    return form(unit, UnitForm.of(unit), model);
  }

  @PostMapping("/{id:\\d+}")
  String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    DataScope editScope = StaffDirectory.editScope(CurrentUsers.current());
    if (binding.hasErrors()) {
      return form(organisation.unit(id, editScope), form, model);
    }
    try {
      organisation.updateUnit(id, form.toChange(), editScope);
    } catch (BusinessRuleException e) {
      binding.reject(e.messageKey(), e.arguments(),
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return form(organisation.unit(id, editScope), form, model);
    }
    redirect.addFlashAttribute("flash", messages.getMessage("unit.done.updated",
        new Object[] {form.getName().strip()}, locale));
    return "redirect:/units/" + id;
  }

  private String form(Unit unit, UnitForm form, Model model) {
    model.addAttribute("unit", unit);
    model.addAttribute("form", form);
    model.addAttribute("levels", GovernmentLevel.values());
    model.addAttribute("natures", UnitNature.values());
    return "organisation/unit-form";
  }

  @PostMapping("/{id:\\d+}/departments")
  String addDepartment(@PathVariable long id, @Valid @ModelAttribute("departmentForm") DepartmentForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/units/" + id, redirect);
    }
    try {
      organisation.addDepartment(id, form.getParentId(), form.getName(),
          StaffDirectory.editScope(CurrentUsers.current()));
      redirect.addFlashAttribute("flash", messages.getMessage("unit.done.departmentAdded",
          new Object[] {form.getName().strip()}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:/units/" + id;
  }

  @GetMapping("/{id:\\d+}")
  String detail(@PathVariable long id, Model model) {
    DataScope scope = CurrentUsers.scope();
    Unit unit = organisation.unit(id, scope);
    DataScope editable = StaffDirectory.editScope(CurrentUsers.current());
    model.addAttribute("canEditUnit", editable.all() || editable.regionIds().contains(unit.regionId()));
    model.addAttribute("canAddDepartment", editable.permits(unit.regionId(), unit.id(), null));
    model.addAttribute("unit", unit);
    model.addAttribute("departments", organisation.departments(id));
    model.addAttribute("staffPage", staff.search(new StaffQuery(null, null, id, StaffStatus.ACTIVE), scope, 0, 10));
    if (!model.containsAttribute("departmentForm")) {
      model.addAttribute("departmentForm", new DepartmentForm());
    }
    return "organisation/unit-detail";
  }
}
