package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 演示支付 pages: the sandbox provider's "cashier" for the demo. Confirming makes the sandbox sign its notification and
 * hand it to the same notify handler a real gateway's notification reaches; nothing here credits anything itself.
 * Answers 404 unless the sandbox is enabled.
 */
@PageController
class SandboxPaymentController {

  private final ObjectProvider<SandboxPaymentProvider> sandbox;
  private final TopUpOrders orders;
  private final CanteenAccounts accounts;
  private final MessageSource messages;
  private final Clock clock;

  SandboxPaymentController(ObjectProvider<SandboxPaymentProvider> sandbox, TopUpOrders orders,
      CanteenAccounts accounts, MessageSource messages, Clock clock) {
    this.sandbox = sandbox;
    this.orders = orders;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
  }

  @org.springframework.web.bind.annotation.ModelAttribute("zone")
  java.time.ZoneId zone() {
    return cn.smartaffairs.platform.PlatformConfiguration.ZONE;
  }

  @GetMapping("/canteen/sandbox-pay/{orderNo}")
  String page(@PathVariable String orderNo, Model model) {
    requireSandbox();
    CurrentUser user = CurrentUsers.current();
    TopUpOrder order = orders.own(user, orderNo);
    model.addAttribute("order", orders.view(order));
    model.addAttribute("holderName", accounts.accountOfStaff(user.staffId()).map(CanteenAccount::holderName)
        .orElse(""));
    return "canteen/sandbox-pay";
  }

  @PostMapping("/canteen/sandbox-pay/{orderNo}/confirm")
  String confirm(@PathVariable String orderNo, RedirectAttributes redirect, Locale locale) {
    SandboxPaymentProvider provider = requireSandbox();
    CurrentUser user = CurrentUsers.current();
    TopUpOrder order = orders.own(user, orderNo);
    var signed = provider.confirm(order, clock.instant());
    TopUpOrders.NotifyOutcome outcome = orders.handleNotification(provider.name(), signed.body(), signed.headers());
    switch (outcome.result()) {
      case CREDITED -> {
        String holder = accounts.accountOfStaff(user.staffId()).map(CanteenAccount::holderName).orElse("");
        redirect.addFlashAttribute("flash", messages.getMessage("canteen.toppedUp",
            new Object[] {holder, CanteenAccounts.yuan(order.amountFen)}, locale));
      }
      case REPLAYED -> redirect.addFlashAttribute("flash",
          messages.getMessage("canteen.topUpOrder.alreadyCredited", new Object[] {orderNo}, locale));
      default -> redirect.addFlashAttribute("flashError", messages.getMessage(outcome.refusal().messageKey(),
          outcome.refusal().arguments(), outcome.refusal().messageKey(), locale));
    }
    return "redirect:/canteen/my";
  }

  private SandboxPaymentProvider requireSandbox() {
    SandboxPaymentProvider provider = sandbox.getIfAvailable();
    if (provider == null) {
      throw new NotFoundException("paymentProvider", SandboxPaymentProvider.NAME);
    }
    return provider;
  }
}
