package cn.smartaffairs.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class WorkingCalendarTest {

  @Autowired WorkingCalendar calendar;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private long region(String code) {
    return jdbc.sql("select id from region where code = :c").param("c", code).query(Long.class).single();
  }

  @Test
  void theSeededCalendarKnowsThe2026NationalDayArrangement() {
    WorkingDays days = calendar.forRegion(region("YX"));
    var received = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
    assertThat(days.closeOfWorkingDays(received, 3))
        .isEqualTo(ZonedDateTime.of(2026, 10, 10, 17, 30, 0, 0, ZoneId.of("Asia/Shanghai")));
    assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Spring Festival make-up Saturday").isTrue();
    assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 23))).as("last day of the Spring Festival holiday").isFalse();
  }

  @Test
  void aRegionsOwnHolidayAppliesOnlyThereAndIsAudited() {
    LocalDate local = LocalDate.of(2026, 12, 15);
    calendar.put(region("QS"), local, DayKind.HOLIDAY, "县庆", accounts.loadUserByUsername("county.admin"));

    assertThat(calendar.forRegion(region("QS")).isWorkingDay(local)).isFalse();
    assertThat(calendar.forRegion(region("YX")).isWorkingDay(local)).isTrue();
    assertThat(
        jdbc.sql("select count(*) from audit_event where entity_type = 'calendar_day' and entity_id = '2026-12-15'")
            .query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void onlyThePlatformAdminChangesTheNationalCalendar() {
    assertThatThrownBy(() -> calendar.put(null, LocalDate.of(2026, 12, 31), DayKind.HOLIDAY, "试",
        accounts.loadUserByUsername("region.admin"))).isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> calendar.put(region("QS"), LocalDate.of(2026, 12, 31), DayKind.HOLIDAY, "试",
        accounts.loadUserByUsername("region.admin"))).as("another region's calendar")
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void theApiListsWorkingAndNonWorkingDaysWithTheirNames() {
    var api = new ApiClient(port);
    var answer = api.get("/api/v1/calendar/days?from=2026-10-07&to=2026-10-10", api.tokenFor("staff"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).hasSize(4);
    assertThat(answer.body().get(0).get("working").asBoolean()).isFalse();
    assertThat(answer.body().get(0).get("name").asText()).isEqualTo("国庆节");
    assertThat(answer.body().get(1).get("working").asBoolean()).isTrue();
    assertThat(answer.body().get(3).get("name").asText()).isEqualTo("国庆节调休上班");
    assertThat(api.get("/api/v1/calendar/days?from=2026-10-10&to=2026-10-01", api.tokenFor("staff")).status())
        .isEqualTo(400);
  }
}
