package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的访客: a host announces visitors, confirms or declines what visitors asked for through the host's invitation
 * link, cancels, and opens each visit's pass to send on.
 */
@PageController
class VisitPageController {

  static final String PATH = "/visitors";

  private final Visits visits;
  private final MessageSource messages;

  VisitPageController(Visits visits, MessageSource messages) {
    this.visits = visits;
    this.messages = messages;
  }

  @GetMapping(PATH)
  String mine(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("visits", visits.hostedBy(user, visits.today().minusDays(7)));
    model.addAttribute("canHost", user.staffId() != null);
    if (!model.containsAttribute("visitForm")) {
      VisitForm form = new VisitForm();
      form.setVisitOn(visits.today());
      model.addAttribute("visitForm", form);
    }
    return "access/visitors";
  }

  @PostMapping(PATH)
  String register(@Valid @ModelAttribute("visitForm") VisitForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        Visit visit = visits.register(form.draft(null), CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.visit.registered",
            new Object[] {visit.visitorName(), visit.visitOn().toString()}, locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        VisitFormErrors.place(e, binding, messages, locale);
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }

  @PostMapping(PATH + "/{id:\\d+}/confirm")
  String confirm(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> visits.confirm(id, CurrentUsers.current()),
        () -> messages.getMessage("access.visit.confirmed", null, locale), PATH, redirect, messages, locale);
  }

  @PostMapping(PATH + "/{id:\\d+}/decline")
  String decline(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> visits.decline(id, CurrentUsers.current()),
        () -> messages.getMessage("access.visit.declined", null, locale), PATH, redirect, messages, locale);
  }

  @PostMapping(PATH + "/{id:\\d+}/cancel")
  String cancel(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> visits.cancel(id, CurrentUsers.current()),
        () -> messages.getMessage("access.visit.cancelled", null, locale), PATH, redirect, messages, locale);
  }

  @PostMapping(PATH + "/invitation")
  String invitation(RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> redirect.addFlashAttribute("invitation",
        visits.invitationOf(CurrentUsers.current())),
        () -> messages.getMessage("access.invitation.ready", null, locale), PATH, redirect, messages, locale);
  }
}
