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
 * 门岗登记台: the gate staff scan a visitor's pass (a hand scanner types it into the field) or type the ID number from
 * the card; the visitor is checked in and the host told; checked out on leaving; the day's visits below.
 */
@PageController
class GateDeskController {

  static final String PATH = "/visitors/desk";

  private final Visits visits;
  private final MessageSource messages;

  GateDeskController(Visits visits, MessageSource messages) {
    this.visits = visits;
    this.messages = messages;
  }

  @GetMapping(PATH)
  String desk(Model model) {
    CurrentUser user = CurrentUsers.current();
    AccessRoles.gateOf(user);
    model.addAttribute("today", visits.today());
    model.addAttribute("visits", visits.day(visits.today(), user));
    if (!model.containsAttribute("gateForm")) {
      model.addAttribute("gateForm", new GateForm());
    }
    return "access/desk";
  }

  @PostMapping(PATH + "/check-in")
  String checkIn(@Valid @ModelAttribute("gateForm") GateForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        CurrentUser user = CurrentUsers.current();
        Visit visit = form.isIdNumber()
            ? visits.checkInByIdNumber(form.getCode(), user)
            : visits.checkInByPass(form.getCode(), user);
        redirect.addFlashAttribute("flash", messages.getMessage("access.desk.checkedIn",
            new Object[] {visit.visitorName(), visit.hostName()}, locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        binding.rejectValue("code", e.messageKey(), e.arguments(),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }

  @PostMapping(PATH + "/{id:\\d+}/check-out")
  String checkOut(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    String[] name = {""};
    return PageOutcome.redirectAfter(() -> name[0] = visits.checkOut(id, CurrentUsers.current()).visitorName(),
        () -> messages.getMessage("access.desk.checkedOut", new Object[] {name[0]}, locale), PATH, redirect,
        messages, locale);
  }
}
