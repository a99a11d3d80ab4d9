package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepairStageTest {

  @Test
  void eachStepLeadsOnlyToTheNextOne() {
    assertThat(RepairStage.SURVEY.mayMoveTo(RepairStage.APPROVAL)).isTrue();
    assertThat(RepairStage.SURVEY.mayMoveTo(RepairStage.PLANNING)).isFalse();
    assertThat(RepairStage.WORKS.mayMoveTo(RepairStage.ACCEPTANCE)).isTrue();
    assertThat(RepairStage.ACCEPTANCE.mayMoveTo(RepairStage.WORKS)).isFalse();
    assertThat(RepairStage.ACCEPTANCE.mayMoveTo(RepairStage.ACCEPTANCE)).isFalse();
    assertThat(RepairStage.COMPLETED.next()).isEmpty();
  }
}
