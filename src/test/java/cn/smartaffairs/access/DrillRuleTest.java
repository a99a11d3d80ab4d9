package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The drill rule's warning: a unit that has held fewer drills this year than the region's DRILLS_PER_YEAR (national 2)
 * is named, with what it held and what is asked; two drills clear it, a region's stricter version names it again.
 */
@IntegrationTest
class DrillRuleTest {

  @Autowired Drills drills;
  @Autowired AccessRules rules;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aUnitShortOfTheYearsDrillsIsWarnedOfUntilItHoldsEnough() {
    CurrentUser manager = accounts.loadUserByUsername("security.manager");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    long unit = jdbc.sql("select id from org_unit where region_id = :r and name = '市统计局'")
        .param("r", manager.regionId()).query(Long.class).single();

    assertThat(drills.shortfalls(manager, today)).anySatisfy(s -> {
      assertThat(s.unitId()).isEqualTo(unit);
      assertThat(s.required()).isEqualTo(2);
    });
    drills.record(unit, today.withDayOfYear(1), Drills.Kind.FIRE, "消防疏散演练", 80, manager);
    assertThat(drills.shortfalls(manager, today)).filteredOn(s -> s.unitId() == unit).singleElement()
        .satisfies(s -> assertThat(s.held()).isEqualTo(1));
    drills.record(unit, today, Drills.Kind.EMERGENCY, "地震应急演练", 60, manager);
    assertThat(drills.shortfalls(manager, today)).noneMatch(s -> s.unitId() == unit);
    // a drill of last year does not count for this one
    assertThat(drills.shortfalls(manager, today.plusYears(1).withDayOfYear(1)))
        .anySatisfy(s -> assertThat(s.unitId()).isEqualTo(unit));

    rules.addVersion(AccessRules.Key.DRILLS_PER_YEAR, 3, today.plusDays(1), false, "本地要求每年三次", manager);
    assertThat(drills.shortfalls(manager, today)).noneMatch(s -> s.unitId() == unit);
    if (today.plusDays(1).getYear() == today.getYear()) {
      assertThat(drills.shortfalls(manager, today.plusDays(1))).filteredOn(s -> s.unitId() == unit).singleElement()
          .satisfies(s -> {
            assertThat(s.held()).isEqualTo(2);
            assertThat(s.required()).isEqualTo(3);
          });
    }
  }
}
