package cn.smartaffairs.admin;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffQuery;
import cn.smartaffairs.organisation.Unit;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 用户账户: accounts and the roles they hold, per region and unit; unlock and disable. */
@PageController
@RequestMapping("/admin/accounts")
class AccountAdminController {

  private final Accounts accounts;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final MessageSource messages;
  private final Clock clock;

  AccountAdminController(Accounts accounts, OrganisationDirectory organisation, StaffDirectory staff,
      MessageSource messages, Clock clock) {
    this.accounts = accounts;
    this.organisation = organisation;
    this.staff = staff;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  String list(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
    DataScope scope = CurrentUsers.scope();
    var columns = columns(locale);
    ListQuery query = columns.parse(parameters);
    columns.show(model, query, accounts.search(query, scope));
    model.addAttribute("now", clock.instant());
    names(model);
    return "admin/accounts";
  }

  /** The list's search in its order, every page up to the export's limit, in the page's columns. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    var columns = columns(locale);
    ListExport.send(response, columns, accounts.search(columns.parse(parameters).forExport(), CurrentUsers.scope())
        .items(), messages, locale);
  }

  /** The list's columns; regions, units and roles by name. */
  private ListColumns<Accounts.AccountSummary> columns(Locale locale) {
    Map<Long, String> regions = organisation.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
    Map<Long, String> units = organisation.allUnits(DataScope.everything()).stream()
        .collect(Collectors.toMap(Unit::id, Unit::name));
    Instant now = clock.instant();
    return ListColumns.<Accounts.AccountSummary>sortedBy(Accounts.SORT_KEYS)
        .sortable("username", "signIn.username", Accounts.AccountSummary::username)
        .sortable("displayName", "accountAdmin.displayName", Accounts.AccountSummary::displayName)
        .column("staff.region", a -> regions.get(a.regionId()))
        .column("staff.unit", a -> a.unitId() == null ? null : units.get(a.unitId())).css("d-none d-md-table-cell")
        .column("home.roles", a -> a.grants().stream()
            .map(grant -> messages.getMessage("role." + grant.role(), null, locale))
            .collect(Collectors.joining(messages.getMessage("common.listSeparator", null, locale))))
        .sortable("status", "staff.status", a -> ListColumns.words(!a.enabled()
            ? "accountAdmin.disabled"
            : a.locked(now) ? "accountAdmin.locked" : "accountAdmin.active"))
        .searchedFor("accountAdmin.keywordHint").exportedAs("nav.accounts");
  }

  @GetMapping("/new")
  String newForm(Model model) {
    var form = new AccountForm();
    form.setRegionId(CurrentUsers.current().regionId());
    form.setRoles(List.of(Role.STAFF));
    return form(form, model);
  }

  @PostMapping
  String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return form(form, model);
    }
    CurrentUser admin = CurrentUsers.current();
    try {
      Long staffId = null;
      if (form.getStaffNo() != null && !form.getStaffNo().isBlank()) {
        var found = staff.search(new StaffQuery(form.getStaffNo().trim(), form.getRegionId(), null, null),
            admin.dataScope(), 0, 50).items().stream()
            .filter(member -> member.staffNo().equals(form.getStaffNo().trim())).findFirst();
        if (found.isEmpty()) {
          Object[] arguments = {form.getStaffNo()};
          binding.rejectValue("staffNo", "accountAdmin.staffUnknown", arguments,
              messages.getMessage("accountAdmin.staffUnknown", arguments, locale));
          return form(form, model);
        }
        staffId = found.get().id();
        form.setUnitId(found.get().unitId());
      }
      List<RoleGrant> grants = grants(form.getRoles(), form.getRegionId(), form.getUnitId());
      long id = accounts.createBy(new Accounts.NewAccount(form.getUsername().trim(), form.getPassword(),
          form.getDisplayName().trim(), staffId, form.getRegionId(), form.getUnitId(), grants), admin);
      redirect.addFlashAttribute("flash", messages.getMessage("accountAdmin.done.created",
          new Object[] {form.getDisplayName().trim(), form.getUsername().trim()}, locale));
      return "redirect:/admin/accounts/" + id;
    } catch (BusinessRuleException e) {
      // the page resolves the code again, so the arguments must travel with it (else it shows {0})
      Object[] arguments = roleNames(e.arguments(), locale);
      binding.reject(e.messageKey(), arguments, messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale));
      return form(form, model);
    }
  }

  @GetMapping("/{id:\\d+}")
  String detail(@PathVariable long id, Model model) {
    model.addAttribute("account", accounts.account(id, CurrentUsers.scope()));
    model.addAttribute("roles", grantableRoles());
    model.addAttribute("now", clock.instant());
    names(model);
    return "admin/account-detail";
  }

  @PostMapping("/{id:\\d+}/roles")
  String replaceRoles(@PathVariable long id, @RequestParam(required = false) List<Role> roles,
      @RequestParam(required = false) Long unitId, RedirectAttributes redirect, Locale locale) {
    var account = accounts.account(id, CurrentUsers.scope());
    try {
      accounts.replaceRoles(id, grants(roles == null ? List.of() : roles, account.regionId(),
          unitId != null ? unitId : account.unitId()), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("accountAdmin.done.roles",
          new Object[] {account.displayName()}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error",
          messages.getMessage(e.messageKey(), roleNames(e.arguments(), locale), locale));
    }
    return "redirect:/admin/accounts/" + id;
  }

  @PostMapping("/{id:\\d+}/unlock")
  String unlock(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    accounts.unlock(id, CurrentUsers.current());
    redirect.addFlashAttribute("flash", messages.getMessage("accountAdmin.unlocked", null, locale));
    return "redirect:/admin/accounts/" + id;
  }

  @PostMapping("/{id:\\d+}/enabled")
  String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect, Locale locale) {
    try {
      accounts.setEnabled(id, enabled, CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage(enabled
          ? "accountAdmin.done.enabled"
          : "accountAdmin.done.disabled", new Object[] {accounts.account(id, CurrentUsers.scope()).displayName()},
          locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
    }
    return "redirect:/admin/accounts/" + id;
  }

  private String form(AccountForm form, Model model) {
    DataScope scope = CurrentUsers.scope();
    model.addAttribute("form", form);
    model.addAttribute("regions", organisation.regions(scope));
    model.addAttribute("units", organisation.unitChoices(scope));
    model.addAttribute("roles", grantableRoles());
    return "admin/account-form";
  }

  private void names(Model model) {
    model.addAttribute("regionNames",
        organisation.regions().stream().collect(Collectors.toMap(Region::id, Region::name)));
    model.addAttribute("unitNames", organisation.allUnits(DataScope.everything()).stream()
        .collect(Collectors.toMap(Unit::id, Unit::name)));
  }

  private static List<Role> grantableRoles() {
    return CurrentUsers.current().has(Role.PLATFORM_ADMIN)
        ? List.of(Role.values())
        : java.util.Arrays.stream(Role.values()).filter(role -> role != Role.PLATFORM_ADMIN).toList();
  }

  /** Region roles are held in the account's region; unit roles in its unit. */
  private static List<RoleGrant> grants(List<Role> roles, Long regionId, Long unitId) {
    return roles.stream().distinct().map(role -> switch (role.reach()) {
      case ALL -> new RoleGrant(role, null, null);
      case UNIT -> new RoleGrant(role, regionId, unitId);
      default -> new RoleGrant(role, regionId, null);
    }).toList();
  }

  private Object[] roleNames(Object[] arguments, Locale locale) {
    Function<Object, Object> name = argument -> {
      try {
        return messages.getMessage("role." + Role.valueOf(String.valueOf(argument)).name(), null, locale);
      } catch (IllegalArgumentException e) {
        return argument;
      }
    };
    return arguments == null ? null : java.util.Arrays.stream(arguments).map(name).toArray();
  }

}
