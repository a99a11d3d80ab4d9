package cn.smartaffairs.space;

import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 办公用房标准: the rule tables (per-person standards, per-unit building grades, recovery deadlines) and a form for a
 * new version of each. The tables are tens of rows, read whole.
 */
@PageController
class SpaceRulesController {

  private final AreaStandards standards;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  SpaceRulesController(AreaStandards standards, OrganisationDirectory organisation, MessageSource messages) {
    this.standards = standards;
    this.organisation = organisation;
    this.messages = messages;
  }

  @GetMapping("/space/rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("officeStandards", standards.officeStandards(user.regionId()));
    model.addAttribute("unitStandards", standards.unitStandards(user.regionId()));
    model.addAttribute("deadlines", standards.deadlines(user.regionId()));
    model.addAttribute("levels", GovernmentLevel.values());
    model.addAttribute("grades", organisation.ranks().stream().map(r -> r.grade()).distinct().toList());
    model.addAttribute("buildingGrades", List.of("一级", "二级", "三级"));
    model.addAttribute("deadlineKinds", AreaStandards.Deadline.values());
    SpaceForms.addIfAbsent(model, "officeStandardForm", OfficeStandardForm::new);
    SpaceForms.addIfAbsent(model, "unitStandardForm", UnitStandardForm::new);
    SpaceForms.addIfAbsent(model, "deadlineForm", DeadlineForm::new);
    return "space/rules";
  }

  @PostMapping("/space/rules/office")
  String setOfficeStandard(@Valid @ModelAttribute("officeStandardForm") OfficeStandardForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Long region = form.isNational() ? null : user.regionId();
    return PageOutcome.redirectAfter(binding,
        () -> standards.setOfficeStandard(region, form.getEffectiveFrom(), form.getGovernmentLevel(), form.getGrade(),
            form.getMaxUseArea(),
            form.getPostLabel(), form.getSource(), user),
        inForce(form.getEffectiveFrom(), locale), "/space/rules",
        redirect, messages, locale);
  }

  @PostMapping("/space/rules/unit")
  String setUnitStandard(@Valid @ModelAttribute("unitStandardForm") UnitStandardForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Long region = form.isNational() ? null : user.regionId();
    return PageOutcome.redirectAfter(binding,
        () -> standards.setUnitStandard(region, form.getEffectiveFrom(), form.getGovernmentLevel(),
            form.getBuildingGrade(),
            form.getUseAreaPerHead(), form.getLargeUnitHeadcount(), form.getLargeUnitPerHead(), form.getSource(), user),
        inForce(form.getEffectiveFrom(), locale), "/space/rules", redirect, messages, locale);
  }

  @PostMapping("/space/rules/deadline")
  String setDeadline(@Valid @ModelAttribute("deadlineForm") DeadlineForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Long region = form.isNational() ? null : user.regionId();
    return PageOutcome.redirectAfter(binding,
        () -> standards.setDeadline(region, form.getEffectiveFrom(), form.getKind(), form.getMonths(), form.getSource(),
            user),
        inForce(form.getEffectiveFrom(), locale), "/space/rules", redirect, messages, locale);
  }

  private Supplier<String> inForce(Object effectiveFrom, Locale locale) {
    return () -> messages.getMessage("space.done.ruleInForce", new Object[] {String.valueOf(effectiveFrom)}, locale);
  }
}
