package cn.smartaffairs.notification;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the number of unread notifications into every page's top bar. */
@ControllerAdvice(annotations = PageController.class)
class NotificationShellAdvice {

  private final Notifications notifications;

  NotificationShellAdvice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute
  void unread(@AuthenticationPrincipal CurrentUser user, Model model) {
    // pages only (PageController); an API key never renders one, but a stray one must not fail the page
    if (user != null && !user.isApiKey()) {
      model.addAttribute("shellUnreadNotifications", notifications.unreadCount(user.userId()));
    }
  }
}
