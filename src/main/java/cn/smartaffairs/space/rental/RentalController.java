package cn.smartaffairs.space.rental;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.printing.PdfPrinter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 房产出租: lettable spaces, tenants, leases and arrears; one lease with its schedule and payments; the rent roll. */
@PageController
@RequestMapping("/space/rentals")
class RentalController {

  private final Rentals rentals;
  private final RentalParties parties;
  private final RentalLedger ledger;
  private final SpaceRegister register;
  private final MessageSource messages;
  private final PdfPrinter printer;

  RentalController(Rentals rentals, RentalParties parties, RentalLedger ledger, SpaceRegister register,
      MessageSource messages, PdfPrinter printer) {
    this.printer = printer;
    this.rentals = rentals;
    this.parties = parties;
    this.ledger = ledger;
    this.register = register;
    this.messages = messages;
  }

  /** How many of the latest safety checks the overview shows. */
  private static final int RECENT_CHECKS = 5;

  /** An option of a form's select: its value and the words shown. */
  record Choice(long id, String label) {}

  private java.util.function.Supplier<String> saved(Locale locale) {
    return () -> messages.getMessage("common.saved", null, locale);
  }

  /** A page's empty form, unless a refused one came back with its errors. */
  private static void addIfAbsent(Model model, String name, java.util.function.Supplier<Object> form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form.get());
    }
  }

  private static CurrentUser manager() {
    CurrentUser user = CurrentUsers.current();
    Rentals.requireManagerOfOwnRegion(user);
    return user;
  }

  /** Leases are tens per region: sorted in memory, open ones first and the latest first among them by default. */
  static final SortKeys LEASE_SORT_KEYS = SortKeys.builder().ascending("status").ascending("contractNo")
      .ascending("lettable").ascending("tenant").descending("start").descending("annualRent")
      .byDefault("status").inMemory();
  private static final Map<String, Comparator<Lease>> LEASE_ORDERS = Map.of(
      "status", SortKeys.byValue(Lease::status),
      "contractNo", SortKeys.byValue(Lease::contractNo),
      "lettable", SortKeys.byPinyin(Lease::lettableName),
      "tenant", SortKeys.byPinyin(Lease::tenantName),
      "start", SortKeys.byValue(Lease::startDate),
      "annualRent", Comparator.comparingLong(Lease::annualRentFen));

  /** The leases list's columns, for the page and its export; a lease past its end reads as ended. */
  private static ListColumns<Lease> leaseColumns(LocalDate today) {
    return ListColumns.<Lease>sortedBy(LEASE_SORT_KEYS)
        .sortable("contractNo", "space.rental.contractNo", Lease::contractNo)
        .sortable("lettable", "space.rental.lettable", Lease::lettableName)
        .sortable("tenant", "space.rental.tenant", Lease::tenantName)
        .sortable("start", "space.rental.term", Lease::startDate)
        .exportOnly("space.rental.endDate", Lease::endDate)
        .sortable("annualRent", "space.rental.annualRent", l -> Money.ofFen(l.annualRentFen())).css("text-end")
        .sortable("status", "space.rental.status", l -> ListColumns.words(
            "ACTIVE".equals(l.status()) && l.endDate().isBefore(today)
                ? "space.rental.status.ENDED"
                : "space.rental.status." + l.status()))
        .searchedFor("space.rental.leaseSearch").pagedBy(50).exportedAs("space.rental.leases");
  }

  private Page<Lease> leasePage(ListQuery query, CurrentUser user) {
    return query.pageOf(rentals.leases(user),
        l -> ListQuery.searchable(l.contractNo(), l.lettableName(), l.tenantName()), LEASE_ORDERS);
  }

  /** The leases list's search in its order, every page up to the export's limit. */
  @GetMapping("/export.xlsx")
  void exportLeases(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = manager();
    var columns = leaseColumns(rentals.today());
    ListExport.send(response, columns, leasePage(columns.parse(parameters).forExport(), user).items(), messages,
        locale);
  }

  @GetMapping
  String overview(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = manager();
    LocalDate today = rentals.today();
    model.addAttribute("today", today);
    var lettables = parties.lettables(user);
    model.addAttribute("lettables", lettables);
    model.addAttribute("vacantCount", lettables.stream().filter(s -> s.currentTenant() == null).count());
    model.addAttribute("tenants", parties.tenants(user));
    var columns = leaseColumns(today);
    ListQuery query = columns.parse(parameters);
    columns.show(model, query, leasePage(query, user));
    model.addAttribute("arrears", rentals.arrears(user, today));
    // the latest checks; all of them are the safety-check register's (RentalRegisterController)
    var checks = parties.safetyChecks(user);
    model.addAttribute("recentChecks", checks.subList(0, Math.min(RECENT_CHECKS, checks.size())));
    model.addAttribute("checkCount", checks.size());
    model.addAttribute("buildings", register.buildings(user).stream().filter(b -> b.regionId() == user.regionId())
        .toList());
    model.addAttribute("rooms", register.rooms(user).stream().filter(r -> r.regionId() == user.regionId())
        .map(r -> new Choice(r.id(), r.buildingName() + " " + r.number() + " (" + r.useArea() + " m²)")).toList());
    model.addAttribute("frequencies", RentFrequency.values());
    addIfAbsent(model, "leaseForm", LeaseForm::new);
    addIfAbsent(model, "lettableForm", LettableForm::new);
    addIfAbsent(model, "tenantForm", TenantForm::new);
    addIfAbsent(model, "safetyCheckForm", () -> {
      var form = new SafetyCheckForm();
      form.setCheckedOn(today);
      return form;
    });
    return "space/rental/overview";
  }

  @PostMapping("/lettables")
  String addLettable(@Valid @ModelAttribute("lettableForm") LettableForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    return PageOutcome.redirectAfter(binding, () -> parties.addLettable(form.toNewLettable(), user), saved(locale),
        "/space/rentals", redirect, messages, locale);
  }

  @PostMapping("/tenants")
  String addTenant(@Valid @ModelAttribute("tenantForm") TenantForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    return PageOutcome.redirectAfter(binding, () -> parties.addTenant(form.toNewTenant(), user), saved(locale),
        "/space/rentals", redirect, messages, locale);
  }

  @PostMapping("/leases")
  String sign(@Valid @ModelAttribute("leaseForm") LeaseForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = manager();
    AtomicLong signed = new AtomicLong();
    String target = PageOutcome.redirectAfter(binding, () -> signed.set(rentals.sign(form.toNewLease(), user).id()),
        saved(locale), "/space/rentals", redirect, messages, locale);
    return signed.get() > 0 ? "redirect:/space/rentals/leases/" + signed.get() : target;
  }

  @PostMapping("/safety-checks")
  String safetyCheck(@Valid @ModelAttribute("safetyCheckForm") SafetyCheckForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    return PageOutcome.redirectAfter(binding, () -> parties.recordSafetyCheck(form.toNewSafetyCheck(), user),
        saved(locale), "/space/rentals#safety", redirect, messages, locale);
  }

  @GetMapping("/leases/{id}")
  String lease(@PathVariable long id, @RequestParam(required = false) Long instalment, Model model, Locale locale) {
    CurrentUser user = manager();
    LocalDate today = rentals.today();
    model.addAttribute("lease", rentals.lease(id, user));
    var schedule = rentals.schedule(id, user);
    model.addAttribute("schedule", schedule);
    model.addAttribute("payments", rentals.payments(id, user));
    model.addAttribute("today", today);
    model.addAttribute("highlight", instalment);
    model.addAttribute("owing", schedule.stream().filter(i -> i.outstandingFen() > 0)
        .map(i -> new Choice(i.id(), i.sequence() + " · " + i.dueDate() + " · "
            + messages.getMessage("space.rental.owes", null, locale) + " " + Money.ofFen(i.outstandingFen())))
        .toList());
    model.addAttribute("uninvoiced", schedule.stream().filter(i -> i.invoiceNo() == null)
        .map(i -> new Choice(i.id(), i.sequence() + " · " + i.dueDate())).toList());
    addIfAbsent(model, "paymentForm", () -> {
      var form = new PaymentForm();
      form.setInstalmentId(instalment);
      form.setPaidOn(today);
      form.setMethod("TRANSFER");
      return form;
    });
    addIfAbsent(model, "invoiceForm", () -> {
      var form = new InvoiceForm();
      form.setIssuedOn(today);
      return form;
    });
    return "space/rental/lease";
  }

  @PostMapping("/leases/{id}/payments")
  String pay(@PathVariable long id, @Valid @ModelAttribute("paymentForm") PaymentForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    rentals.lease(id, user);
    return PageOutcome.redirectAfter(binding, () -> rentals.recordPayment(form.toNewPayment(), user), saved(locale),
        "/space/rentals/leases/" + id, redirect, messages, locale);
  }

  @PostMapping("/leases/{id}/invoices")
  String invoice(@PathVariable long id, @Valid @ModelAttribute("invoiceForm") InvoiceForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    rentals.lease(id, user);
    return PageOutcome.redirectAfter(binding, () -> rentals.recordInvoice(form.getInstalmentId(), form.getInvoiceNo(),
        form.getIssuedOn(), user), saved(locale), "/space/rentals/leases/" + id, redirect, messages, locale);
  }

  @PostMapping("/leases/{id}/termination")
  String terminate(@PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
      @RequestParam int version, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    return PageOutcome.redirectAfter(() -> rentals.terminate(id, lastDay, version, user),
        "/space/rentals/leases/" + id, redirect, messages, locale);
  }

  @GetMapping("/payments/{id}/receipt.pdf")
  ResponseEntity<byte[]> receipt(@PathVariable long id) {
    CurrentUser user = manager();
    byte[] pdf = printer.print(rentals.receipt(id, user));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("租金收据-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
        .body(pdf);
  }

  @GetMapping("/roll")
  String roll(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
      Locale locale) {
    CurrentUser user = manager();
    Period period = period(from, to);
    model.addAttribute("today", rentals.today());
    model.addAttribute("from", period.from());
    model.addAttribute("to", period.to());
    model.addAttribute("roll", ledger.rentRoll(Rentals.managerScope(user), rentals.today()));
    model.addAttribute("income", ledger.collectedBetween(Rentals.managerScope(user), period.from(), period.to()));
    model.addAttribute("incomeTotal", ledger.totalCollectedBetween(Rentals.managerScope(user), period.from(),
        period.to()));
    return "space/rental/roll";
  }

  @GetMapping("/roll.xlsx")
  void rollWorkbook(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response) {
    CurrentUser user = manager();
    Period period = period(from, to);
    var roll = ledger.rentRoll(Rentals.managerScope(user), rentals.today());
    var income = ledger.collectedBetween(Rentals.managerScope(user), period.from(), period.to());
    XlsxDownload.send(response, "租金台账.xlsx",
        new Xlsx.Sheet("租金台账", List.of("合同编号", "出租房产", "承租方", "统一社会信用代码", "起租日", "到期日", "缴租方式",
            "年租金（元）", "状态", "合同总额（元）", "已到期（元）", "已收（元）", "欠租（元）"),
            roll.stream()
                .<List<?>>map(e -> List.<Object>of(e.contractNo(), e.lettableName(), e.tenantName(), e.creditCode(),
                    e.startDate(), e.endDate(), e.frequency(), yuan(e.annualRentFen()), e.status().name(),
                    yuan(e.totalFen()),
                    yuan(e.dueFen()), yuan(e.paidFen()), yuan(e.arrearsFen())))),
        new Xlsx.Sheet("租金收入", List.of("月份", "收入（元）"),
            income.stream().<List<?>>map(m -> List.<Object>of(m.month().toString(), yuan(m.collectedFen())))));
  }

  private static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen).movePointLeft(2);
  }

  private record Period(LocalDate from, LocalDate to) {}

  private Period period(LocalDate from, LocalDate to) {
    LocalDate today = rentals.today();
    LocalDate start = from != null ? from : today.withDayOfYear(1);
    LocalDate end = to != null ? to : today;
    if (end.isBefore(start)) {
      throw new BusinessRuleException("space.rental.periodInvalid");
    }
    return new Period(start, end);
  }
}
