package cn.smartaffairs.calendar;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工作日历维护: the year's holidays and adjusted working days, national and the admin's own region. */
@PageController
@RequestMapping("/admin/calendar")
class CalendarController {

  private final WorkingCalendar calendar;
  private final MessageSource messages;

  CalendarController(WorkingCalendar calendar, MessageSource messages) {
    this.calendar = calendar;
    this.messages = messages;
  }

  @GetMapping
  String year(@RequestParam(required = false) Integer year, Model model) {
    int shown = year != null ? year : LocalDate.now(PlatformConfiguration.ZONE).getYear();
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("year", shown);
    model.addAttribute("entries", calendar.entries(shown, user.regionId()));
    model.addAttribute("kinds", DayKind.values());
    if (!model.containsAttribute("dayForm")) {
      var form = new CalendarDayForm();
      form.setNational(true);
      model.addAttribute("dayForm", form);
    }
    return "calendar/year";
  }

  @PostMapping
  String put(@Valid @ModelAttribute("dayForm") CalendarDayForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = form.getDay();
    return PageOutcome.redirectAfter(binding,
        () -> calendar.put(form.isNational() ? null : user.regionId(), day, form.getKind(), form.getName(), user),
        () -> messages.getMessage("calendar.done.put", new Object[] {String.valueOf(day), form.getName().strip(),
            messages.getMessage("calendar.kind." + form.getKind(), null, locale)}, locale),
        day == null ? "/admin/calendar" : "/admin/calendar?year=" + day.getYear(), redirect, messages, locale);
  }

  @PostMapping("/{id:\\d+}/delete")
  String remove(@PathVariable long id, @RequestParam int year, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> calendar.remove(id, CurrentUsers.current()),
        () -> messages.getMessage("calendar.done.removed", null, locale), "/admin/calendar?year=" + year, redirect,
        messages, locale);
  }
}
