package cn.smartaffairs.canteen;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 食堂账户 for managers: the accounts with their export, visitor cards, bulk opening and monthly subsidies; one account
 * with its entries (and their export) and the counter's forms: top-up, correction, freeze, card replacement,
 * credentials, closing and refunds.
 */
@PageController
class CanteenController {

  private final CanteenAccounts accounts;
  private final AccountLifecycle lifecycle;
  private final AccountFunding funding;
  private final MealPayments payments;
  private final CanteenAccountList accountList;
  private final JournalList journals;
  private final MessageSource messages;

  CanteenController(CanteenAccounts accounts, AccountLifecycle lifecycle, AccountFunding funding,
      MealPayments payments, CanteenAccountList accountList, JournalList journals, MessageSource messages) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.funding = funding;
    this.payments = payments;
    this.accountList = accountList;
    this.journals = journals;
    this.messages = messages;
  }

  /** Times on the canteen pages are shown in the platform's zone. */
  @ModelAttribute("zone")
  java.time.ZoneId zone() {
    return PlatformConfiguration.ZONE;
  }

  // ------------------------------------------------------------ accounts

  /** The managers' list of accounts, for its page and its export. */
  static final ListColumns<CanteenAccount> ACCOUNT_COLUMNS = ListColumns
      .<CanteenAccount>sortedBy(CanteenAccountList.SORT_KEYS)
      .sortable("id", "canteen.accountNo", CanteenAccount::id)
      .sortable("holder", "canteen.holder", CanteenAccount::holderName)
      .sortable("cardNo", "canteen.cardNo", CanteenAccount::cardNo)
      .sortable("category", "canteen.categoryLabel", a -> ListColumns.words("canteen.category." + a.category()))
      .css("d-none d-md-table-cell")
      .sortable("status", "canteen.statusLabel", a -> ListColumns.words("canteen.status." + a.status()))
      .sortable("balance", "canteen.balance", a -> Money.ofFen(a.balanceFen())).css("text-end")
      .sortable("cash", "canteen.cashYuan", a -> Money.ofFen(a.cashFen())).css("text-end d-none d-xl-table-cell")
      .sortable("subsidy", "canteen.subsidyYuan", a -> Money.ofFen(a.subsidyFen()))
      .css("text-end d-none d-xl-table-cell")
      .sortable("subsidyExpiresOn", "canteen.subsidyExpiresOn", CanteenAccount::subsidyExpiresOn)
      .css("d-none d-xl-table-cell")
      .searchedFor("canteen.search").exportedAs("canteen.accounts.title");

  @GetMapping("/canteen/accounts")
  String accounts(@RequestParam(defaultValue = "false") boolean leavers, @RequestParam Map<String, String> parameters,
      Model model) {
    CurrentUser user = requireManager();
    ListQuery query = ACCOUNT_COLUMNS.parse(parameters);
    ACCOUNT_COLUMNS.show(model, query, accountList.search(query, leavers, user));
    model.addAttribute("leavers", leavers);
    addIfAbsent(model, "visitorForm", VisitorForm::new);
    addIfAbsent(model, "subsidyForm", () -> {
      var form = new SubsidyForm();
      form.setMonth(YearMonth.now(PlatformConfiguration.ZONE));
      return form;
    });
    return "canteen/accounts";
  }

  /** The list's search in its order, every page up to the export's limit, in the page's columns. */
  @GetMapping({"/canteen/accounts/export.xlsx", "/canteen/accounts.xlsx"})
  void export(@RequestParam(defaultValue = "false") boolean leavers, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    CurrentUser user = requireManager();
    ListExport.send(response, ACCOUNT_COLUMNS,
        accountList.search(ACCOUNT_COLUMNS.parse(parameters).forExport(), leavers, user).items(), messages, locale);
  }

  @PostMapping("/canteen/accounts/visitors")
  String openVisitor(@Valid @ModelAttribute("visitorForm") VisitorForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> lifecycle.openVisitorAccount(form.getHolderName(),
        form.getCardNo(), CurrentUsers.current()),
        () -> message("canteen.done.visitorOpened", locale, form.getHolderName().strip()), "/canteen/accounts",
        redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/open-all")
  String openAll(RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    var opened = new AtomicInteger();
    return PageOutcome.redirectAfter(
        () -> opened.set(lifecycle.openAllStaffAccounts(user.regionId(), staffId -> 0, user)),
        () -> message("canteen.done.allOpened", locale, opened.get()), "/canteen/accounts", redirect, messages, locale);
  }

  @PostMapping("/canteen/subsidies")
  String grantSubsidies(@Valid @ModelAttribute("subsidyForm") SubsidyForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    var run = new AtomicReference<AccountFunding.SubsidyRun>();
    YearMonth month = form.getMonth();
    return PageOutcome.redirectAfter(binding, () -> run.set(funding.grantMonthlySubsidies(month,
        CurrentUsers.current())),
        () -> message("canteen.done.subsidiesGranted", locale, month.getYear(), month.getMonthValue(),
            run.get().accounts(), CanteenAccounts.yuan(run.get().totalFen())),
        "/canteen/accounts", redirect, messages, locale);
  }

  // ------------------------------------------------------------ one account

  @GetMapping("/canteen/accounts/{id}")
  String account(@PathVariable long id, @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("account", accounts.account(id, user));
    model.addAttribute("credentials", accounts.credentials(id, user));
    ListQuery query = JournalList.MANAGED_COLUMNS.parse(parameters);
    JournalList.MANAGED_COLUMNS.show(model, query, journals.search(id, query, user));
    // one key per showing of the page: the same form sent twice books once
    String key = UUID.randomUUID().toString();
    addIfAbsent(model, "topUpForm", () -> {
      var form = new CounterTopUpForm();
      form.setIdempotencyKey(key + "-t");
      return form;
    });
    addIfAbsent(model, "correctionForm", () -> {
      var form = new CorrectionForm();
      form.setIdempotencyKey(key + "-c");
      return form;
    });
    addIfAbsent(model, "cardForm", CardReplacementForm::new);
    addIfAbsent(model, "credentialForm", () -> {
      var form = new CredentialForm();
      form.setKind(CredentialKind.FACE.name());
      return form;
    });
    addIfAbsent(model, "closingForm", ClosingForm::new);
    addIfAbsent(model, "refundForm", RefundForm::new);
    model.addAttribute("newRefundForm", new RefundForm());
    return "canteen/account";
  }

  /** The account's entries in the list's search and order, every page up to the export's limit. */
  @GetMapping("/canteen/accounts/{id}/export.xlsx")
  void exportEntries(@PathVariable long id, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    CurrentUser user = requireManager();
    ListExport.send(response, JournalList.MANAGED_COLUMNS,
        journals.search(id, JournalList.MANAGED_COLUMNS.parse(parameters).forExport(), user).items(), messages,
        locale);
  }

  @PostMapping("/canteen/accounts/{id}/top-ups")
  String topUp(@PathVariable long id, @Valid @ModelAttribute("topUpForm") CounterTopUpForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    var payment = new AtomicReference<Payment>();
    // say what happened, not just "saved": whose card, how much
    return PageOutcome.redirectAfter(binding, () -> payment.set(funding.topUp(id, form.amountFen(),
        "web-" + form.getIdempotencyKey(), CurrentUsers.current())),
        () -> message("canteen.toppedUp", locale, holder(id), CanteenAccounts.yuan(payment.get().amountFen())),
        accountPage(id), redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/corrections")
  String correct(@PathVariable long id, @Valid @ModelAttribute("correctionForm") CorrectionForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> funding.correct(id, form.amountFen(), form.getReason(),
        "web-" + form.getIdempotencyKey(), CurrentUsers.current()),
        () -> message("canteen.done.corrected", locale, holder(id), form.getAmountYuan().strip()), accountPage(id),
        redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/freeze")
  String freeze(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.freeze(id, CurrentUsers.current()),
        () -> message("canteen.done.frozen", locale, holder(id)), accountPage(id), redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/unfreeze")
  String unfreeze(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.unfreeze(id, CurrentUsers.current()),
        () -> message("canteen.done.unfrozen", locale, holder(id)), accountPage(id), redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/replace-card")
  String replaceCard(@PathVariable long id, @Valid @ModelAttribute("cardForm") CardReplacementForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> lifecycle.replaceCard(id, form.getCardNo(),
        CurrentUsers.current()), () -> message("canteen.done.cardReplaced", locale, holder(id)), accountPage(id),
        redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/credentials")
  String registerCredential(@PathVariable long id, @Valid @ModelAttribute("credentialForm") CredentialForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> lifecycle.registerCredential(id, form.getKind(),
        form.getCredential(), CurrentUsers.current()),
        () -> message("canteen.done.credentialRegistered", locale, holder(id)), accountPage(id), redirect, messages,
        locale);
  }

  @PostMapping("/canteen/accounts/{id}/close")
  String close(@PathVariable long id, @Valid @ModelAttribute("closingForm") ClosingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> lifecycle.settleAndClose(id, form.getReason(),
        CurrentUsers.current()), saved(locale), accountPage(id), redirect, messages, locale);
  }

  @PostMapping("/canteen/payments/{paymentId}/refund")
  String refund(@PathVariable long paymentId, @Valid @ModelAttribute("refundForm") RefundForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    // the address names the payment; the form only which page to go back to
    form.setPaymentId(paymentId);
    String back = form.getAccountId() == null ? "/canteen/accounts" : accountPage(form.getAccountId());
    return PageOutcome.redirectAfter(binding, () -> payments.refund(paymentId, "web-refund-" + paymentId,
        form.getReason(), CurrentUsers.current()), saved(locale), back, redirect, messages, locale);
  }

  // ------------------------------------------------------------ helpers

  /** Whose account: the holder's name for the message that says what happened to it. */
  private String holder(long accountId) {
    return accounts.account(accountId, CurrentUsers.current()).holderName();
  }

  private static String accountPage(long id) {
    return "/canteen/accounts/" + id;
  }

  static CurrentUser requireManager() {
    CurrentUser user = CurrentUsers.current();
    if (!CanteenAccounts.managing(user).isRegionWide()) {
      throw new ForbiddenException();
    }
    return user;
  }

  /** A page's empty form, unless a refused one came back with its errors. */
  static void addIfAbsent(Model model, String name, Supplier<Object> form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form.get());
    }
  }

  private Supplier<String> saved(Locale locale) {
    return () -> messages.getMessage("common.saved", null, locale);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }
}
