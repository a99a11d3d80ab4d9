package cn.smartaffairs.platform;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page form ends: run the change, then redirect with what happened ("已取消 第一会议室 12月6日 10:00–11:00", or
 * "已保存" where a form says nothing more) or with the broken rule's message in the user's language (the layout shows
 * both), so nothing half-done is ever displayed as done.
 */
public final class PageOutcome {

  private PageOutcome() {}

  public static String redirectAfter(Runnable change, String target, RedirectAttributes redirect,
      MessageSource messages,
      Locale locale) {
    return redirectAfter(change, () -> messages.getMessage("common.saved", null, locale), target, redirect, messages,
        locale);
  }

  /**
   * The same, saying what happened in the words {@code done} gives once the change succeeded (it may read what the
   * change made: the name of what was created, the time a booking moved to).
   */
  public static String redirectAfter(Runnable change, Supplier<String> done, String target, RedirectAttributes redirect,
      MessageSource messages, Locale locale) {
    try {
      change.run();
      redirect.addFlashAttribute("flash", done.get());
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:" + target;
  }

  /**
   * The same for a form bound with {@code @Valid}: refused fields send the person back to the page with what they typed
   * and every field's message beside its field (the page's {@code th:object} of the binding's name reads both), and
   * nothing runs; a valid form runs the change as above. The form object travels in the session (in PostgreSQL, shared
   * by all instances), so it is {@link java.io.Serializable}.
   */
  public static String redirectAfter(BindingResult binding, Runnable change, Supplier<String> done, String target,
      RedirectAttributes redirect, MessageSource messages, Locale locale) {
    if (binding.hasErrors()) {
      return redirectWithErrors(binding, target, redirect);
    }
    return redirectAfter(change, done, target, redirect, messages, locale);
  }

  /** The form's typed values and its refusals, kept for the next page only (the target re-shows the form with them). */
  public static String redirectWithErrors(BindingResult binding, String target, RedirectAttributes redirect) {
    redirect.addFlashAttribute(binding.getObjectName(), binding.getTarget());
    redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + binding.getObjectName(), binding);
    return "redirect:" + target;
  }
}
