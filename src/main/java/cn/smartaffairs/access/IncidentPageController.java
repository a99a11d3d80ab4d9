package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 安保事件: report an incident; record its handling in its row. Gate staff and security managers. */
@PageController
class IncidentPageController {

  static final String PATH = "/security/incidents";

  private final Incidents incidents;
  private final MessageSource messages;

  IncidentPageController(Incidents incidents, MessageSource messages) {
    this.incidents = incidents;
    this.messages = messages;
  }

  @GetMapping(PATH)
  String page(Model model) {
    model.addAttribute("incidents", incidents.list(CurrentUsers.current()));
    if (!model.containsAttribute("incidentForm")) {
      model.addAttribute("incidentForm", new IncidentForm());
    }
    return "access/incidents";
  }

  @PostMapping(PATH)
  String report(@Valid @ModelAttribute("incidentForm") IncidentForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        incidents.report(form.getOccurredAt(), form.getPlace(), form.getDescription(), CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.incident.reported", null, locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        binding.rejectValue(e.messageKey().equals("access.incident.timeInvalid") ? "occurredAt" : "description",
            e.messageKey(), e.arguments(), messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }

  @PostMapping(PATH + "/{id:\\d+}/handle")
  String handle(@PathVariable long id, @RequestParam(required = false) String handling, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> incidents.handle(id, handling, CurrentUsers.current()),
        () -> messages.getMessage("access.incident.handled", null, locale), PATH, redirect, messages, locale);
  }
}
