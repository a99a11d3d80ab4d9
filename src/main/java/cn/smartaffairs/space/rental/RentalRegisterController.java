package cn.smartaffairs.space.rental;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.SafetyCheck;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registers of letting, each a list searched, sorted, paged and exported: the lettable spaces with who rents them
 * today, the tenants, and the safety checks. They grow with the years; a region has tens to hundreds of each, read
 * whole and sorted in memory. The forms that add to them stay on the rentals overview.
 */
@PageController
@RequestMapping("/space/rentals")
class RentalRegisterController {

  static final SortKeys LETTABLE_SORT_KEYS = SortKeys.builder().ascending("name").ascending("building")
      .descending("area").ascending("purpose").ascending("tenant").byDefault("name").inMemory();
  private static final Map<String, Comparator<Lettable>> LETTABLE_ORDERS = Map.of(
      "name", SortKeys.byPinyin(Lettable::name),
      "building", SortKeys.byPinyin((Lettable s) -> s.buildingName() + " " + (s.roomNumber() == null
          ? ""
          : s.roomNumber())),
      "area", SortKeys.byValue(Lettable::areaM2),
      "purpose", SortKeys.byPinyin(Lettable::purpose),
      "tenant", SortKeys.byPinyin(Lettable::currentTenant));

  static final ListColumns<Lettable> LETTABLE_COLUMNS = ListColumns.<Lettable>sortedBy(LETTABLE_SORT_KEYS)
      .sortable("name", "space.rental.name", Lettable::name)
      .sortable("building", "space.rental.building", Lettable::buildingName)
      .exportOnly("space.rental.room", Lettable::roomNumber)
      .sortable("area", "space.rental.areaM2", Lettable::areaM2)
      .sortable("purpose", "space.rental.purpose", Lettable::purpose).css("d-none d-md-table-cell")
      .sortable("tenant", "space.rental.currentTenant", s -> s.currentTenant() != null
          ? s.currentTenant()
          : ListColumns.words("space.rental.vacant"))
      .searchedFor("space.rental.lettableSearch").pagedBy(50).exportedAs("space.rental.lettables");

  static final SortKeys TENANT_SORT_KEYS = SortKeys.builder().ascending("name").ascending("creditCode")
      .ascending("contact").byDefault("name").inMemory();
  private static final Map<String, Comparator<Tenant>> TENANT_ORDERS = Map.of(
      "name", SortKeys.byPinyin(Tenant::name),
      "creditCode", SortKeys.byValue(Tenant::creditCode),
      "contact", SortKeys.byPinyin(Tenant::contactName));

  static final ListColumns<Tenant> TENANT_COLUMNS = ListColumns.<Tenant>sortedBy(TENANT_SORT_KEYS)
      .sortable("name", "space.rental.tenantName", Tenant::name)
      .sortable("creditCode", "space.rental.creditCode", Tenant::creditCode)
      .sortable("contact", "space.rental.contactName", Tenant::contactName)
      .column("space.rental.contactPhone", Tenant::contactPhone)
      .searchedFor("space.rental.tenantSearch").pagedBy(50).exportedAs("space.rental.tenants");

  /** The latest check first unless asked otherwise. */
  static final SortKeys CHECK_SORT_KEYS = SortKeys.builder().descending("checkedOn").ascending("lettable")
      .ascending("inspector").ascending("result").byDefault("checkedOn").inMemory();
  private static final Map<String, Comparator<SafetyCheck>> CHECK_ORDERS = Map.of(
      "checkedOn", SortKeys.byValue(SafetyCheck::checkedOn).thenComparing(Comparator.comparingLong(SafetyCheck::id)),
      "lettable", SortKeys.byPinyin(SafetyCheck::lettableName),
      "inspector", SortKeys.byPinyin(SafetyCheck::inspector),
      "result", SortKeys.byValue(SafetyCheck::result));

  static final ListColumns<SafetyCheck> CHECK_COLUMNS = ListColumns.<SafetyCheck>sortedBy(CHECK_SORT_KEYS)
      .sortable("checkedOn", "space.rental.checkedOn", SafetyCheck::checkedOn)
      .sortable("lettable", "space.rental.lettable", SafetyCheck::lettableName)
      .sortable("inspector", "space.rental.inspector", SafetyCheck::inspector)
      .sortable("result", "space.rental.result", c -> ListColumns.words("space.rental.result." + c.result()))
      .column("space.rental.notes", SafetyCheck::notes)
      .searchedFor("space.rental.checkSearch").pagedBy(50).exportedAs("space.rental.safetyChecks");

  private final RentalParties parties;
  private final MessageSource messages;

  RentalRegisterController(RentalParties parties, MessageSource messages) {
    this.parties = parties;
    this.messages = messages;
  }

  private static CurrentUser manager() {
    CurrentUser user = CurrentUsers.current();
    Rentals.requireManagerOfOwnRegion(user);
    return user;
  }

  private Page<Lettable> lettablePage(ListQuery query, CurrentUser user) {
    return query.pageOf(parties.lettables(user), s -> ListQuery.searchable(s.name(), s.buildingName(),
        s.roomNumber(), s.purpose(), s.currentTenant()), LETTABLE_ORDERS);
  }

  private Page<Tenant> tenantPage(ListQuery query, CurrentUser user) {
    return query.pageOf(parties.tenants(user), t -> ListQuery.searchable(t.name(), t.creditCode(), t.contactName(),
        t.contactPhone()), TENANT_ORDERS);
  }

  private Page<SafetyCheck> checkPage(ListQuery query, CurrentUser user) {
    return query.pageOf(parties.safetyChecks(user), c -> ListQuery.searchable(c.lettableName(), c.inspector(),
        c.notes()), CHECK_ORDERS);
  }

  @GetMapping("/lettables")
  String lettables(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = LETTABLE_COLUMNS.parse(parameters);
    LETTABLE_COLUMNS.show(model, query, lettablePage(query, manager()));
    return "space/rental/lettables";
  }

  @GetMapping("/lettables/export.xlsx")
  void exportLettables(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, LETTABLE_COLUMNS, lettablePage(LETTABLE_COLUMNS.parse(parameters).forExport(),
        manager()).items(), messages, locale);
  }

  @GetMapping("/tenants")
  String tenants(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = TENANT_COLUMNS.parse(parameters);
    TENANT_COLUMNS.show(model, query, tenantPage(query, manager()));
    return "space/rental/tenants";
  }

  @GetMapping("/tenants/export.xlsx")
  void exportTenants(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, TENANT_COLUMNS, tenantPage(TENANT_COLUMNS.parse(parameters).forExport(), manager())
        .items(), messages, locale);
  }

  @GetMapping("/safety-checks")
  String safetyChecks(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = CHECK_COLUMNS.parse(parameters);
    CHECK_COLUMNS.show(model, query, checkPage(query, manager()));
    return "space/rental/safety-checks";
  }

  @GetMapping("/safety-checks/export.xlsx")
  void exportSafetyChecks(@RequestParam Map<String, String> parameters, HttpServletResponse response,
      Locale locale) {
    ListExport.send(response, CHECK_COLUMNS, checkPage(CHECK_COLUMNS.parse(parameters).forExport(), manager())
        .items(), messages, locale);
  }
}
