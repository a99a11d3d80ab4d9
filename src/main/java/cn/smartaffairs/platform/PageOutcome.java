package cn.smartaffairs.platform;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page form ends: run the change, then redirect with "已保存" or with the broken rule's message in the user's
 * language (the layout shows both), so nothing half-done is ever displayed as done.
 */
public final class PageOutcome {

  private PageOutcome() {}

  public static String redirectAfter(Runnable change, String target, RedirectAttributes redirect, MessageSource messages,
                                     Locale locale) {
    try {
      change.run();
      redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:" + target;
  }
}
