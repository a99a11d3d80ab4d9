package cn.smartaffairs.security;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
  String passwordForm(Model model) {
    model.addAttribute("form", new PasswordForm());
    return "account/password";
  }

  @PostMapping("/account/password")
  String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (form.getNewPassword() != null && form.getConfirmPassword() != null
        && !form.getNewPassword().equals(form.getConfirmPassword())) {
      binding.rejectValue("confirmPassword", "password.mismatch");
    }
    if (binding.hasErrors()) {
      return "account/password";
    }
    try {
      accounts.changePassword(CurrentUsers.current(), form.getCurrentPassword(), form.getNewPassword());
    } catch (BusinessRuleException e) {
      String field = "account.currentPasswordWrong".equals(e.messageKey()) ? "currentPassword" : "newPassword";
      binding.rejectValue(field, e.messageKey(), e.arguments(),
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "account/password";
    }
    redirect.addFlashAttribute("flash", messages.getMessage("password.changed", null, locale));
    return "redirect:/";
  }
}
