package cn.smartaffairs.asset;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 资产分类 (the GB/T 14885-2022 code table, kept by the platform administrator) and 折旧年限 (the shortest lives by
 * class, national and regional, under /admin for administrators).
 */
@PageController
class AssetRulesController {

  private final AssetClasses classes;
  private final LifeRules lives;
  private final AssetRegister register;
  private final MessageSource messages;

  AssetRulesController(AssetClasses classes, LifeRules lives, AssetRegister register, MessageSource messages) {
    this.classes = classes;
    this.lives = lives;
    this.register = register;
    this.messages = messages;
  }

  @GetMapping("/assets/classes")
  String classes(Model model) {
    model.addAttribute("inForce", classes.inForce(register.today()));
    model.addAttribute("versions", classes.versions());
    if (!model.containsAttribute("classForm")) {
      model.addAttribute("classForm", new ClassForm());
    }
    return "asset/classes";
  }

  @PostMapping("/assets/classes")
  String addClass(@Valid @ModelAttribute("classForm") ClassForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> classes.add(form.toVersion(), CurrentUsers.current()),
        () -> messages.getMessage("asset.class.saved", new Object[] {form.getCode(), form.getName()}, locale),
        "/assets/classes", redirect, messages, locale);
  }

  @GetMapping("/admin/asset-life-rules")
  String lifeRules(Model model) {
    CurrentUser user = CurrentUsers.current();
    var inForce = classes.inForce(register.today());
    model.addAttribute("versions", lives.versions(user.regionId()));
    model.addAttribute("classNames", inForce.stream().collect(Collectors.toMap(AssetClass::code, AssetClass::name)));
    model.addAttribute("depreciatedClasses", inForce.stream().filter(AssetClass::depreciated).toList());
    var today = register.today();
    Map<String, LifeRules.LifeRule> current = lives.versions(user.regionId()).stream()
        .filter(r -> !r.effectiveFrom().isAfter(today))
        .collect(Collectors.toMap(LifeRules.LifeRule::classCode, Function.identity(),
            (a, b) -> LifeRules.preferred(a, b)));
    model.addAttribute("inForceIds", current.values().stream().map(LifeRules.LifeRule::id).toList());
    if (!model.containsAttribute("lifeRuleForm")) {
      model.addAttribute("lifeRuleForm", new LifeRuleForm());
    }
    return "asset/life-rules";
  }

  @PostMapping("/admin/asset-life-rules")
  String addLifeRule(@Valid @ModelAttribute("lifeRuleForm") LifeRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> lives.add(form.isNational() ? null : user.regionId(),
        form.getClassCode(), form.getLifeMonths(), form.getEffectiveFrom(), user),
        () -> messages.getMessage("common.saved", null, locale), "/admin/asset-life-rules", redirect, messages,
        locale);
  }
}
