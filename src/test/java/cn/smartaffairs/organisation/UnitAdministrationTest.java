package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.DataScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UnitAdministrationTest {

  @Autowired OrganisationDirectory organisation;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private DataScope editScopeOf(String username) {
    return StaffDirectory.editScope(accounts.loadUserByUsername(username));
  }

  private long freshCountyUnit() {
    String suffix = Long.toString(System.nanoTime() % 10_000_000);
    long county = jdbc.sql("select id from region where code = 'QS'").query(Long.class).single();
    return organisation.createUnits(List.of(new OrganisationDirectory.NewUnit(county, "T" + suffix, "县测试局" + suffix,
        GovernmentLevel.COUNTY, UnitNature.PARTY_GOVERNMENT, 10, List.of("办公室")))).get(0);
  }

  @Test
  void aRegionAdminChangesAUnitsHeadcountAndTheChangeIsAudited() {
    long unit = freshCountyUnit();
    organisation.updateUnit(unit, new OrganisationDirectory.UnitChange("县测试局改名" + unit, GovernmentLevel.COUNTY,
        UnitNature.PUBLIC_INSTITUTION, 25), editScopeOf("county.admin"));

    Unit changed = organisation.unit(unit, DataScope.everything());
    assertThat(changed.approvedHeadcount()).isEqualTo(25);
    assertThat(changed.nature()).isEqualTo(UnitNature.PUBLIC_INSTITUTION);
    assertThat(jdbc
        .sql("select count(*) from audit_event where entity_type = 'unit' and entity_id = :id and action = 'UPDATE'")
        .param("id", String.valueOf(unit)).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void anotherRegionsAdminCannotSeeTheUnitToChangeIt() {
    long unit = freshCountyUnit();
    assertThatThrownBy(
        () -> organisation.updateUnit(unit, new OrganisationDirectory.UnitChange("越权", GovernmentLevel.COUNTY,
            UnitNature.PARTY_GOVERNMENT, 1), editScopeOf("region.admin")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aLiaisonAddsDepartmentsToTheirUnitButCannotChangeItsHeadcount() {
    long finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    String name = "新设科室" + System.nanoTime() % 1_000_000;
    organisation.addDepartment(finance, null, name, editScopeOf("liaison"));
    assertThat(organisation.departments(finance)).extracting(Department::name).contains(name);

    assertThatThrownBy(() -> organisation.addDepartment(finance, null, name, editScopeOf("liaison")))
        .isInstanceOf(BusinessRuleException.class).hasMessage("department.duplicate");
    assertThatThrownBy(() -> organisation.updateUnit(finance, new OrganisationDirectory.UnitChange("市财政局",
        GovernmentLevel.CITY, UnitNature.PARTY_GOVERNMENT, 999), editScopeOf("liaison")))
        .isInstanceOf(BusinessRuleException.class).hasMessage("error.forbidden");
  }

  @Test
  void aModuleManagerCannotChangeTheOrganisation() {
    long finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    assertThatThrownBy(() -> organisation.addDepartment(finance, null, "不该有", editScopeOf("vehicle.manager")))
        .isInstanceOf(NotFoundException.class);
  }
}
