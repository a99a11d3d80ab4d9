package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 定位与核查规则: the values the live map, trip derivation, the GPS audit and position retention read, as in force today
 * for the manager's region, every version, and a form for a new one (the region's own, or national for the platform
 * administrator). Vehicle managers and administrators only, as the map.
 */
@PageController
class TelemetryRulesPageController {

  static final String PATH = "/vehicles/telemetry-rules";

  private final TelemetryRules rules;
  private final MessageSource messages;
  private final Clock clock;

  TelemetryRulesPageController(TelemetryRules rules, MessageSource messages, Clock clock) {
    this.rules = rules;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    TerminalBindings.managedBy(user);
    LocalDate today = LocalDate.now(clock);
    Map<TelemetryRules.Key, Integer> inForce = rules.valuesFor(user.regionId(), today);
    model.addAttribute("keys", TelemetryRules.Key.values());
    model.addAttribute("inForce", inForce);
    model.addAttribute("versions", rules.versions(user.regionId()));
    if (!model.containsAttribute("ruleForm")) {
      TelemetryRuleForm form = new TelemetryRuleForm();
      form.setEffectiveFrom(today);
      model.addAttribute("ruleForm", form);
    }
    return "telemetry/rules";
  }

  @PostMapping(PATH)
  String addVersion(@Valid @ModelAttribute("ruleForm") TelemetryRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addVersion(form.getKey(), form.getValue(),
        form.getEffectiveFrom(), form.isNational(), form.getSource(), CurrentUsers.current()),
        () -> messages.getMessage("telemetry.rules.added", new Object[] {
            messages.getMessage("telemetry.rule." + form.getKey(), null, locale), form.getEffectiveFrom().toString()},
            locale),
        PATH, redirect, messages, locale);
  }
}
