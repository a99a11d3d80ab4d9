package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/** A visit's broken rule beside the field it concerns (the ID number, the mobile, the plate, the day, the window). */
final class VisitFormErrors {

  private static final Map<String, String> RULE_FIELDS = Map.of(
      "access.visit.nameInvalid", "visitorName",
      "access.visit.mobileInvalid", "mobile",
      "access.plateInvalid", "plate",
      "access.visit.dayInvalid", "visitOn",
      "access.visit.windowInvalid", "windowTo",
      "access.visit.windowPassed", "windowTo",
      "access.visit.purposeInvalid", "purpose");

  private VisitFormErrors() {}

  /** True when the rule concerns one field and was placed beside it; otherwise the page shows it as a message. */
  static boolean place(BusinessRuleException e, BindingResult binding, MessageSource messages, Locale locale) {
    String field = e instanceof InvalidIdNumberException ? "idNumber" : RULE_FIELDS.get(e.messageKey());
    String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    if (field == null) {
      binding.reject(e.messageKey(), e.arguments(), message);
      return false;
    }
    binding.rejectValue(field, e.messageKey(), e.arguments(), message);
    return true;
  }
}
