package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageOutcome;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the meeting pages' forms end: a form refused by its constraints goes back with every field's message, a broken
 * booking rule is shown beside the field it concerns (an end before the start beside the end) or else as the page's
 * message, and in both cases the form comes back as it was typed.
 */
final class MeetingForms {

  /** Which field a broken rule's message belongs beside, where the form has that field. */
  private static final Map<String, String> RULE_FIELDS = Map.ofEntries(
      Map.entry("meeting.endNotAfterStart", "to"),
      Map.entry("meeting.timeRequired", "from"),
      Map.entry("meeting.inThePast", "from"),
      Map.entry("meeting.outsideOpeningHours", "from"),
      Map.entry("meeting.subjectRequired", "subject"),
      Map.entry("meeting.attendeesRequired", "attendees"),
      Map.entry("meeting.tooManyAttendees", "attendees"),
      Map.entry("meeting.classInvalid", "meetingClass"),
      Map.entry("meeting.frequencyUnknown", "frequency"),
      Map.entry("meeting.seriesSpanInvalid", "untilDate"),
      Map.entry("meeting.seriesIncomplete", "untilDate"),
      Map.entry("meeting.seriesEmpty", "exceptions"),
      Map.entry("meeting.exceptionsInvalid", "exceptions"),
      Map.entry("meeting.serviceUnknown", "kind"),
      Map.entry("meeting.serviceTimeInvalid", "neededAt"),
      Map.entry("meeting.serviceNoteTooLong", "note"),
      Map.entry("meeting.roomNameTaken", "name"),
      Map.entry("meeting.openingHoursInvalid", "closesAt"),
      Map.entry("meeting.graceInvalid", "graceMinutes"),
      Map.entry("meeting.feeCapInvalid", "yuanPerPersonDay"),
      Map.entry("meeting.ruleVersionExists", "effectiveFrom"));

  private MeetingForms() {}

  /**
   * Runs the change of a valid form and redirects to {@code target} saying what happened; a refused form or a broken
   * rule redirects there too, with the form as typed and the messages beside its fields (or the page's message).
   */
  static String redirectAfter(BindingResult binding, Runnable change, Supplier<String> done, String target,
      RedirectAttributes redirect, MessageSource messages, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        change.run();
        redirect.addFlashAttribute("flash", done.get());
        return "redirect:" + target;
      } catch (BusinessRuleException e) {
        refuse(binding, e, redirect, messages, locale);
      }
    }
    return PageOutcome.redirectWithErrors(binding, target, redirect);
  }

  /** Puts a broken rule beside its field, or else into the page's message ({@code flashError}). */
  static void refuse(BindingResult binding, BusinessRuleException e, RedirectAttributes redirect,
      MessageSource messages, Locale locale) {
    String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    if (!beside(binding, e, message)) {
      redirect.addFlashAttribute("flashError", message);
    }
  }

  /** Whether the rule's message went beside a field of this form. */
  static boolean beside(BindingResult binding, BusinessRuleException e, String message) {
    String field = RULE_FIELDS.get(e.messageKey());
    if (field == null || e.isForbidden() || !new BeanWrapperImpl(binding.getTarget()).isReadableProperty(field)) {
      return false;
    }
    // with the arguments: the page resolves the code again, and without them would show a bare {0}
    binding.rejectValue(field, e.messageKey(), e.arguments(), message);
    return true;
  }

  /**
   * Refusals of fields a page does not show (hidden inputs a person cannot correct, such as the room of a day's form)
   * as the page's message, so that no refusal goes unsaid.
   */
  static void sayHidden(BindingResult binding, RedirectAttributes redirect, MessageSource messages, Locale locale,
      String... hidden) {
    for (String field : hidden) {
      FieldError error = binding.getFieldError(field);
      if (error != null) {
        redirect.addFlashAttribute("flashError", messages.getMessage(error, locale));
        return;
      }
    }
  }
}
