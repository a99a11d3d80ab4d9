package cn.smartaffairs.workbench;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 工作台: the page everyone lands on, with their to-do list. */
@PageController
class HomeController {

  private final TodoInbox inbox;

  HomeController(TodoInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/")
  String home(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("user", user);
    model.addAttribute("todos", inbox.open(user.userId(), 20).stream()
        .map(todo -> new TodoLine(todo.title(), todo.link(),
            todo.dueAt() == null ? null : todo.dueAt().atZone(PlatformConfiguration.ZONE).toLocalDateTime()))
        .toList());
    return "home";
  }

  record TodoLine(String title, String link, java.time.LocalDateTime dueAt) {}
}
