package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.Clock;
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

/**
 * 出租期限规则: the lease-term rule versions (longest term, rent reminder lead) as an administrator keeps them (under
 * /admin, for admins only).
 */
@PageController
@RequestMapping("/admin/space-rental-rules")
class LeaseTermRuleController {

  private final LeaseTermRules rules;
  private final MessageSource messages;
  private final Clock clock;

  LeaseTermRuleController(LeaseTermRules rules, MessageSource messages, Clock clock) {
    this.rules = rules;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate today = LocalDate.now(clock.withZone(cn.smartaffairs.platform.PlatformConfiguration.ZONE));
    model.addAttribute("versions", rules.versions(user.regionId()));
    model.addAttribute("inForce", rules.inForce(user.regionId(), today));
    model.addAttribute("ceiling", LeaseTermRules.CEILING_MONTHS);
    model.addAttribute("maxLeadDays", LeaseTermRules.MAX_REMINDER_LEAD_DAYS);
    if (!model.containsAttribute("ruleForm")) {
      var form = new TermRuleForm();
      form.setReminderLeadDays(rules.inForce(user.regionId(), today).reminderLeadDays());
      model.addAttribute("ruleForm", form);
    }
    return "space/rental/rules";
  }

  @PostMapping
  String add(@Valid @ModelAttribute("ruleForm") TermRuleForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.add(form.isNational() ? null : user.regionId(),
        form.getName(), form.getMaxTermMonths(), form.getReminderLeadDays(), form.getEffectiveFrom(), user),
        () -> messages.getMessage("common.saved", null, locale), "/admin/space-rental-rules", redirect, messages,
        locale);
  }
}
