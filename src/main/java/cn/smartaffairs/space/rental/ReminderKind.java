package cn.smartaffairs.space.rental;

import java.time.LocalDate;

/** A rent reminder: the instalment falls due soon (租金将到期) or is overdue (欠租); each is sent once per instalment. */
public enum ReminderKind {
  DUE_SOON("租金将到期：", "请提醒承租方按期缴纳租金。"), OVERDUE("欠租：", "请催缴欠租并登记收款。");

  private final String titlePrefix;
  private final String advice;

  ReminderKind(String titlePrefix, String advice) {
    this.titlePrefix = titlePrefix;
    this.advice = advice;
  }

  /** Overdue once the due date has passed; on the due date itself it is still due. */
  static ReminderKind of(LocalDate dueDate, LocalDate today) {
    return dueDate.isBefore(today) ? OVERDUE : DUE_SOON;
  }

  String titlePrefix() {
    return titlePrefix;
  }

  /** What the space manager is asked to do, in the notice's body. */
  String advice() {
    return advice;
  }
}
