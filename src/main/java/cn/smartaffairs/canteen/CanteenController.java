package cn.smartaffairs.canteen;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 食堂 pages: my canteen account (balance, entries, top-up, lost-card freeze) and the manager's pages (accounts with
 * export, account detail with correction/freeze/replace/close/refund, overdraft flags, the ledger check, terminals,
 * rules and subsidies).
 */
@PageController
class CanteenController {

  private final CanteenAccounts accounts;
  private final AccountLifecycle lifecycle;
  private final AccountFunding funding;
  private final MealPayments payments;
  private final CanteenAccountList accountList;
  private final CanteenTerminals terminals;
  private final CanteenRules rules;
  private final LedgerCheck ledgerCheck;
  private final OverdraftFlags overdrafts;
  private final MessageSource messages;
  private final TopUpOrders topUpOrders;
  private final PaymentCodes paymentCodes;

  CanteenController(CanteenAccounts accounts, AccountLifecycle lifecycle, AccountFunding funding,
      MealPayments payments, CanteenTerminals terminals, CanteenRules rules, LedgerCheck ledgerCheck,
      OverdraftFlags overdrafts, MessageSource messages, TopUpOrders topUpOrders,
      PaymentCodes paymentCodes, CanteenAccountList accountList) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.funding = funding;
    this.payments = payments;
    this.accountList = accountList;
    this.terminals = terminals;
    this.rules = rules;
    this.ledgerCheck = ledgerCheck;
    this.overdrafts = overdrafts;
    this.messages = messages;
    this.topUpOrders = topUpOrders;
    this.paymentCodes = paymentCodes;
  }

  /** Times on the canteen pages are shown in the platform's zone. */
  @org.springframework.web.bind.annotation.ModelAttribute("zone")
  java.time.ZoneId zone() {
    return cn.smartaffairs.platform.PlatformConfiguration.ZONE;
  }

  // ------------------------------------------------------------ my account

  @GetMapping("/canteen/my")
  String mine(Model model) {
    CurrentUser user = CurrentUsers.current();
    CanteenAccount account = user.staffId() == null ? null : accounts.accountOfStaff(user.staffId()).orElse(null);
    model.addAttribute("account", account);
    if (account != null) {
      model.addAttribute("entries", accounts.entries(account.id(), 30, user));
      model.addAttribute("paymentCode", account.active() ? paymentCodes.current(account.id()).orElse(null) : null);
      model.addAttribute("topUpOrders", topUpOrders.mine(user, 10));
      var provider = topUpOrders.activeProvider();
      model.addAttribute("onlineTopUp", provider.isPresent());
      model.addAttribute("onlineTopUpDemo", provider.map(PaymentProvider::isDemo).orElse(false));
    }
    return "canteen/my";
  }

  /** The holder's current rotating payment code as a QR image; the page asks for it again every 30 seconds. */
  @GetMapping("/canteen/my/payment-code")
  String paymentCode(Model model) {
    CanteenAccount account = myAccount(CurrentUsers.current());
    model.addAttribute("paymentCode", account.active() ? paymentCodes.current(account.id()).orElse(null) : null);
    return "canteen/my :: paymentCode";
  }

  /**
   * 在线充值: creates a payment order and sends the holder to the provider to pay; nothing is credited until the
   * provider confirms the payment (issue 12, section 2).
   */
  @PostMapping("/canteen/my/top-ups")
  String topUpMine(@RequestParam String amountYuan, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    try {
      var started = topUpOrders.create(user, fen(amountYuan));
      return "redirect:" + started.redirectTo();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
          locale));
      return "redirect:/canteen/my";
    }
  }

  @PostMapping("/canteen/my/top-up-orders/{orderNo}/cancel")
  String cancelTopUp(@PathVariable String orderNo, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> topUpOrders.cancel(CurrentUsers.current(), orderNo), "/canteen/my",
        redirect, messages, locale);
  }

  @PostMapping("/canteen/my/freeze")
  String freezeMine(RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> lifecycle.freeze(myAccount(user).id(), user),
        () -> message("canteen.done.frozenMine", locale), "/canteen/my", redirect, messages, locale);
  }

  /** Whose account: the holder's name for the message that says what happened to it. */
  private String holder(long accountId) {
    return accounts.account(accountId, CurrentUsers.current()).holderName();
  }

  private CanteenAccount myAccount(CurrentUser user) {
    return (user.staffId() == null
        ? java.util.Optional.<CanteenAccount>empty()
        : accounts.accountOfStaff(user.staffId()))
        .orElseThrow(() -> new cn.smartaffairs.platform.NotFoundException("canteenAccount", "mine"));
  }

  // ------------------------------------------------------------ accounts (managers)

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
    model.addAttribute("month", YearMonth.now(cn.smartaffairs.platform.PlatformConfiguration.ZONE));
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
  String openVisitor(@RequestParam String holderName, @RequestParam(required = false) String cardNo,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.openVisitorAccount(holderName, cardNo, CurrentUsers.current()),
        () -> message("canteen.done.visitorOpened", locale, holderName.strip()), "/canteen/accounts", redirect,
        messages, locale);
  }

  @PostMapping("/canteen/accounts/open-all")
  String openAll(RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    var opened = new java.util.concurrent.atomic.AtomicInteger();
    return PageOutcome.redirectAfter(
        () -> opened.set(lifecycle.openAllStaffAccounts(user.regionId(), staffId -> 0, user)),
        () -> message("canteen.done.allOpened", locale, opened.get()), "/canteen/accounts", redirect, messages, locale);
  }

  @PostMapping("/canteen/subsidies")
  String grantSubsidies(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, RedirectAttributes redirect,
      Locale locale) {
    var run = new java.util.concurrent.atomic.AtomicReference<AccountFunding.SubsidyRun>();
    return PageOutcome.redirectAfter(() -> run.set(funding.grantMonthlySubsidies(month, CurrentUsers.current())),
        () -> message("canteen.done.subsidiesGranted", locale, month.getYear(), month.getMonthValue(),
            run.get().accounts(), CanteenAccounts.yuan(run.get().totalFen())),
        "/canteen/accounts", redirect, messages, locale);
  }

  @GetMapping("/canteen/accounts/{id}")
  String account(@PathVariable long id, Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("account", accounts.account(id, user));
    model.addAttribute("entries", accounts.entries(id, 100, user));
    model.addAttribute("credentials", accounts.credentials(id, user));
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return "canteen/account";
  }

  @PostMapping("/canteen/accounts/{id}/top-ups")
  String topUp(@PathVariable long id, @RequestParam String amountYuan, @RequestParam String idempotencyKey,
      RedirectAttributes redirect, Locale locale) {
    try {
      CurrentUser user = CurrentUsers.current();
      Payment payment = funding.topUp(id, fen(amountYuan), "web-" + idempotencyKey, user);
      // say what happened, not just "saved": whose card, how much
      redirect.addFlashAttribute("flash", messages.getMessage("canteen.toppedUp", new Object[] {
          accounts.account(id, user).holderName(), CanteenAccounts.yuan(payment.amountFen())}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
          locale));
    }
    return "redirect:/canteen/accounts/" + id;
  }

  @PostMapping("/canteen/accounts/{id}/corrections")
  String correct(@PathVariable long id, @RequestParam String amountYuan, @RequestParam String reason,
      @RequestParam String idempotencyKey, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> funding.correct(id, fen(amountYuan), reason, "web-" + idempotencyKey,
        CurrentUsers.current()),
        () -> message("canteen.done.corrected", locale, holder(id), amountYuan.strip()), "/canteen/accounts/" + id,
        redirect, messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/freeze")
  String freeze(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.freeze(id, CurrentUsers.current()),
        () -> message("canteen.done.frozen", locale, holder(id)), "/canteen/accounts/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/canteen/accounts/{id}/unfreeze")
  String unfreeze(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.unfreeze(id, CurrentUsers.current()),
        () -> message("canteen.done.unfrozen", locale, holder(id)), "/canteen/accounts/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/canteen/accounts/{id}/replace-card")
  String replaceCard(@PathVariable long id, @RequestParam(required = false) String cardNo, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.replaceCard(id, cardNo, CurrentUsers.current()),
        () -> message("canteen.done.cardReplaced", locale, holder(id)), "/canteen/accounts/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/canteen/accounts/{id}/credentials")
  String registerCredential(@PathVariable long id, @RequestParam String kind,
      @RequestParam(required = false) String credential, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.registerCredential(id, kind, credential, CurrentUsers.current()),
        () -> message("canteen.done.credentialRegistered", locale, holder(id)), "/canteen/accounts/" + id, redirect,
        messages, locale);
  }

  @PostMapping("/canteen/accounts/{id}/close")
  String close(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> lifecycle.settleAndClose(id, reason, CurrentUsers.current()),
        "/canteen/accounts/" + id, redirect, messages, locale);
  }

  @PostMapping("/canteen/payments/{paymentId}/refund")
  String refund(@PathVariable long paymentId, @RequestParam long accountId, @RequestParam String reason,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> payments.refund(paymentId, "web-refund-" + paymentId, reason,
        CurrentUsers.current()), "/canteen/accounts/" + accountId, redirect, messages, locale);
  }

  // ------------------------------------------------------------ flags, check, terminals, rules

  @GetMapping("/canteen/overdrafts")
  String overdrafts(Model model) {
    model.addAttribute("flags", overdrafts.open(requireManager()));
    return "canteen/overdrafts";
  }

  @PostMapping("/canteen/overdrafts/{journalId}/resolve")
  String resolve(@PathVariable long journalId, @RequestParam String note, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> overdrafts.resolve(journalId, note, CurrentUsers.current()),
        "/canteen/overdrafts", redirect, messages, locale);
  }

  @GetMapping("/canteen/ledger-check")
  String ledgerCheck(Model model) {
    model.addAttribute("result", ledgerCheck.check(requireManager()));
    return "canteen/ledger-check";
  }

  @GetMapping("/canteen/terminals")
  String terminals(Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("canteens", terminals.canteens(user));
    model.addAttribute("terminals", terminals.terminals(user));
    return "canteen/terminals";
  }

  @PostMapping("/canteen/canteens")
  String createCanteen(@RequestParam String name, @RequestParam(required = false) String address,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> terminals.createCanteen(name, address, CurrentUsers.current()),
        "/canteen/terminals", redirect, messages, locale);
  }

  @PostMapping("/canteen/terminals")
  String register(@RequestParam String terminalCode, @RequestParam long canteenId,
      @RequestParam(required = false) String name, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> terminals.register(terminalCode, canteenId, name, CurrentUsers.current()),
        "/canteen/terminals", redirect, messages, locale);
  }

  @PostMapping("/canteen/terminals/{id}/active")
  String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> terminals.setActive(id, active, CurrentUsers.current()),
        "/canteen/terminals", redirect, messages, locale);
  }

  @GetMapping("/canteen/rules")
  String rules(Model model) {
    CurrentUser user = requireManager();
    model.addAttribute("categoryRules", rules.categoryRules(user.regionId()));
    model.addAttribute("priceRules", rules.priceRules(user.regionId()));
    model.addAttribute("topUpRules", rules.topUpRules(user.regionId()));
    model.addAttribute("categories", CanteenRules.CATEGORIES);
    model.addAttribute("periods", CanteenRules.MEAL_PERIODS);
    model.addAttribute("today", LocalDate.now(cn.smartaffairs.platform.PlatformConfiguration.ZONE));
    return "canteen/rules";
  }

  @PostMapping("/canteen/rules/categories")
  String addCategoryRule(@RequestParam String category,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam String monthlySubsidyYuan, @RequestParam(required = false) String capYuan,
      @RequestParam(required = false) String dailyLimitYuan, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> rules.addCategoryRule(category, effectiveFrom, fenOrZero(monthlySubsidyYuan),
        optionalFen(capYuan), optionalFen(dailyLimitYuan), CurrentUsers.current()), "/canteen/rules", redirect,
        messages, locale);
  }

  @PostMapping("/canteen/rules/prices")
  String addPriceRule(@RequestParam String mealPeriod, @RequestParam String category,
      @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
      @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
      @RequestParam String priceYuan,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> rules.addPriceRule(mealPeriod, category, startsAt, endsAt, fen(priceYuan),
        effectiveFrom, CurrentUsers.current()), "/canteen/rules", redirect, messages, locale);
  }

  @PostMapping("/canteen/rules/top-ups")
  String addTopUpRule(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam String maxPerTopUpYuan, @RequestParam String maxPerDayYuan,
      @RequestParam String orderLifetimeMinutes, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> rules.addTopUpRule(effectiveFrom, fen(maxPerTopUpYuan), fen(maxPerDayYuan),
        minutes(orderLifetimeMinutes), CurrentUsers.current()), "/canteen/rules", redirect, messages, locale);
  }

  // ------------------------------------------------------------ helpers

  private static int minutes(String typed) {
    try {
      return Integer.parseInt(typed.trim());
    } catch (RuntimeException e) {
      throw new cn.smartaffairs.platform.BusinessRuleException("canteen.topUpRuleInvalid");
    }
  }

  private static CurrentUser requireManager() {
    CurrentUser user = CurrentUsers.current();
    if (!CanteenAccounts.managing(user).isRegionWide()) {
      throw new ForbiddenException();
    }
    return user;
  }

  /** Yuan as typed (e.g. "12.5", "-3") to fen; more than two decimals or no number at all is refused. */
  static long fen(String yuan) {
    return Money.parseSignedYuan(yuan, "canteen.amountInvalid").fen();
  }

  private static long fenOrZero(String yuan) {
    return yuan == null || yuan.isBlank() ? 0 : fen(yuan);
  }

  private static Long optionalFen(String yuan) {
    return yuan == null || yuan.isBlank() ? null : fen(yuan);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }
}
