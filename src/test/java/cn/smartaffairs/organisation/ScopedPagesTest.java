package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff and unit pages keep to the signed-in person's data scope; a guessed id answers a 404 page. */
@IntegrationTest
class ScopedPagesTest {

  private static final Pattern STAFF_LINK = Pattern.compile("href=\"/staff/(\\d+)\"");
  private static final Pattern UNIT_LINK = Pattern.compile("href=\"/units/(\\d+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  long finance;
  long police;

  @BeforeEach
  void setUp() {
    finance = jdbc.sql("select id from unit where name = '市财政局'").query(Long.class).single();
    police = jdbc.sql("select id from unit where name = '市公安局'").query(Long.class).single();
  }

  @Test
  void liaisonGetsANotFoundPageForAnotherUnitsStaffMember() {
    WebSession liaison = signedIn("liaison");

    var outside = liaison.get("/staff/" + firstStaffOf(police));
    assertThat(outside.status()).isEqualTo(404);
    assertThat(outside.body()).contains("未找到人员").doesNotContain("Exception");
    assertThat(liaison.get("/units/" + police).status()).isEqualTo(404);
    assertThat(liaison.get("/staff/" + firstStaffOf(police) + "/edit").status()).isEqualTo(404);

    assertThat(liaison.get("/staff/" + firstStaffOf(finance)).status()).isEqualTo(200);
    assertThat(liaison.get("/units/" + finance).status()).isEqualTo(200);
  }

  @Test
  void liaisonsStaffListLinksOnlyToTheirUnit() {
    var list = signedIn("liaison").get("/staff?size=200");

    assertThat(list.status()).isEqualTo(200);
    Set<Long> linked = linked(STAFF_LINK, list.body());
    assertThat(linked).isNotEmpty();
    assertThat(linked).allSatisfy(id -> assertThat(unitOf(id)).isEqualTo(finance));
  }

  @Test
  void staffMemberSeesOnlyThemselfOnThePages() {
    WebSession staff = signedIn("staff");
    long self = jdbc.sql("select staff_id from user_account where username = 'staff'").query(Long.class).single();
    long colleague = jdbc.sql("select id from staff where unit_id = :u and id <> :self order by id limit 1")
        .param("u", finance).param("self", self).query(Long.class).single();

    assertThat(linked(STAFF_LINK, staff.get("/staff").body())).containsExactly(self);
    assertThat(linked(UNIT_LINK, staff.get("/units").body())).containsExactly(finance);
    assertThat(staff.get("/staff/" + self).status()).isEqualTo(200);
    assertThat(staff.get("/staff/" + colleague).status()).isEqualTo(404);
    assertThat(staff.get("/units/" + police).status()).isEqualTo(404);
  }

  @Test
  void countyAdminGetsANotFoundPageForACityUnit() {
    WebSession countyAdmin = signedIn("county.admin");

    assertThat(countyAdmin.get("/units/" + finance).status()).isEqualTo(404);
    assertThat(countyAdmin.get("/staff/" + firstStaffOf(finance)).status()).isEqualTo(404);
    assertThat(linked(UNIT_LINK, countyAdmin.get("/units?size=200").body()))
        .allSatisfy(id -> assertThat(regionCodeOfUnit(id)).isEqualTo("QS"));
  }

  @Test
  void staffFormDoesNotRevealTheDepartmentsOfAUnitOutOfScope() {
    WebSession liaison = signedIn("liaison");
    long policeDepartment = jdbc.sql("select id from department where unit_id = :u order by id limit 1")
        .param("u", police).query(Long.class).single();

    var form = liaison.get("/staff/new?unitId=" + police);

    assertThat(form.status()).isEqualTo(404);
    assertThat(form.body()).doesNotContain("value=\"" + policeDepartment + "\"");
    assertThat(liaison.get("/staff/departments?unitId=" + police).status()).isEqualTo(404);
    assertThat(liaison.get("/staff/new?unitId=" + finance).status()).isEqualTo(200);
  }

  @Test
  void regionAdminPagesThroughTheStaffOfTheirRegionOnly() {
    WebSession regionAdmin = signedIn("region.admin");

    var first = regionAdmin.get("/staff");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("page=1");
    var second = regionAdmin.get("/staff?page=1");
    assertThat(second.status()).isEqualTo(200);

    Set<Long> linked = linked(STAFF_LINK, first.body() + second.body());
    assertThat(linked).hasSize(40);
    assertThat(linked).allSatisfy(id -> assertThat(regionCodeOfUnit(unitOf(id))).isEqualTo("YX"));
  }

  @Test
  void platformAdminOpensAnyStaffMember() {
    WebSession admin = signedIn("admin");

    assertThat(admin.get("/staff/" + firstStaffOf(police)).status()).isEqualTo(200);
    assertThat(admin.get("/units/" + police).status()).isEqualTo(200);
  }

  private WebSession signedIn(String username) {
    return new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD);
  }

  private long firstStaffOf(long unitId) {
    return jdbc.sql("select id from staff where unit_id = :u order by id limit 1").param("u", unitId)
        .query(Long.class).single();
  }

  private long unitOf(long staffId) {
    return jdbc.sql("select unit_id from staff where id = :id").param("id", staffId).query(Long.class).single();
  }

  private String regionCodeOfUnit(long unitId) {
    return jdbc.sql("select r.code from unit u join region r on r.id = u.region_id where u.id = :id")
        .param("id", unitId).query(String.class).single();
  }

  private static Set<Long> linked(Pattern link, String html) {
    Set<Long> ids = new HashSet<>();
    Matcher matcher = link.matcher(html);
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1)));
    }
    return ids;
  }
}
