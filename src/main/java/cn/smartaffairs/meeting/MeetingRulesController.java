package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 会议规则 for the region's administrators: the versions of the check-in grace (签到时限, after which an unchecked
 * booking is released) and of the fee caps per meeting class, each new version from a day on.
 */
@PageController
class MeetingRulesController {

  private final MeetingRules rules;
  private final MessageSource messages;

  MeetingRulesController(MeetingRules rules, MessageSource messages) {
    this.rules = rules;
    this.messages = messages;
  }

  @GetMapping("/meeting-rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("graceRules", rules.graceRules(user.regionId()));
    model.addAttribute("feeCaps", rules.feeCapRules(user.regionId()));
    model.addAttribute("meetingClasses", MeetingController.MEETING_CLASSES);
    if (!model.containsAttribute("graceForm")) {
      model.addAttribute("graceForm", new GraceForm());
    }
    if (!model.containsAttribute("feeCapForm")) {
      model.addAttribute("feeCapForm", new FeeCapForm());
    }
    return "meeting/rules";
  }

  @PostMapping("/meeting-rules/grace")
  String addGrace(@Valid @ModelAttribute("graceForm") GraceForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return MeetingForms.redirectAfter(binding,
        () -> rules.addGraceRule(user.regionId(), form.getGraceMinutes(), form.getEffectiveFrom(), user),
        () -> inForce(form.getEffectiveFrom(), locale), "/meeting-rules", redirect, messages, locale);
  }

  @PostMapping("/meeting-rules/fee-caps")
  String addFeeCap(@Valid @ModelAttribute("feeCapForm") FeeCapForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return MeetingForms.redirectAfter(binding, () -> rules.addFeeCap(user.regionId(), form.getMeetingClass(),
        form.fenPerPersonDay(), form.getEffectiveFrom(), user),
        () -> inForce(form.getEffectiveFrom(), locale), "/meeting-rules", redirect, messages, locale);
  }

  private String inForce(java.time.LocalDate from, Locale locale) {
    return messages.getMessage("meeting.done.ruleInForce", new Object[] {String.valueOf(from)}, locale);
  }
}
