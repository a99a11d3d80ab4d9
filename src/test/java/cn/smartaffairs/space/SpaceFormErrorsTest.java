package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The space forms name every bad field beside it, keep what was typed and save nothing; a row's form shows its
 * refusal on that row only.
 */
@IntegrationTest
class SpaceFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private WebSession manager() {
    return new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
  }

  @Test
  void aBuildingWithoutCodeAndWithAUseAreaOfNothingIsRefusedOnBothFields() {
    var manager = manager();
    long before = count("space_building");

    var refused = manager.post("/space/buildings", Map.of("_csrf", manager.get("/space/buildings").csrfToken(),
        "code", "", "name", "表单测试楼", "address", "云溪市政务路9号", "ownership", "云溪市机关事务管理局",
        "totalBuildingArea", "100", "totalUseArea", "0"));

    assertThat(refused.redirectPath()).isEqualTo("/space/buildings");
    String page = manager.get("/space/buildings").body();
    assertThat(FieldErrors.of(page, "code")).containsExactly("请填写此项");
    assertThat(FieldErrors.marked(page, "code")).isTrue();
    assertThat(FieldErrors.of(page, "totalUseArea")).containsExactly("请输入大于0的面积，最多两位小数");
    assertThat(FieldErrors.of(page, "totalBuildingArea")).isEmpty();
    assertThat(FieldErrors.value(page, "name")).isEqualTo("表单测试楼");
    assertThat(page).as("the fields of a list page take no list of suggestions").doesNotContain("list=\"ListQuery");
    assertThat(count("space_building")).isEqualTo(before);
  }

  @Test
  void aRoomWithoutNumberAndWithAnAreaOfThreeDecimalsIsRefusedOnBothFields() {
    var fixtures = new SpaceFixtures(context);
    long[] building = fixtures.buildingWithFloor();
    var manager = manager();
    String page = "/space/buildings/" + building[0];

    var refused = manager.post(page + "/rooms", Map.of("_csrf", manager.get(page).csrfToken(),
        "floorId", String.valueOf(building[1]), "number", " ", "useArea", "12.345", "kind", "OFFICE",
        "note", "朝南"));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "room-number")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(shown, "room-area")).containsExactly("请输入大于0的面积，最多两位小数");
    assertThat(FieldErrors.value(shown, "room-note")).isEqualTo("朝南");
    assertThat(jdbc.sql("select count(*) from space_room where building_id = :b").param("b", building[0])
        .query(Long.class).single()).isZero();
  }

  @Test
  void anAllocationWithoutAgreementNumberAndStartIsRefusedBesideBothFields() {
    var fixtures = new SpaceFixtures(context);
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long room = fixtures.room(fixtures.buildingWithFloor(), "20", RoomKind.OFFICE);
    var manager = manager();
    String page = "/space/rooms/" + room;

    var refused = manager.post(page + "/allocate", Map.of("_csrf", manager.get(page).csrfToken(),
        "unitId", String.valueOf(unit), "agreementNo", "", "termFrom", "", "termTo", "2030-01-01"));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "agreement-no")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(shown, "term-from")).containsExactly("请填写此项");
    assertThat(FieldErrors.value(shown, "term-to")).isEqualTo("2030-01-01");
    assertThat(jdbc.sql("select count(*) from space_unit_allocation where room_id = :r").param("r", room)
        .query(Long.class).single()).isZero();
  }

  @Test
  void anOfficeForNobodyAndASecondOfficeWithoutItsPostAreRefusedOnBothFields() {
    var fixtures = new SpaceFixtures(context);
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long room = fixtures.room(fixtures.buildingWithFloor(), "20", RoomKind.OFFICE);
    fixtures.allocate(unit, today.minusDays(10), room);
    var manager = manager();
    String page = "/space/rooms/" + room;

    var refused = manager.post(page + "/offices", Map.of("_csrf", manager.get(page).csrfToken(),
        "validFrom", today.toString(), "secondOffice", "true", "concurrentPost", ""));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "staffIds")).containsExactly("请至少选择一名人员");
    assertThat(FieldErrors.of(shown, "concurrent-post")).containsExactly("第二办公室须填写兼任职务");
  }

  @Test
  void aVacatingDayLeftEmptyIsRefusedOnItsOwnRowOnly() {
    var fixtures = new SpaceFixtures(context);
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long first = fixtures.person(unit, "LEVEL_OFFICER_1");
    long second = fixtures.person(unit, "LEVEL_OFFICER_1");
    long room = fixtures.officeFor(unit, "30", today.minusDays(30), first, second);
    var offices = jdbc.sql("select id from space_office_assignment where room_id = :r order by id")
        .param("r", room).query(Long.class).list();
    var manager = manager();
    String page = "/space/rooms/" + room;

    var refused = manager.post("/space/offices/" + offices.get(0) + "/end", Map.of("_csrf",
        manager.get(page).csrfToken(), "roomId", String.valueOf(room), "on", ""));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "end-on-" + offices.get(0))).containsExactly("请填写此项");
    assertThat(FieldErrors.of(shown, "end-on-" + offices.get(1))).isEmpty();
    assertThat(FieldErrors.value(shown, "end-on-" + offices.get(1))).isEqualTo(today.toString());
    assertThat(jdbc.sql("select count(*) from space_office_assignment where room_id = :r and valid_to is null")
        .param("r", room).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aDeadlineOfThirtyMonthsWithoutItsDayIsRefusedOnBothFields() {
    var manager = manager();
    long before = count("space_deadline_rule");

    var refused = manager.post("/space/rules/deadline", Map.of("_csrf", manager.get("/space/rules").csrfToken(),
        "kind", "RECOVERY_AFTER_LEAVING", "months", "30", "effectiveFrom", "", "source", "测试依据"));

    assertThat(refused.redirectPath()).isEqualTo("/space/rules");
    String page = manager.get("/space/rules").body();
    assertThat(FieldErrors.of(page, "deadline-months")).containsExactly("请输入1至24之间的月数");
    assertThat(FieldErrors.of(page, "deadline-from")).containsExactly("请填写此项");
    assertThat(FieldErrors.value(page, "deadline-source")).isEqualTo("测试依据");
    assertThat(FieldErrors.of(page, "office-from")).as("the other rule forms are other forms").isEmpty();
    assertThat(count("space_deadline_rule")).isEqualTo(before);
  }
}
