package cn.smartaffairs.approval;

import java.time.Duration;
import java.time.Instant;

/**
 * When an approval task is due and its approver reminded. The step's working-hour deadline holds unless the thing
 * approved starts earlier: then the task is due {@code margin} before that start (a trip at 10:00 is decided by 08:00,
 * not two days later), but never before the task was opened. The reminder comes no later than the deadline.
 */
record TaskDeadline(Instant due, Instant remind) {

  /**
   * @param now             when the task is opened
   * @param calendarDue     the step's deadline in working hours from now
   * @param calendarRemind  the step's reminder in working hours from now, or null when the step reminds nobody
   * @param remindBefore    how long before the deadline the step reminds (ignored without a reminder)
   * @param subjectStartsAt when the thing approved starts, or null when it has no start
   * @param margin          how long before that start a decision is wanted
   */
  static TaskDeadline of(Instant now, Instant calendarDue, Instant calendarRemind, Duration remindBefore,
      Instant subjectStartsAt, Duration margin) {
    Instant due = calendarDue;
    if (subjectStartsAt != null) {
      Instant latest = subjectStartsAt.minus(margin);
      if (latest.isBefore(due)) {
        due = latest.isBefore(now) ? now : latest;
      }
    }
    if (calendarRemind == null) {
      return new TaskDeadline(due, null);
    }
    if (due.equals(calendarDue)) {
      return new TaskDeadline(due, calendarRemind);
    }
    Instant beforeDue = due.minus(remindBefore);
    Instant remind = beforeDue.isBefore(now) ? now : beforeDue;
    return new TaskDeadline(due, calendarRemind.isBefore(remind) ? calendarRemind : remind);
  }
}
