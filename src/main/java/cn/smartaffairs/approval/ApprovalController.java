package cn.smartaffairs.approval;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The request page the to-do inbox links to: the route taken, who is pending, and the viewer's own decision. */
@PageController
@RequestMapping("/approvals")
class ApprovalController {

  private final Approvals approvals;
  private final ApprovalSubjects subjects;
  private final MessageSource messages;

  ApprovalController(Approvals approvals, ApprovalSubjects subjects, MessageSource messages) {
    this.approvals = approvals;
    this.subjects = subjects;
    this.messages = messages;
  }

  /** A task as the page shows it, in Beijing time. */
  record TaskLine(ApprovalRoute.Task task, LocalDateTime dueAt, LocalDateTime closedAt, boolean byDeputy) {}

  @GetMapping("/{id:\\d+}")
  String show(@PathVariable long id, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    ApprovalRoute route = approvals.route(id, user);
    model.addAttribute("request", route);
    // what is approved, in words, from the module that asked (the raw facts only for types no module describes)
    model.addAttribute("typeName", subjects.typeName(route.requestType(), locale));
    model.addAttribute("summary", subjects.summary(id, route.requestType(), locale).orElse(null));
    model.addAttribute("submittedAt", local(route.submittedAt()));
    model.addAttribute("rounds", route.tasks().stream()
        .map(task -> new TaskLine(task, local(task.dueAt()), local(task.closedAt()),
            task.decidedByName() != null && !task.decidedByName().equals(task.assigneeName())))
        .collect(Collectors.groupingBy(line -> line.task().round(), java.util.TreeMap::new, Collectors.toList())));
    model.addAttribute("myTasks", approvals.openTasks(user).stream().filter(task -> task.requestId() == id).toList());
    model.addAttribute("mayWithdraw", route.applicantId() == user.userId() && route.status() == RequestStatus.PENDING
        && route.tasks().stream().noneMatch(task -> task.round() == route.round()
            && (task.status() == TaskStatus.APPROVED || task.status() == TaskStatus.REJECTED)));
    return "approval/request";
  }

  @PostMapping("/tasks/{taskId:\\d+}/{decision:approve|reject}")
  String decide(@PathVariable long taskId, @PathVariable String decision,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect, Locale locale) {
    long requestId = approvals.requestOfTask(taskId);
    CurrentUser user = CurrentUsers.current();
    return act(requestId, redirect, locale, () -> {
      if (decision.equals("approve")) {
        approvals.approve(taskId, user, comment);
      } else {
        approvals.reject(taskId, user, comment);
      }
    });
  }

  @PostMapping("/{id:\\d+}/withdraw")
  String withdraw(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return act(id, redirect, locale, () -> approvals.withdraw(id, user));
  }

  private String act(long requestId, RedirectAttributes redirect, Locale locale, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("flash", messages.getMessage("approval.decided", null, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:/approvals/" + requestId;
  }

  private static LocalDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(PlatformConfiguration.ZONE).toLocalDateTime();
  }
}
