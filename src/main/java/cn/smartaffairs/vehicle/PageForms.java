package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What the vehicle pages' forms share: an empty form unless a refused one came back, and a rule's refusal on it. */
final class PageForms {

  private PageForms() {}

  /** A page's empty form, unless a refused one came back with its errors. */
  static void addIfAbsent(Model model, String name, Supplier<Object> form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form.get());
    }
  }

  /**
   * A broken business rule on a form of its own page: beside the field it concerns ({@code fields}: message key to
   * field), or above the form. The arguments go with it, as the page resolves the code again.
   */
  static void reject(BindingResult binding, BusinessRuleException refused, Map<String, String> fields,
      MessageSource messages, Locale locale) {
    String message = messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale);
    String field = fields.get(refused.messageKey());
    if (field != null) {
      binding.rejectValue(field, refused.messageKey(), refused.arguments(), message);
    } else {
      binding.reject(refused.messageKey(), refused.arguments(), message);
    }
  }
}
