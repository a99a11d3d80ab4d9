package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.canteen.kitchen.CanteenSite;
import cn.smartaffairs.canteen.kitchen.MenuItem;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The canteen manager's procurement pages: suppliers, purchase requests with two rounds, inspections, traceability. */
@PageController
class ProcurementController {

  private final Menus menus;
  private final Suppliers suppliers;
  private final PurchaseRequests requests;
  private final ReceivingInspections inspections;
  private final Traceability traceability;
  private final MessageSource messages;
  private final Clock clock;

  ProcurementController(Menus menus, Suppliers suppliers, PurchaseRequests requests, ReceivingInspections inspections,
      Traceability traceability, MessageSource messages, Clock clock) {
    this.menus = menus;
    this.suppliers = suppliers;
    this.requests = requests;
    this.inspections = inspections;
    this.traceability = traceability;
    this.messages = messages;
    this.clock = clock;
  }

  /** The suppliers, a register of tens per region, sorted in memory. */
  static final SortKeys SUPPLIER_SORT_KEYS = SortKeys.builder().ascending("name").ascending("address")
      .descending("usable").ascending("licenceExpiry").byDefault("name").inMemory();

  /** The suppliers list's columns, for its page and its export (the licences in the reader's words). */
  private ListColumns<Supplier> supplierColumns(LocalDate today, Locale locale) {
    return ListColumns.<Supplier>sortedBy(SUPPLIER_SORT_KEYS)
        .sortable("name", "canteen.kitchen.supplierName", Supplier::name)
        .sortable("address", "canteen.kitchen.address", Supplier::address).css("d-none d-md-table-cell")
        .column("canteen.kitchen.contact", Supplier::contact).css("d-none d-md-table-cell")
        .sortable("usable", "canteen.kitchen.supplierState", s -> ListColumns.words(s.usableOn(today)
            ? "canteen.kitchen.usable"
            : "canteen.kitchen.notUsable"))
        .sortable("licenceExpiry", "canteen.kitchen.licences", s -> s.licences().stream()
            .map(l -> messages.getMessage("canteen.kitchen.licence." + l.kind(), null, locale) + " " + l.number()
                + " · " + messages.getMessage("canteen.kitchen.expiresOn", null, locale) + " " + l.expiresOn())
            .collect(java.util.stream.Collectors.joining("\n")))
        .searchedFor("canteen.kitchen.supplierSearch").pagedBy(50).exportedAs("canteen.kitchen.suppliersTitle");
  }

  private static Map<String, Comparator<Supplier>> supplierOrders(LocalDate today) {
    return Map.of(
        "name", SortKeys.byPinyin(Supplier::name),
        "address", SortKeys.byPinyin(Supplier::address),
        "usable", SortKeys.byValue((Supplier s) -> s.usableOn(today)),
        "licenceExpiry", SortKeys.byValue((Supplier s) -> s.licences().stream().map(Supplier.Licence::expiresOn)
            .min(Comparator.naturalOrder()).orElse(LocalDate.MAX)));
  }

  private Page<Supplier> supplierPage(ListQuery query, LocalDate today) {
    return query.pageOf(suppliers.suppliers(CurrentUsers.current()),
        s -> ListQuery.searchable(s.name(), s.address(), s.contact()), supplierOrders(today));
  }

  @GetMapping("/canteen/procurement/suppliers")
  String suppliersPage(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
    LocalDate today = today();
    var columns = supplierColumns(today, locale);
    ListQuery query = columns.parse(parameters);
    columns.show(model, query, supplierPage(query, today));
    model.addAttribute("today", today);
    model.addAttribute("licenceKinds", LicenceKind.values());
    if (!model.containsAttribute("supplierForm")) {
      model.addAttribute("supplierForm", new SupplierForm());
    }
    if (!model.containsAttribute("licenceForm")) {
      model.addAttribute("licenceForm", new LicenceForm());
    }
    model.addAttribute("newLicenceForm", new LicenceForm());
    return "canteen/suppliers";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/canteen/procurement/suppliers/export.xlsx")
  void exportSuppliers(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    LocalDate today = today();
    var columns = supplierColumns(today, locale);
    ListExport.send(response, columns, supplierPage(columns.parse(parameters).forExport(), today).items(), messages,
        locale);
  }

  @PostMapping("/canteen/procurement/suppliers")
  String createSupplier(@Valid @ModelAttribute("supplierForm") SupplierForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> suppliers.create(form.getName(), form.getAddress(),
        form.getContact(), CurrentUsers.current()), saved(locale), "/canteen/procurement/suppliers", redirect,
        messages, locale);
  }

