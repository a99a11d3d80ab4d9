package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class WorkOrderRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired WorkOrderRules rules;
  @Autowired WorkOrders workOrders;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private long id(String table, String code) {
    return jdbc.sql("select id from " + table + " where code = :c").param("c", code).query(Long.class).single();
  }

  @Test
  void aRegionsNewVersionAppliesFromItsDateAndOnlyThere() {
    long county = id("region", "QS");
    long city = id("region", "YX");
    long building = id("work_order_category", "REPAIR_BUILDING");
    rules.addDeadlineRule(county, "REPAIR_BUILDING", "NORMAL", 240, 7, LocalDate.of(2027, 6, 1),
        accounts.loadUserByUsername("county.admin"));

    var before = ZonedDateTime.of(2027, 5, 28, 9, 0, 0, 0, SHANGHAI).toInstant(); // a Friday
    var after = ZonedDateTime.of(2027, 6, 1, 9, 0, 0, 0, SHANGHAI).toInstant(); // a Tuesday
    assertThat(workOrders.deadlines(county, building, WorkOrderPriority.NORMAL, before).resolve())
        .as("national 3 working days")
        .isEqualTo(ZonedDateTime.of(2027, 6, 2, 17, 30, 0, 0, SHANGHAI).toInstant());
    assertThat(workOrders.deadlines(county, building, WorkOrderPriority.NORMAL, after).resolve())
        .as("the county's 7 working days")
        .isEqualTo(ZonedDateTime.of(2027, 6, 10, 17, 30, 0, 0, SHANGHAI).toInstant());
    assertThat(workOrders.deadlines(city, building, WorkOrderPriority.NORMAL, after).resolve())
        .as("the city keeps the national rule")
        .isEqualTo(ZonedDateTime.of(2027, 6, 4, 17, 30, 0, 0, SHANGHAI).toInstant());
    assertThatThrownBy(() -> rules.addDeadlineRule(county, "REPAIR_BUILDING", "NORMAL", 60, 1, LocalDate.of(2027, 6, 1),
        accounts.loadUserByUsername("county.admin"))).hasMessage("workOrderRule.versionExists");
  }

  @Test
  void onlyAdministratorsChangeTheRulesAndTheNationalOnesOnlyThePlatformAdmin() {
    assertThatThrownBy(() -> rules.addDeadlineRule(id("region", "YX"), "REPAIR_BUILDING", "NORMAL", 60, 1,
        LocalDate.of(2028, 1, 1), accounts.loadUserByUsername("repair.manager")))
        .isInstanceOf(BusinessRuleException.class).hasMessage("error.forbidden");
    assertThatThrownBy(() -> rules.addDeadlineRule(null, "REPAIR_BUILDING", "NORMAL", 60, 1, LocalDate.of(2028, 1, 1),
        accounts.loadUserByUsername("region.admin"))).hasMessage("error.forbidden");
  }

  @Test
  void aRegionGetsItsOwnOverdueLadderAndTheChangeIsAudited() {
    long county = id("region", "QS");
    rules.setEscalationRule(county, 60, 2, accounts.loadUserByUsername("county.admin"));
    assertThat(rules.escalationRule(county).superviseAfterWorkDays()).isEqualTo(2);
    assertThat(rules.escalationRule(id("region", "YX")).superviseAfterWorkDays()).isEqualTo(5);
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'escalation_rule' and entity_id = :id")
        .param("id", String.valueOf(county)).query(Long.class).single()).isPositive();
  }

  @Test
  void thePageShowsTheRuleInForceAndRefusesBadInputInChinese() {
    var session = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    String page = session.get("/admin/work-order-rules").body();
    assertThat(page).contains("给排水维修").contains("现行");
    session.post("/admin/work-order-rules/deadlines",
        java.util.Map.of("_csrf", session.get("/admin/work-order-rules").csrfToken(),
            "category", "REPAIR_PLUMBING", "priority", "NORMAL", "respondMinutes", "0", "resolveWorkingDays", "3",
            "effectiveFrom", "2028-01-01"));
    assertThat(session.get("/admin/work-order-rules").body()).contains("时限须为正数");
    assertThat(
        new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD).get("/admin/work-order-rules").status())
        .isEqualTo(403);
  }
}
