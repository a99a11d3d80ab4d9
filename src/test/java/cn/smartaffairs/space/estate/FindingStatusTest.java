package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import org.junit.jupiter.api.Test;

/** A finding is rectified when open and confirmed when rectified, one step at a time; answers are 合格 or 不合格. */
class FindingStatusTest {

  @Test
  void aFindingIsRectifiedWhenOpenAndConfirmedWhenRectified() {
    assertThat(FindingStatus.OPEN.mayMoveTo(FindingStatus.RECTIFIED)).isTrue();
    assertThat(FindingStatus.RECTIFIED.mayMoveTo(FindingStatus.CONFIRMED)).isTrue();
    assertThat(FindingStatus.OPEN.mayMoveTo(FindingStatus.CONFIRMED)).as("no step is skipped").isFalse();
    assertThat(FindingStatus.CONFIRMED.mayMoveTo(FindingStatus.RECTIFIED)).as("none goes back").isFalse();
    assertThatCode(() -> FindingStatus.requireMove(7, FindingStatus.OPEN, FindingStatus.RECTIFIED))
        .doesNotThrowAnyException();
  }

  @Test
  void aMoveFromAnyOtherStatusIsRefusedNamingTheStatusTheFindingShouldBeIn() {
    assertThatThrownBy(() -> FindingStatus.requireMove(7, FindingStatus.OPEN, FindingStatus.CONFIRMED))
        .isInstanceOf(ConflictException.class).extracting("messageKey").isEqualTo("space.estate.findingNotIn");
    assertThatThrownBy(() -> FindingStatus.requireMove(7, FindingStatus.CONFIRMED, FindingStatus.RECTIFIED))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.arguments()).containsExactly(7L, "OPEN"));
    assertThat(FindingStatus.CONFIRMED.closed()).isTrue();
    assertThat(FindingStatus.RECTIFIED.closed()).as("a rectified finding may still need a work order").isFalse();
  }

  @Test
  void aChecklistAnswerIsPassOrFailAndNothingElse() {
    assertThat(CheckResult.parse("PASS")).isEqualTo(CheckResult.PASS);
    assertThat(CheckResult.parse("FAIL")).isEqualTo(CheckResult.FAIL);
    for (String unknown : new String[] {"MAYBE", "pass", "", null}) {
      assertThatThrownBy(() -> CheckResult.parse(unknown)).isInstanceOf(BusinessRuleException.class)
          .extracting("messageKey").isEqualTo("space.estate.resultUnknown");
    }
  }
}
