package cn.smartaffairs.admin;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接口密钥 page: the keys integrations (canteen terminals, the hotline desk) call the API with. A new key's
 * secret is shown once in the answer to the form and never again; revoking a key stops it at once.
 */
@PageController
@RequestMapping("/admin/api-keys")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REGION_ADMIN')")
class ApiKeyController {

  /** Which form field a rule of {@link ApiCredentials#createApiKey} belongs next to. */
  private static final Map<String, String> RULE_FIELDS = Map.of(
      "apiKey.nameRequired", "name", "apiKey.scopeRequired", "scopes", "error.notFound", "regionId");

  private final ApiCredentials credentials;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  ApiKeyController(ApiCredentials credentials, OrganisationDirectory organisation, MessageSource messages) {
    this.credentials = credentials;
    this.organisation = organisation;
    this.messages = messages;
  }

  /** One line of the list, with its region by name and its times in China Standard Time. */
  record KeyLine(ApiCredentials.ApiKey key, String regionName, List<String> scopeLabels, String createdAt,
      String lastUsedAt, String revokedAt) {}

  /** A key just created: the only moment its secret is shown. */
  record NewKey(String name, String secret) {}

  /** Keys are tens: sorted in memory, the newest first unless asked otherwise. */
  static final SortKeys SORT_KEYS = SortKeys.builder().ascending("name").ascending("region").descending("createdAt")
      .descending("lastUsedAt").ascending("status").byDefault("createdAt").inMemory();
  private static final Map<String, Comparator<KeyLine>> ORDERS = Map.of(
      "name", SortKeys.byPinyin(line -> line.key().name()),
      "region", SortKeys.byPinyin(KeyLine::regionName),
      "createdAt", SortKeys.byValue(line -> line.key().createdAt()),
      "lastUsedAt", SortKeys.byValue(line -> line.key().lastUsedAt()),
      "status", Comparator.comparing(line -> !line.key().active()));

  /** The list's columns, for the page and its export; the export names each scope and the time of a revocation. */
  static final ListColumns<KeyLine> COLUMNS = ListColumns.<KeyLine>sortedBy(SORT_KEYS)
      .sortable("name", "apiKey.name", line -> line.key().name())
      .column("apiKey.prefix", line -> line.key().keyPrefix())
      .sortable("region", "apiKey.region", KeyLine::regionName)
      .column("apiKey.scopes", line -> String.join("、", line.scopeLabels()))
      .sortable("createdAt", "apiKey.createdAt", line -> line.key().createdAt()).css("d-none d-md-table-cell")
      .sortable("lastUsedAt", "apiKey.lastUsedAt", line -> line.key().lastUsedAt()).css("d-none d-md-table-cell")
      .sortable("status", "apiKey.status", line -> ListColumns.words(line.key().active()
          ? "apiKey.active"
          : "apiKey.revokedState"))
      .exportOnly("apiKey.revokedAtColumn", line -> line.key().revokedAt())
      .pageOnly("common.actions")
      .searchedFor("apiKey.search").exportedAs("nav.apiKeys");

  @GetMapping
  String list(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
    var form = new ApiKeyForm();
    form.setRegionId(CurrentUsers.current().regionId());
    return page(form, COLUMNS.parse(parameters), model, locale);
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, keyPage(COLUMNS.parse(parameters).forExport(), locale).items(), messages,
        locale);
  }

  @PostMapping
  String create(@Valid @ModelAttribute("form") ApiKeyForm form, BindingResult binding, Model model, Locale locale) {
    if (binding.hasErrors()) {
      return page(form, ListQuery.first(SORT_KEYS), model, locale);
    }
    CurrentUser user = CurrentUsers.current();
    try {
      var issued = credentials.createApiKey(form.getName(), form.getRegionId(), form.getScopes(), user);
      model.addAttribute("newKey", new NewKey(form.getName().trim(), issued.secret()));
      var fresh = new ApiKeyForm();
      fresh.setRegionId(form.getRegionId());
      return page(fresh, ListQuery.first(SORT_KEYS), model, locale);
    } catch (BusinessRuleException e) {
      Object[] arguments = e.messageKey().equals("error.notFound")
          ? new Object[] {messages.getMessage("entity.region", null, locale), form.getRegionId()}
          : e.arguments();
      // with its arguments: the page resolves the error code again and would otherwise show bare {0}
      binding.rejectValue(RULE_FIELDS.getOrDefault(e.messageKey(), "name"), e.messageKey(), arguments,
          messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale));
      return page(form, ListQuery.first(SORT_KEYS), model, locale);
    }
  }

  @PostMapping("/{id:\\d+}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    credentials.revokeApiKey(id, CurrentUsers.current());
    redirect.addFlashAttribute("flash", messages.getMessage("apiKey.revoked", null, locale));
    return "redirect:/admin/api-keys";
  }

  private String page(ApiKeyForm form, ListQuery query, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("form", form);
    COLUMNS.show(model, query, keyPage(query, locale));
    model.addAttribute("regions", organisation.regions(ApiCredentials.administeredBy(user)));
    model.addAttribute("scopes", ApiScope.values());
    return "admin/api-keys";
  }

  /** The keys the caller administers, with their regions by name and their scopes in words, searched and sorted. */
  private Page<KeyLine> keyPage(ListQuery query, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Map<Long, String> regionNames = organisation.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
    List<KeyLine> lines = credentials.apiKeys(ApiCredentials.administeredBy(user)).stream()
        .map(key -> new KeyLine(key, regionNames.get(key.regionId()),
            key.scopes().stream().map(scope -> scopeLabel(scope, locale)).toList(),
            AuditController.time(key.createdAt()),
            AuditController.time(key.lastUsedAt()), AuditController.time(key.revokedAt())))
        .toList();
    return query.pageOf(lines, line -> ListQuery.searchable(line.key().name(), line.key().keyPrefix(),
        line.regionName()), ORDERS);
  }

  /** A scope by its name in the page's language; a scope no longer known shows as stored. */
  private String scopeLabel(String scope, Locale locale) {
    return Arrays.stream(ApiScope.values()).filter(candidate -> candidate.scope().equals(scope)).findFirst()
        .map(known -> messages.getMessage("apiScope." + known.name(), null, scope, locale))
        .orElse(scope);
  }
}
