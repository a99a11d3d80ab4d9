package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 安保事件: the gate reports an incident, it stays open until its handling is recorded once; each step audited. */
@IntegrationTest
class IncidentTest {

  @Autowired Incidents incidents;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void anIncidentIsReportedAndHandledOnce() {
    CurrentUser guard = accounts.loadUserByUsername("guard");
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    Incidents.Incident reported = incidents.report(now.minusHours(1), "东门", "一辆无证车辆强行尾随进入", guard);
    assertThat(reported.status()).isEqualTo(Incidents.Status.OPEN);
    assertThat(incidents.list(guard)).anySatisfy(i -> assertThat(i.id()).isEqualTo(reported.id()));

    Incidents.Incident handled = incidents.handle(reported.id(), "已劝离并登记车牌", guard);
    assertThat(handled.status()).isEqualTo(Incidents.Status.HANDLED);
    assertThat(handled.handledAt()).isNotNull();
    assertThatThrownBy(() -> incidents.handle(reported.id(), "再次处置", guard)).isInstanceOf(ConflictException.class);
    assertThat(jdbc.sql("""
        select string_agg(action, ',' order by id) from audit_event
         where entity_type = 'access_incident' and entity_id = :id""").param("id", String.valueOf(reported.id()))
        .query(String.class).single()).isEqualTo("CREATE,UPDATE");

    assertThatThrownBy(() -> incidents.report(now.plusHours(2), "东门", "未来的事件", guard))
        .hasMessage("access.incident.timeInvalid");
    assertThatThrownBy(() -> incidents.report(now, "东门", "员工", accounts.loadUserByUsername("staff")))
        .isInstanceOf(ForbiddenException.class);
  }
}
