package cn.smartaffairs.approval;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every few minutes for approval tasks whose reminder time has come. */
@Component
class ApprovalReminders {

  private final Approvals approvals;

  ApprovalReminders(Approvals approvals) {
    this.approvals = approvals;
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  @SchedulerLock(name = "approval-reminders")
  public void remind() {
    approvals.sendReminders();
  }
}
