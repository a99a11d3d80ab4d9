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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security managers' pages: 重点关注名单 (the watch list with its reasons) and 安保规则 (the visitor log's retention
 * and the drills a year, versioned per region).
 */
@PageController
class SecurityAdminController {

  static final String WATCH_LIST = "/security/watch-list";
  static final String RULES = "/security/rules";

  private final WatchList watchList;
  private final AccessRules rules;
  private final Visits visits;
  private final MessageSource messages;

  SecurityAdminController(WatchList watchList, AccessRules rules, Visits visits, MessageSource messages) {
    this.watchList = watchList;
    this.rules = rules;
    this.visits = visits;
    this.messages = messages;
  }

  @GetMapping(WATCH_LIST)
  String watchList(Model model) {
    model.addAttribute("entries", watchList.list(CurrentUsers.current()));
    if (!model.containsAttribute("watchForm")) {
      model.addAttribute("watchForm", new WatchEntryForm());
    }
    return "access/watch-list";
  }

  @PostMapping(WATCH_LIST)
  String add(@Valid @ModelAttribute("watchForm") WatchEntryForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        WatchList.Entry entry = watchList.add(form.getIdNumber(), form.getPersonName(), form.getReason(),
            CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.watch.added",
            new Object[] {entry.personName()}, locale));
        return "redirect:" + WATCH_LIST;
      } catch (BusinessRuleException e) {
        String field = e instanceof InvalidIdNumberException || e.messageKey().equals("access.watch.alreadyListed")
            ? "idNumber"
            : e.messageKey().equals("access.watch.nameInvalid") ? "personName" : "reason";
        binding.rejectValue(field, e.messageKey(), e.arguments(),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return PageOutcome.redirectWithErrors(binding, WATCH_LIST, redirect);
  }

  @PostMapping(WATCH_LIST + "/{id:\\d+}/remove")
  String remove(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> watchList.remove(id, reason, CurrentUsers.current()),
        () -> messages.getMessage("access.watch.removed", null, locale), WATCH_LIST, redirect, messages, locale);
  }

  @GetMapping(RULES)
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    AccessRoles.managedBy(user);
    LocalDate today = visits.today();
    model.addAttribute("keys", AccessRules.Key.values());
    model.addAttribute("inForce", rules.valuesFor(user.regionId(), today));
    model.addAttribute("versions", rules.versions(user.regionId()));
    if (!model.containsAttribute("ruleForm")) {
      AccessRuleForm form = new AccessRuleForm();
      form.setEffectiveFrom(today);
      model.addAttribute("ruleForm", form);
    }
    return "access/rules";
  }

  @PostMapping(RULES)
  String addVersion(@Valid @ModelAttribute("ruleForm") AccessRuleForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> rules.addVersion(form.getKey(), form.getValue(),
        form.getEffectiveFrom(), form.isNational(), form.getSource(), CurrentUsers.current()),
        () -> messages.getMessage("access.rules.added", new Object[] {
            messages.getMessage("access.rule." + form.getKey(), null, locale), form.getEffectiveFrom().toString()},
            locale),
        RULES, redirect, messages, locale);
  }
}
