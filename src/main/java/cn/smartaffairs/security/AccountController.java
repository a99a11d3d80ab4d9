package cn.smartaffairs.security;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page and a person's own password change. */
@PageController
class AccountController {

  private final Accounts accounts;
  private final MessageSource messages;

  AccountController(Accounts accounts, MessageSource messages) {
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/account/password")
  String passwordForm() {
    return "account/password";
  }

  @PostMapping("/account/password")
  String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                        @RequestParam String confirmPassword, Model model, RedirectAttributes redirect, Locale locale) {
    if (!newPassword.equals(confirmPassword)) {
      model.addAttribute("error", messages.getMessage("password.mismatch", null, locale));
      return "account/password";
    }
    try {
      accounts.changePassword(CurrentUsers.current(), currentPassword, newPassword);
    } catch (BusinessRuleException e) {
      model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
      return "account/password";
    }
    redirect.addFlashAttribute("flash", messages.getMessage("password.changed", null, locale));
    return "redirect:/";
  }
}
