package cn.smartaffairs.notification;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 消息通知: the signed-in person's own notifications, and the address e-mail notifications go to. */
@PageController
class NotificationController {

  private final Notifications notifications;
  private final Accounts accounts;
  private final MessageSource messages;

  NotificationController(Notifications notifications, Accounts accounts, MessageSource messages) {
    this.notifications = notifications;
    this.accounts = accounts;
    this.messages = messages;
  }

  /** The list's columns, for its page and its export. */
  static final ListColumns<Line> COLUMNS = ListColumns.<Line>sortedBy(Notifications.SORT_KEYS)
      .sortable("title", "notification.column.title", Line::title)
      .exportOnly("notification.column.body", Line::body)
      .sortable("time", "notification.column.time", Line::createdAt).css("d-none d-md-table-cell")
      .sortable("unread", "notification.column.state", line -> ListColumns.words(line.unread()
          ? "notification.unread"
          : "notification.read"))
      .searchedFor("notification.search").exportedAs("notification.title");

  @GetMapping("/notifications")
  String list(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, lines(notifications.search(user.userId(), query)));
    if (!model.containsAttribute("emailForm")) {
      var form = new EmailForm();
      form.setEmail(accounts.emailOf(user.userId()).orElse(""));
      model.addAttribute("emailForm", form);
    }
    return "notification/list";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/notifications/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListQuery query = COLUMNS.parse(parameters).forExport();
    ListExport.send(response, COLUMNS, lines(notifications.search(CurrentUsers.current().userId(), query)).items(),
        messages, locale);
  }

  private static Page<Line> lines(Page<Notification> page) {
    return new Page<>(page.items().stream().map(n -> new Line(n.id(), n.title(), n.body(), n.link(),
        LocalDateTime.ofInstant(n.createdAt(), PlatformConfiguration.ZONE), n.unread())).toList(),
        page.total(), page.page(), page.size());
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(@PathVariable long id) {
    if (!notifications.markRead(CurrentUsers.current().userId(), id)) {
      throw new NotFoundException("notification", id);
    }
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String markAllRead() {
    notifications.markAllRead(CurrentUsers.current().userId());
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/email")
  String setEmail(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/notifications", redirect);
    }
    CurrentUser user = CurrentUsers.current();
    try {
      accounts.setEmail(user.userId(), form.getEmail(), user);
      redirect.addFlashAttribute("flash", messages.getMessage("notification.emailSaved", null, locale));
    } catch (BusinessRuleException e) {
      binding.rejectValue("email", e.messageKey(), e.arguments(),
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return PageOutcome.redirectWithErrors(binding, "/notifications", redirect);
    }
    return "redirect:/notifications";
  }

  record Line(long id, String title, String body, String link, LocalDateTime createdAt, boolean unread) {}
}
