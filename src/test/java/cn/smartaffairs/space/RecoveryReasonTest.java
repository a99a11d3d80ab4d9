package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.organisation.StaffStatus;
import org.junit.jupiter.api.Test;

/** An office is recovered after its holder left and vacated after a concurrent post ended, each on its own deadline. */
class RecoveryReasonTest {

  @Test
  void eachReasonRunsOnItsOwnDeadlineRule() {
    assertThat(RecoveryReason.LEFT.deadline()).isEqualTo(AreaStandards.Deadline.RECOVERY_AFTER_LEAVING);
    assertThat(RecoveryReason.CONCURRENT_POST_ENDED.deadline())
        .isEqualTo(AreaStandards.Deadline.SECOND_OFFICE_AFTER_POST);
  }

  @Test
  void anOfficeOfSomeoneWhoLeftIsRecoveredASecondOfficeIsVacated() {
    assertThat(RecoveryReason.LEFT.action()).isEqualTo("收回");
    assertThat(RecoveryReason.CONCURRENT_POST_ENDED.action()).isEqualTo("腾退");
  }

  @Test
  void theToDoSaysWhyTransferredRetiredOrThePostEnded() {
    assertThat(RecoveryReason.LEFT.why(StaffStatus.TRANSFERRED)).isEqualTo("调出");
    assertThat(RecoveryReason.LEFT.why(StaffStatus.RETIRED)).isEqualTo("退休");
    assertThat(RecoveryReason.CONCURRENT_POST_ENDED.why(StaffStatus.ACTIVE)).isEqualTo("兼职结束");
  }
}
