package cn.smartaffairs.notification;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageShell;
import cn.smartaffairs.security.CurrentUser;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the number of unread notifications into every page's top bar. */
@ControllerAdvice(annotations = PageController.class)
class NotificationShellAdvice implements PageShell {

  private final Notifications notifications;

  NotificationShellAdvice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ModelAttribute
  void unread(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAllAttributes(attributes(user));
  }

  @Override
  public Map<String, Object> shellAttributes() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return attributes(
        authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null);
  }

  private Map<String, Object> attributes(CurrentUser user) {
    // pages only (PageController); an API key never renders one, but a stray one must not fail the page
    if (user == null || user.isApiKey()) {
      return Map.of();
    }
    return Map.of("shellUnreadNotifications", notifications.unreadCount(user.userId()));
  }
}
