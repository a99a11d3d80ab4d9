package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 单位挂账: a unit is charged once per reference, only by its own liaison/head or the region's managers. */
@IntegrationTest
class UnitChargesTest {

  @LocalServerPort int port;
  @Autowired UnitCharges charges;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;

  @Test
  void aUnitsLiaisonChargesItOnceAndARepeatAnswersTheOriginalCharge() {
    CurrentUser liaison = users.loadUserByUsername("liaison");
    String reference = "test-" + UUID.randomUUID();

    UnitCharge charge = charges.charge(liaison.unitId(), 36_000, reference, "工作餐 3人", liaison);
    UnitCharge again = charges.charge(liaison.unitId(), 36_000, reference, "工作餐 3人", liaison);

    assertThat(charge.chargeNo()).startsWith("GZ");
    assertThat(charge.amountFen()).isEqualTo(36_000);
    assertThat(again).isEqualTo(charge);
    assertThat(jdbc.sql("select count(*) from canteen_unit_charge where reference = :r").param("r", reference)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(
        jdbc.sql("select count(*) from audit_event where entity_type = 'canteen_unit_charge' and entity_id = :id")
            .param("id", String.valueOf(charge.id())).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void theSameReferenceWithAnotherAmountIsAConflictAndChargesNothing() {
    CurrentUser manager = users.loadUserByUsername("canteen.manager");
    long unit = users.loadUserByUsername("liaison").unitId();
    String reference = "test-" + UUID.randomUUID();
    UnitCharge charge = charges.charge(unit, 10_000, reference, "工作餐", manager);

    assertThatThrownBy(() -> charges.charge(unit, 12_000, reference, "工作餐", manager))
        .isInstanceOf(ConflictException.class).hasMessageContaining("canteen.unitCharge.referenceConflict");
    assertThat(jdbc.sql("select sum(amount_fen) from canteen_unit_charge where reference = :r").param("r", reference)
        .query(Long.class).single()).isEqualTo(charge.amountFen());
  }

  @Test
  void aPersonOfAnotherUnitMayNotChargeIt() {
    CurrentUser liaison = users.loadUserByUsername("liaison");
    CurrentUser staff = users.loadUserByUsername("staff");
    long otherUnit = users.loadUserByUsername("canteen.manager").unitId();
    String reference = "test-" + UUID.randomUUID();

    assertThatThrownBy(() -> charges.charge(otherUnit, 5_000, reference, "工作餐", liaison))
        .isInstanceOf(ForbiddenException.class);
    // a plain member of the unit is no liaison either
    assertThatThrownBy(() -> charges.charge(staff.unitId(), 5_000, reference, "工作餐", staff))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> charges.charge(liaison.unitId(), 0, reference, "工作餐", liaison))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(charges.byReference(liaison.regionId(), reference)).isEmpty();
  }

  @Test
  void theManagersPageListsAUnitsChargesOfTheMonthWithTheirTotalAndExportsThem() {
    CurrentUser manager = users.loadUserByUsername("canteen.manager");
    long unit = freshUnit(manager.regionId());
    UnitCharge first = charges.charge(unit, 12_345, "test-" + UUID.randomUUID(), "接待工作餐（午餐）", manager);
    charges.charge(unit, 20_000, "test-" + UUID.randomUUID(), "接待工作餐（晚餐）", manager);
    String month = YearMonth.from(first.chargedAt().atZone(PlatformConfiguration.ZONE)).toString();

    WebSession session = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    String page = session.get("/canteen/unit-charges?unit=" + unit + "&month=" + month).body();

    assertThat(page).contains("单位挂账").contains(first.chargeNo()).contains("接待工作餐（晚餐）")
        .contains("123.45").contains("unit-charge-total").contains("323.45");
    assertThat(session.get("/canteen/unit-charges?unit=" + unit + "&month=2000-01").body())
        .doesNotContain(first.chargeNo());
    assertThat(session.get("/canteen/unit-charges?lang=en&unit=" + unit).body()).contains("Unit charges")
        .contains("Total of the filtered charges").doesNotContain("canteen.unitCharge.");
    session.get("/canteen/unit-charges?lang=zh");
    WebSession.Page export = session.get("/canteen/unit-charges/export.xlsx?unit=" + unit + "&month=" + month);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).contains("spreadsheetml");
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get("/canteen/unit-charges").status()).isEqualTo(403);
  }

  @Test
  void concurrentRequestsUnderOneReferenceChargeOnce() throws Exception {
    CurrentUser manager = users.loadUserByUsername("canteen.manager");
    long unit = freshUnit(manager.regionId());
    String reference = "test-" + UUID.randomUUID();
    java.util.List<java.util.concurrent.Callable<UnitCharge>> attempts = java.util.Collections.nCopies(4,
        () -> charges.charge(unit, 8_000, reference, "工作餐", manager));

    var answers = CanteenFixture.allAtOnce(4, attempts);

    assertThat(answers).extracting(UnitCharge::id).containsOnly(answers.get(0).id());
    assertThat(jdbc.sql("select count(*) from canteen_unit_charge where unit_id = :u").param("u", unit)
        .query(Long.class).single()).isEqualTo(1);
  }

  private long freshUnit(long regionId) {
    String code = "UC" + UUID.randomUUID().toString().substring(0, 8);
    return jdbc.sql("""
        insert into unit (region_id, code, name, government_level, nature, approved_headcount)
        values (:region, :code, :name, 'CITY', 'PARTY_GOVERNMENT', 10) returning id""")
        .param("region", regionId).param("code", code).param("name", "挂账测试单位" + code)
        .query(Long.class).single();
  }
}
