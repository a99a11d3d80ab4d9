package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The unit, department and staff forms refuse bad input field by field, all at once, and save nothing. */
@IntegrationTest
class OrganisationFormErrorsTest {

  @LocalServerPort int port;
  @Autowired OrganisationDirectory organisation;
  @Autowired JdbcClient jdbc;

  private long freshCountyUnit() {
    String suffix = Long.toString(System.nanoTime() % 10_000_000);
    long county = jdbc.sql("select id from region where code = 'QS'").query(Long.class).single();
    return organisation.createUnits(List.of(new OrganisationDirectory.NewUnit(county, "F" + suffix, "县表单局" + suffix,
        GovernmentLevel.COUNTY, UnitNature.PARTY_GOVERNMENT, 10, List.of("办公室")))).get(0);
  }

  @Test
  void aUnitWithoutNameAndWithNegativeHeadcountIsRefusedOnBothFieldsAndKeepsWhatWasTyped() {
    long unit = freshCountyUnit();
    WebSession admin = new WebSession(port).signedInAs("county.admin", ApiClient.DEMO_PASSWORD);
    String csrf = admin.get("/units/" + unit + "/edit").csrfToken();

    var page = admin.post("/units/" + unit, Map.of("name", " ", "governmentLevel", "COUNTY",
        "nature", "PARTY_GOVERNMENT", "approvedHeadcount", "-3", "_csrf", csrf));

    assertThat(page.status()).isEqualTo(200);
    assertThat(FieldErrors.of(page.body(), "name")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page.body(), "approvedHeadcount")).containsExactly("最小不能小于0");
    assertThat(FieldErrors.marked(page.body(), "name")).isTrue();
    assertThat(FieldErrors.marked(page.body(), "approvedHeadcount")).isTrue();
    assertThat(FieldErrors.value(page.body(), "approvedHeadcount")).isEqualTo("-3");
    assertThat(organisation.unit(unit, cn.smartaffairs.security.DataScope.everything()).approvedHeadcount())
        .isEqualTo(10);
  }

  @Test
  void aHeadcountThatIsNoNumberIsNamedOnItsFieldInEnglishToo() {
    long unit = freshCountyUnit();
    WebSession admin = new WebSession(port).signedInAs("county.admin", ApiClient.DEMO_PASSWORD);
    String csrf = admin.get("/units/" + unit + "/edit?lang=en").csrfToken();

    var page = admin.post("/units/" + unit, Map.of("name", "", "governmentLevel", "COUNTY",
        "nature", "PARTY_GOVERNMENT", "approvedHeadcount", "lots", "_csrf", csrf));

    assertThat(FieldErrors.of(page.body(), "approvedHeadcount")).containsExactly("Enter a whole number");
    assertThat(FieldErrors.of(page.body(), "name")).containsExactly("Please fill in this field");
    // a number input shows the bound number, as browsers send no text that is not one
    assertThat(FieldErrors.value(page.body(), "approvedHeadcount")).isEmpty();
  }

  @Test
  void aNameOverThePlatformsTextLimitIsNamedOnItsFieldWithTheLimit() {
    long unit = freshCountyUnit();
    WebSession admin = new WebSession(port).signedInAs("county.admin", ApiClient.DEMO_PASSWORD);
    String csrf = admin.get("/units/" + unit + "/edit").csrfToken();

    var page = admin.post("/units/" + unit, Map.of("name", "局".repeat(2001), "governmentLevel", "COUNTY",
        "nature", "PARTY_GOVERNMENT", "approvedHeadcount", "-1", "_csrf", csrf));

    assertThat(page.status()).isEqualTo(200);
    assertThat(FieldErrors.of(page.body(), "name")).containsExactly("过长：最多 2000 个字符");
    assertThat(FieldErrors.of(page.body(), "approvedHeadcount")).containsExactly("最小不能小于0");
  }

  @Test
  void aDepartmentWithoutNameComesBackToTheUnitPageWithItsMessageOnTheField() {
    long unit = freshCountyUnit();
    WebSession admin = new WebSession(port).signedInAs("county.admin", ApiClient.DEMO_PASSWORD);
    String csrf = admin.get("/units/" + unit).csrfToken();

    var refused = admin.post("/units/" + unit + "/departments", Map.of("name", "", "_csrf", csrf));

    assertThat(refused.redirectPath()).isEqualTo("/units/" + unit);
    String page = admin.get("/units/" + unit).body();
    assertThat(FieldErrors.of(page, "name")).containsExactly("请填写内设机构名称（不超过100字）");
    assertThat(organisation.departments(unit)).hasSize(1);
    assertThat(FieldErrors.of(admin.get("/units/" + unit).body(), "name")).as("shown once only").isEmpty();
  }

  @Test
  void aStaffMemberWithoutNameAndWithABadMobileIsRefusedOnBothFields() {
    long unit = jdbc.sql("select id from unit where code = 'YX007'").query(Long.class).single();
    String staffNo = "BAD" + System.nanoTime() % 1_000_000;
    WebSession admin = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD);
    String csrf = admin.get("/staff/new").csrfToken();

    var page = admin.post("/staff", Map.of("unitId", String.valueOf(unit), "staffNo", staffNo, "name", "",
        "rankCode", "LEVEL_OFFICER_1", "status", "ACTIVE", "mobile", "12345", "_csrf", csrf));

    assertThat(page.status()).isEqualTo(200);
    assertThat(FieldErrors.of(page.body(), "name")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page.body(), "mobile")).containsExactly("请输入11位手机号，如 13800138000");
    assertThat(FieldErrors.value(page.body(), "mobile")).isEqualTo("12345");
    assertThat(FieldErrors.value(page.body(), "staffNo")).isEqualTo(staffNo);
    assertThat(jdbc.sql("select count(*) from staff where staff_no = :no").param("no", staffNo).query(Long.class)
        .single()).isZero();
  }
}