  @PostMapping("/canteen/procurement/suppliers/{id}/licences")
  String addLicence(@PathVariable long id, @Valid @ModelAttribute("licenceForm") LicenceForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.setSupplierId(id);
    return PageOutcome.redirectAfter(binding, () -> suppliers.addLicence(id, form.getKind().name(), form.getNumber(),
        form.getExpiresOn(), CurrentUsers.current()), saved(locale),
        "/canteen/procurement/suppliers#supplier-" + id, redirect, messages, locale);
  }

  /** The requests' columns, for the page and its export: the quotes of each round as "supplier ¥price". */
  static final ListColumns<PurchaseRequest> REQUEST_COLUMNS = ListColumns
      .<PurchaseRequest>sortedBy(PurchaseRequests.SORT_KEYS)
      .sortable("created", "canteen.kitchen.requestNo", PurchaseRequest::id)
      .sortable("item", "canteen.kitchen.itemName", PurchaseRequest::itemName)
      .exportOnly("canteen.kitchen.spec", PurchaseRequest::spec)
      .column("canteen.kitchen.quantity", r -> r.quantity().toPlainString() + r.unit())
      .sortable("neededBy", "canteen.kitchen.neededBy", PurchaseRequest::neededBy).css("d-none d-md-table-cell")
      .sortable("status", "canteen.kitchen.requestState",
          r -> ListColumns.words("canteen.kitchen.requestStatus." + r.status()))
      .column("canteen.kitchen.round1", r -> quotes(r, 1))
      .column("canteen.kitchen.round2", r -> quotes(r, 2))
      .exportOnly("canteen.kitchen.awardedTo", r -> r.awarded() == null ? null : r.awarded().supplierName())
      .pageOnly("canteen.kitchen.quote")
      .searchedFor("canteen.kitchen.requestSearch").exportedAs("canteen.kitchen.requestsTitle");

  private static String quotes(PurchaseRequest request, int round) {
    return request.round(round).stream()
        .map(q -> q.supplierName() + " ¥" + Money.ofFen(q.unitPriceFen()).plain())
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @GetMapping("/canteen/procurement/requests")
  String requestsPage(@RequestParam(required = false) Long site, @RequestParam Map<String, String> parameters,
      Model model) {
    CurrentUser user = CurrentUsers.current();
    CanteenSite chosen = chooseSite(site, user, model);
    if (chosen != null) {
      ListQuery query = REQUEST_COLUMNS.parse(parameters);
      REQUEST_COLUMNS.show(model, query, requests.search(chosen.id(), query, user));
      model.addAttribute("suppliers", suppliers.suppliers(user).stream().filter(s -> s.usableOn(today())).toList());
    }
    if (!model.containsAttribute("requestForm")) {
      model.addAttribute("requestForm", new PurchaseRequestForm());
    }
    if (!model.containsAttribute("quoteForm")) {
      model.addAttribute("quoteForm", new QuoteForm());
    }
    model.addAttribute("newQuoteForm", new QuoteForm());
    return "canteen/purchase-requests";
  }

  /** A canteen's requests in the list's search and order, up to the export's limit. */
  @GetMapping("/canteen/procurement/requests/export.xlsx")
  void exportRequests(@RequestParam long site, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListExport.send(response, REQUEST_COLUMNS, requests.search(site, REQUEST_COLUMNS.parse(parameters).forExport(),
        CurrentUsers.current()).items(), messages, locale);
  }

  @PostMapping("/canteen/procurement/requests")
  String createRequest(@Valid @ModelAttribute("requestForm") PurchaseRequestForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> requests.create(form.getSiteId(), form.getItemName(),
        form.getSpec(), form.getQuantity(), form.getUnit(), form.getNeededBy(), CurrentUsers.current()), saved(locale),
        "/canteen/procurement/requests" + siteQuery(form.getSiteId(), null), redirect, messages, locale);
  }

