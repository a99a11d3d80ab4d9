package cn.smartaffairs.canteen;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的饭卡: the holder's balance, entries (with their export), rotating payment code, online top-up and lost-card freeze. */
@PageController
class MyCanteenController {

  private final CanteenAccounts accounts;
  private final AccountLifecycle lifecycle;
  private final JournalList journals;
  private final TopUpOrders topUpOrders;
  private final PaymentCodes paymentCodes;
  private final MessageSource messages;

  MyCanteenController(CanteenAccounts accounts, AccountLifecycle lifecycle, JournalList journals,
      TopUpOrders topUpOrders, PaymentCodes paymentCodes, MessageSource messages) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.journals = journals;
    this.topUpOrders = topUpOrders;
    this.paymentCodes = paymentCodes;
    this.messages = messages;
  }

  /** Times on the canteen pages are shown in the platform's zone. */
  @ModelAttribute("zone")
  java.time.ZoneId zone() {
    return PlatformConfiguration.ZONE;
  }

  @GetMapping("/canteen/my")
  String mine(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    CanteenAccount account = myAccount(user).orElse(null);
    model.addAttribute("account", account);
    if (account != null) {
      ListQuery query = JournalList.COLUMNS.parse(parameters);
      JournalList.COLUMNS.show(model, query, journals.search(account.id(), query, user));
      model.addAttribute("paymentCode", account.active() ? paymentCodes.current(account.id()).orElse(null) : null);
      model.addAttribute("topUpOrders", topUpOrders.mine(user, 10));
      var provider = topUpOrders.activeProvider();
      model.addAttribute("onlineTopUp", provider.isPresent());
      model.addAttribute("onlineTopUpDemo", provider.map(PaymentProvider::isDemo).orElse(false));
      CanteenController.addIfAbsent(model, "topUpForm", TopUpForm::new);
    }
    return "canteen/my";
  }

  /** The holder's entries in the list's search and order, every page up to the export's limit. */
  @GetMapping("/canteen/my/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    CanteenAccount account = myAccount(user).orElseThrow(() -> new NotFoundException("canteenAccount", "mine"));
    ListExport.send(response, JournalList.COLUMNS,
        journals.search(account.id(), JournalList.COLUMNS.parse(parameters).forExport(), user).items(), messages,
        locale);
  }

  /** The holder's current rotating payment code as a QR image; the page asks for it again every 30 seconds. */
  @GetMapping("/canteen/my/payment-code")
  String paymentCode(Model model) {
    CanteenAccount account = requireMine(CurrentUsers.current());
    model.addAttribute("paymentCode", account.active() ? paymentCodes.current(account.id()).orElse(null) : null);
    return "canteen/my :: paymentCode";
  }

  /**
   * 在线充值: creates a payment order and sends the holder to the provider to pay; nothing is credited until the
   * provider confirms the payment (issue 12, section 2).
   */
  @PostMapping("/canteen/my/top-ups")
  String topUpMine(@Valid @ModelAttribute("topUpForm") TopUpForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/canteen/my", redirect);
    }
    try {
      var started = topUpOrders.create(CurrentUsers.current(), form.amountFen());
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
    return PageOutcome.redirectAfter(() -> lifecycle.freeze(requireMine(user).id(), user),
        () -> messages.getMessage("canteen.done.frozenMine", null, locale), "/canteen/my", redirect, messages,
        locale);
  }

  private Optional<CanteenAccount> myAccount(CurrentUser user) {
    return user.staffId() == null ? Optional.empty() : accounts.accountOfStaff(user.staffId());
  }

  private CanteenAccount requireMine(CurrentUser user) {
    return myAccount(user).orElseThrow(() -> new NotFoundException("canteenAccount", "mine"));
  }
}
