package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 应急演练: record the units' drills; the units short of the year's drills are warned of at the top. */
@PageController
class DrillPageController {

  static final String PATH = "/security/drills";

  private final Drills drills;
  private final MessageSource messages;

  DrillPageController(Drills drills, MessageSource messages) {
    this.drills = drills;
    this.messages = messages;
  }

  @GetMapping(PATH)
  String page(Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate today = drills.today();
    model.addAttribute("shortfalls", drills.shortfalls(user, today));
    model.addAttribute("drills", drills.year(user, today.getYear()));
    model.addAttribute("units", drills.units(user));
    model.addAttribute("kinds", Drills.Kind.values());
    model.addAttribute("year", today.getYear());
    if (!model.containsAttribute("drillForm")) {
      DrillForm form = new DrillForm();
      form.setHeldOn(today);
      model.addAttribute("drillForm", form);
    }
    return "access/drills";
  }

  @PostMapping(PATH)
  String record(@Valid @ModelAttribute("drillForm") DrillForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        Drills.Drill drill = drills.record(form.getUnitId(), form.getHeldOn(), form.getKind(), form.getTitle(),
            form.getParticipants(), CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.drill.recorded",
            new Object[] {drill.unitName(), drill.heldOn().toString()}, locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        String field = switch (e.messageKey()) {
          case "access.drill.unitRequired" -> "unitId";
          case "access.drill.dayInvalid" -> "heldOn";
          default -> "title";
        };
        binding.rejectValue(field, e.messageKey(), e.arguments(),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }
}