  @PostMapping("/canteen/procurement/requests/{id}/quotes")
  String quote(@PathVariable long id, @Valid @ModelAttribute("quoteForm") QuoteForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    form.setRequestId(id);
    return PageOutcome.redirectAfter(binding, () -> requests.quote(id, form.getSupplierId(), form.unitPriceFen(),
        CurrentUsers.current()), saved(locale),
        "/canteen/procurement/requests" + siteQuery(form.getSiteId(), null) + "#request-" + id, redirect, messages,
        locale);
  }

  @PostMapping("/canteen/procurement/requests/{id}/second-round")
  String secondRound(@PathVariable long id, @RequestParam long siteId, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> requests.openSecondRound(id, CurrentUsers.current()),
        "/canteen/procurement/requests?site=" + siteId + "#request-" + id, redirect, messages, locale);
  }

  @PostMapping("/canteen/procurement/requests/{id}/award")
  String award(@PathVariable long id, @RequestParam long siteId, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> requests.award(id, CurrentUsers.current()),
        "/canteen/procurement/requests?site=" + siteId + "#request-" + id, redirect, messages, locale);
  }

  /** The received batches' columns, for the page and its export (进货查验记录 with every statutory field). */
  static final ListColumns<Batch> BATCH_COLUMNS = ListColumns.<Batch>sortedBy(ReceivingInspections.SORT_KEYS)
      .column("canteen.kitchen.batchId", Batch::id)
      .sortable("item", "canteen.kitchen.itemName", Batch::itemName)
      .column("canteen.kitchen.spec", Batch::spec)
      .column("canteen.kitchen.quantity", b -> b.quantity().toPlainString() + b.unit())
      .exportOnly("canteen.kitchen.unitPriceYuan", b -> Money.ofFen(b.unitPriceFen()))
      .column("canteen.kitchen.batchNo", Batch::batchNo)
      .sortable("productionDate", "canteen.kitchen.productionDate", Batch::productionDate)
      .column("canteen.kitchen.shelfLifeDays", Batch::shelfLifeDays)
      .sortable("receivedOn", "canteen.kitchen.receivedOn", Batch::receivedOn)
      .sortable("supplier", "canteen.kitchen.supplierName",
          b -> b.supplierName() + " / " + b.supplierAddress() + " / " + b.supplierContact())
      .column("canteen.kitchen.inspector", Batch::inspector)
      .column("canteen.kitchen.pesticideTest", b -> ListColumns.words("canteen.kitchen.test." + b.pesticideTest()))
      .sortable("result", "canteen.kitchen.result", b -> ListColumns.words("canteen.kitchen.result." + b.result()))
      .column("canteen.kitchen.keepUntil", Batch::keepUntil)
      .exportOnly("canteen.kitchen.note", Batch::note)
      .searchedFor("canteen.kitchen.batchSearch").exportedAs("canteen.kitchen.batchesTitle");

  @GetMapping("/canteen/procurement/batches")
  String batchesPage(@RequestParam(required = false) Long site, @RequestParam Map<String, String> parameters,
      Model model) {
    CurrentUser user = CurrentUsers.current();
    CanteenSite chosen = chooseSite(site, user, model);
    model.addAttribute("today", today());
    if (chosen != null) {
      ListQuery query = BATCH_COLUMNS.parse(parameters);
      BATCH_COLUMNS.show(model, query, inspections.search(chosen.id(), query, user));
      model.addAttribute("suppliers", suppliers.suppliers(user).stream().filter(s -> s.usableOn(today())).toList());
      model.addAttribute("awarded", requests.requests(chosen.id(), user).stream()
          .filter(r -> r.awardedQuoteId() != null).toList());
    }
    model.addAttribute("pesticideTests", PesticideTest.values());
    if (!model.containsAttribute("inspectionForm")) {
      var form = new InspectionForm();
      form.setReceivedOn(today());
      form.setPesticideTest(PesticideTest.PASS);
      form.setAccepted(true);
      model.addAttribute("inspectionForm", form);
    }
    return "canteen/batches";
  }

  /** A canteen's received batches in the list's search and order, up to the export's limit. */
  @GetMapping("/canteen/procurement/batches/export.xlsx")
  void exportBatches(@RequestParam long site, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListExport.send(response, BATCH_COLUMNS, inspections.search(site, BATCH_COLUMNS.parse(parameters).forExport(),
        CurrentUsers.current()).items(), messages, locale);
  }

  @PostMapping("/canteen/procurement/batches")
  String inspect(@Valid @ModelAttribute("inspectionForm") InspectionForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> inspections.record(form.toDraft(), CurrentUsers.current()),
        saved(locale), "/canteen/procurement/batches" + siteQuery(form.getSiteId(), null), redirect, messages, locale);
  }

  @GetMapping("/canteen/procurement/trace")
  String trace(@RequestParam(required = false) Long site, @RequestParam(required = false) Long batch,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    CanteenSite chosen = chooseSite(site, user, model);
    LocalDate day = date == null ? today() : date;
    model.addAttribute("date", day);
    if (batch != null) {
      model.addAttribute("batch", inspections.batch(batch, user));
      model.addAttribute("usages", traceability.fromBatch(batch, user));
    } else if (chosen != null) {
      model.addAttribute("usages", traceability.fromDay(chosen.id(), day, user));
      // the day's dishes under their meal, as the usage form offers them
      Map<String, List<MenuItem>> byMeal = new LinkedHashMap<>();
      menus.day(chosen.id(), day, user).forEach(item -> byMeal.computeIfAbsent(
          messages.getMessage("canteen.kitchen.meal." + item.meal(), null, locale), meal -> new ArrayList<>())
          .add(item));
      model.addAttribute("menuItemsByMeal", byMeal);
      model.addAttribute("batches", inspections.batches(chosen.id(), user).stream()
          .filter(b -> b.accepted() && !b.receivedOn().isAfter(day) && !b.expiresOn().isBefore(day)).toList());
    }
    if (!model.containsAttribute("usageForm")) {
      model.addAttribute("usageForm", new UsageForm());
    }
    return "canteen/trace";
  }

  @PostMapping("/canteen/procurement/trace")
  String use(@Valid @ModelAttribute("usageForm") UsageForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> traceability.use(form.getBatchId(), form.getMenuItemId(),
        form.getQuantity(), CurrentUsers.current()), saved(locale),
        "/canteen/procurement/trace" + siteQuery(form.getSiteId(), form.getDate()), redirect, messages, locale);
  }

  private CanteenSite chooseSite(Long site, CurrentUser user, Model model) {
    Menus.requireManager(user, user.regionId());
    List<CanteenSite> sites = menus.sites(user);
    model.addAttribute("sites", sites);
    CanteenSite chosen = site != null ? menus.site(site, user) : sites.isEmpty() ? null : sites.get(0);
    model.addAttribute("site", chosen);
    return chosen;
  }

  private java.util.function.Supplier<String> saved(Locale locale) {
    return () -> messages.getMessage("common.saved", null, locale);
  }

  /** The page's site and day as they were, so that a refused form lands where it was sent from. */
  private static String siteQuery(Long siteId, LocalDate date) {
    String query = siteId == null ? "" : "?site=" + siteId;
    return date == null ? query : query + (query.isEmpty() ? "?" : "&") + "date=" + date;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }
}
