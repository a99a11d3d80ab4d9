package cn.smartaffairs.notification;

import cn.smartaffairs.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the number of unread notifications into every page's top bar. */
@ControllerAdvice(annotations = Controller.class)
class NotificationShellAdvice {

  private final Notifications notifications;

  NotificationShellAdvice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute
  void unread(@AuthenticationPrincipal CurrentUser user, Model model) {
    // API keys call only the JSON API, which has no page shell (REST controllers are controllers too)
    if (user != null && !user.isApiKey()) {
      model.addAttribute("shellUnreadNotifications", notifications.unreadCount(user.userId()));
    }
  }
}
