package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工单时限与督办规则: the rule tables as an administrator keeps them (under /admin, for admins only). */
@PageController
@RequestMapping("/admin/work-order-rules")
class WorkOrderRulesController {

  private final WorkOrderRules rules;
  private final WorkOrders workOrders;
  private final MessageSource messages;

  WorkOrderRulesController(WorkOrderRules rules, WorkOrders workOrders, MessageSource messages) {
    this.rules = rules;
    this.workOrders = workOrders;
    this.messages = messages;
  }

  @GetMapping
  String page(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("deadlineRules", rules.deadlineRules(user.regionId()));
    model.addAttribute("inForce", rules.inForce(user.regionId(), LocalDate.now(PlatformConfiguration.ZONE)));
    model.addAttribute("escalation", rules.escalationRule(user.regionId()));
    model.addAttribute("categories", workOrders.categories());
    if (!model.containsAttribute("deadlineForm")) {
      var form = new DeadlineRuleForm();
      form.setPriority("NORMAL");
      model.addAttribute("deadlineForm", form);
    }
    if (!model.containsAttribute("escalationForm")) {
      var escalation = rules.escalationRule(user.regionId());
      var form = new EscalationForm();
      form.setRemindBeforeMinutes(escalation.remindBeforeMinutes());
      form.setSuperviseAfterWorkDays(escalation.superviseAfterWorkDays());
      model.addAttribute("escalationForm", form);
    }
    return "workorder/rules";
  }

  @PostMapping("/deadlines")
  String addDeadlineRule(@Valid @ModelAttribute("deadlineForm") DeadlineRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.addDeadlineRule(form.isNational() ? null : user.regionId(),
        form.getCategory(), form.getPriority(), form.getRespondMinutes(), form.getResolveWorkingDays(),
        form.getEffectiveFrom(), user), () -> messages.getMessage("common.saved", null, locale),
        "/admin/work-order-rules", redirect, messages, locale);
  }

  @PostMapping("/escalation")
  String setEscalation(@Valid @ModelAttribute("escalationForm") EscalationForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.setEscalationRule(user.regionId(),
        form.getRemindBeforeMinutes(), form.getSuperviseAfterWorkDays(), user),
        () -> messages.getMessage("common.saved", null, locale), "/admin/work-order-rules", redirect, messages, locale);
  }
}
