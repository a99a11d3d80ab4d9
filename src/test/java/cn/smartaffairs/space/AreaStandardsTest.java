package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The standards are data: a region's own version in force on a day overrides the national default from that day. */
@IntegrationTest
class AreaStandardsTest {

  @Autowired ApplicationContext context;
  @Autowired AreaStandards standards;
  @Autowired AreaCompliance compliance;
  @Autowired OfficeAssignments offices;
  @Autowired SpaceRegister register;
  @Autowired OrganisationDirectory organisation;
  @Autowired Accounts accounts;

  @Test
  void aRegionalVersionAppliesFromItsEffectiveDateOnlyInItsRegion() {
    var admin = accounts.loadUserByUsername("admin");
    long lingjiang = organisation.regions().stream().filter(r -> r.code().equals("LJ")).findFirst().orElseThrow().id();
    LocalDate from = LocalDate.of(2027, 1, 1);
    standards.setOfficeStandard(lingjiang, from, GovernmentLevel.TOWNSHIP, "STAFF", new BigDecimal("10"),
        "乡级以下（本区细则）", "临江区办公用房管理细则", admin);

    SpaceFixtures fixtures = new SpaceFixtures(context);
    long unit = fixtures.unit(lingjiang, GovernmentLevel.TOWNSHIP, 10);
    long person = fixtures.person(unit, "LEVEL_OFFICER_1");
    long building = register.createBuilding(new BuildingDraft(lingjiang, SpaceFixtures.fresh("LJ-"),
        SpaceFixtures.fresh("临江镇政府楼"), "临江区江滨路1号", "临江区机关事务服务中心", null, 2015, new BigDecimal("800"),
        new BigDecimal("600")), admin);
    long floor = register.addFloor(building, 2, null, admin);
    long room = fixtures.room(new long[] {building, floor}, "12", RoomKind.OFFICE, admin);
    fixtures.allocate(unit, LocalDate.of(2026, 6, 1), admin, room);
    offices.assignOffice(new OfficeAssignments.OfficeRequest(room, List.of(person), LocalDate.of(2026, 6, 1), false,
        null), admin);

    PersonCompliance before = compliance.check(unit, from.minusDays(1), DataScope.everything()).people().get(0);
    PersonCompliance after = compliance.check(unit, from, DataScope.everything()).people().get(0);
    assertThat(before.allowedArea()).isEqualByComparingTo("9");
    assertThat(before.rule()).contains("发改投资〔2014〕2674号");
    assertThat(after.allowedArea()).isEqualByComparingTo("10");
    assertThat(after.excess()).isEqualByComparingTo("2");
    assertThat(after.rule()).contains("临江区办公用房管理细则");

    long cityTownship = fixtures.unit(GovernmentLevel.TOWNSHIP, 10);
    long cityPerson = fixtures.person(cityTownship, "LEVEL_OFFICER_1");
    fixtures.officeFor(cityTownship, "12", LocalDate.of(2026, 6, 1), cityPerson);
    assertThat(compliance.check(cityTownship, from, DataScope.everything()).people().get(0).allowedArea())
        .as("other regions keep the national value").isEqualByComparingTo("9");
  }

  @Test
  void onlyThePlatformAdminChangesNationalDefaultsAndNonsenseIsRefused() {
    var manager = accounts.loadUserByUsername("space.manager");
    assertThatThrownBy(() -> standards.setDeadline(null, LocalDate.of(2030, 1, 1),
        AreaStandards.Deadline.RECOVERY_AFTER_LEAVING, 2, null, manager))
        .extracting("messageKey").isEqualTo("error.forbidden");
    assertThatThrownBy(
        () -> standards.setUnitStandard(manager.regionId(), LocalDate.of(2030, 1, 1), GovernmentLevel.CITY,
            "二级", new BigDecimal("12"), 200, new BigDecimal("15"), null, manager))
        .as("a large unit's per-head area above the normal one").extracting("messageKey")
        .isEqualTo("space.ruleInvalid");
    assertThat(standards.officeStandards(manager.regionId())).anySatisfy(row -> {
      assertThat(row.governmentLevel()).isEqualTo("CITY");
      assertThat(row.grade()).isEqualTo("DIVISION_HEAD");
      assertThat(row.maxUseArea()).isEqualByComparingTo("24");
    });
  }
}
