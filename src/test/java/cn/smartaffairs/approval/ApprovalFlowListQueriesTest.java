package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.support.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The flows page lists every version with its steps and named approvers in three statements, however many there are. */
@IntegrationTest
class ApprovalFlowListQueriesTest {

  @Autowired Approvals approvals;

  @Autowired ApprovalFlows approvalFlows;
  @Autowired JdbcClient jdbc;

  @Test
  void everyFlowVersionIsListedWithItsStepsInThreeStatements() {
    var read = StatementCounter.counted(() -> approvalFlows.flows(DataScope.everything()));

    long flows = jdbc.sql("select count(*) from approval_flow").query(Long.class).single();
    long steps = jdbc.sql("select count(*) from approval_step").query(Long.class).single();
    long named = jdbc.sql("select count(*) from approval_step_user").query(Long.class).single();
    assertThat(read.answer()).hasSize((int) flows);
    assertThat(flows).isGreaterThan(3);
    assertThat(read.answer().stream().mapToLong(version -> version.steps().size()).sum()).isEqualTo(steps);
    assertThat(read.answer().stream().flatMap(version -> version.steps().stream())
        .mapToLong(step -> step.userIds().size()).sum()).isEqualTo(named);
    assertThat(read.statements()).isLessThanOrEqualTo(3);
  }
}
