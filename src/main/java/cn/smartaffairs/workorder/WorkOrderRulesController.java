package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    return "workorder/rules";
  }

  @PostMapping("/deadlines")
  String addDeadlineRule(@RequestParam String category, @RequestParam String priority, @RequestParam int respondMinutes,
                         @RequestParam int resolveWorkingDays,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                         @RequestParam(defaultValue = "false") boolean national, RedirectAttributes redirect,
                         Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> rules.addDeadlineRule(national ? null : user.regionId(), category, priority,
        respondMinutes, resolveWorkingDays, effectiveFrom, user), "/admin/work-order-rules", redirect, messages, locale);
  }

  @PostMapping("/escalation")
  String setEscalation(@RequestParam int remindBeforeMinutes, @RequestParam int superviseAfterWorkDays,
                       RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(
        () -> rules.setEscalationRule(user.regionId(), remindBeforeMinutes, superviseAfterWorkDays, user),
        "/admin/work-order-rules", redirect, messages, locale);
  }

}
