package cn.smartaffairs.calendar;

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
import org.springframework.web.bind.annotation.PathVariable;
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
    return "calendar/year";
  }

  @PostMapping
  String put(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, @RequestParam DayKind kind,
             @RequestParam String name, @RequestParam(defaultValue = "false") boolean national,
             RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> calendar.put(national ? null : user.regionId(), day, kind, name, user),
        () -> messages.getMessage("calendar.done.put", new Object[] {day.toString(), name.strip(),
            messages.getMessage("calendar.kind." + kind, null, locale)}, locale),
        "/admin/calendar?year=" + day.getYear(), redirect, messages, locale);
  }

  @PostMapping("/{id:\\d+}/delete")
  String remove(@PathVariable long id, @RequestParam int year, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> calendar.remove(id, CurrentUsers.current()),
        () -> messages.getMessage("calendar.done.removed", null, locale), "/admin/calendar?year=" + year, redirect,
        messages, locale);
  }
}
