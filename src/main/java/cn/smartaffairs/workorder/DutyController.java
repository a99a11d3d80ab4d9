package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 值班与派单: the coming weeks' duty shifts and the office-hours dispatch rules of the dispatcher's region. */
@PageController
@RequestMapping("/work-orders/duty")
class DutyController {

  private final DutyRota rota;
  private final WorkOrders workOrders;
  private final Accounts accounts;
  private final MessageSource messages;

  DutyController(DutyRota rota, WorkOrders workOrders, Accounts accounts, MessageSource messages) {
    this.rota = rota;
    this.workOrders = workOrders;
    this.accounts = accounts;
    this.messages = messages;
  }

  @GetMapping
  String page(Model model) {
    CurrentUser user = WorkOrders.requireDispatcher(CurrentUsers.current());
    LocalDate today = LocalDate.now(PlatformConfiguration.ZONE);
    var handlers = accounts.holding(user.regionId(), Role.REPAIR_WORKER, Role.REPAIR_MANAGER);
    model.addAttribute("shifts",
        rota.shifts(user.regionId(), today.atStartOfDay(PlatformConfiguration.ZONE).toInstant(),
            today.plusWeeks(4).atStartOfDay(PlatformConfiguration.ZONE).toInstant()));
    model.addAttribute("handlers", handlers);
    model.addAttribute("names", handlers.stream()
        .collect(Collectors.toMap(Accounts.AccountName::userId, Accounts.AccountName::displayName)));
    model.addAttribute("categories", workOrders.categories());
    model.addAttribute("rules", rota.dispatchRules(user.regionId()));
    model.addAttribute("kinds", List.of("REPAIR", "HOTLINE", "VISIT"));
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    if (!model.containsAttribute("shiftForm")) {
      model.addAttribute("shiftForm", new ShiftForm());
    }
    if (!model.containsAttribute("ruleForm")) {
      model.addAttribute("ruleForm", new DispatchRuleForm());
    }
    return "workorder/duty";
  }

  @PostMapping("/shifts")
  String addShift(@Valid @ModelAttribute("shiftForm") ShiftForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    String kind = form.getKind() == null || form.getKind().isBlank() ? null : form.getKind();
    return PageOutcome.redirectAfter(binding, () -> rota.addShift(form.getUserId(), kind,
        form.getStartsAt().atZone(PlatformConfiguration.ZONE).toInstant(),
        form.getEndsAt().atZone(PlatformConfiguration.ZONE).toInstant(), CurrentUsers.current()),
        () -> messages.getMessage("common.saved", null, locale), "/work-orders/duty", redirect, messages, locale);
  }

  @PostMapping("/rules")
  String setRule(@Valid @ModelAttribute("ruleForm") DispatchRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rota.setDispatchRule(form.getCategory(), form.getBuilding(),
        form.getUserId(), CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale),
        "/work-orders/duty", redirect, messages, locale);
  }
}
