package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rent reminders and safety checks on their own: no database, no Spring. */
class RentalStatesTest {

  private static final LocalDate DUE = LocalDate.of(2026, 4, 1);

  @Test
  void anInstalmentIsDueSoonUpToItsDueDateAndOverdueFromTheDayAfter() {
    assertThat(ReminderKind.of(DUE, DUE.minusDays(5))).isEqualTo(ReminderKind.DUE_SOON);
    assertThat(ReminderKind.of(DUE, DUE)).isEqualTo(ReminderKind.DUE_SOON);
    assertThat(ReminderKind.of(DUE, DUE.plusDays(1))).isEqualTo(ReminderKind.OVERDUE);
  }

  @Test
  void anOverdueReminderAsksToCollectADueOneToRemindTheTenant() {
    assertThat(ReminderKind.OVERDUE.titlePrefix()).isEqualTo("欠租：");
    assertThat(ReminderKind.OVERDUE.advice()).isEqualTo("请催缴欠租并登记收款。");
    assertThat(ReminderKind.DUE_SOON.titlePrefix()).isEqualTo("租金将到期：");
    assertThat(ReminderKind.DUE_SOON.advice()).isEqualTo("请提醒承租方按期缴纳租金。");
  }

  @Test
  void aSafetyCheckPassesOrFindsIssuesAndOnlyIssuesNeedNotes() {
    assertThat(SafetyCheckResult.parse("PASSED").needsNotes()).isFalse();
    assertThat(SafetyCheckResult.parse("ISSUES").needsNotes()).isTrue();
    for (String unknown : new String[] {"OK", "passed", null}) {
      assertThatThrownBy(() -> SafetyCheckResult.parse(unknown)).isInstanceOf(BusinessRuleException.class)
          .extracting("messageKey").isEqualTo("space.rental.checkResultUnknown");
    }
  }
}
