package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.DataScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff export imports back: unchanged in update mode, and changed where the file was edited. */
@IntegrationTest
class StaffRoundTripTest {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Autowired StaffImport staffImport;
  @Autowired StaffDirectory staff;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void anExportEditedInItsRankAndDepartmentUpdatesThoseStaffOnly() {
    DataScope admin = accounts.loadUserByUsername("region.admin").dataScope();
    long unitId = jdbc.sql("""
        select u.id from unit u join region r on r.id = u.region_id
         where r.code = 'YX' and (select count(*) from department d where d.unit_id = u.id) >= 2
           and exists (select 1 from staff s where s.unit_id = u.id) order by u.id limit 1""")
        .query(Long.class).single();
    StaffQuery query = new StaffQuery(null, null, unitId, null);
    Xlsx.Table exported = Xlsx.read(new ByteArrayInputStream(export(query, admin)));
    assertThat(exported.headers()).isEqualTo(StaffImport.HEADERS);

    // unchanged file: every row updates to what it was
    assertThat(staffImport.importWorkbook(new ByteArrayInputStream(export(query, admin)), StaffImportMode.UPDATE,
        admin, CHINESE)).isEqualTo(exported.rows().size());

    Xlsx.TableRow first = exported.rows().get(0);
    String otherDepartment = jdbc
        .sql("select name from department where unit_id = :u and name <> :n order by id limit 1")
        .param("u", unitId).param("n", first.get("部门")).query(String.class).single();
    String otherRank = jdbc.sql("select name from staff_rank where name <> :n order by sort_order limit 1")
        .param("n", first.get("职级")).query(String.class).single();
    List<List<?>> rows = new ArrayList<>();
    for (Xlsx.TableRow row : exported.rows()) {
      Map<String, String> cells = new LinkedHashMap<>(row.cells());
      if (row == first) {
        cells.put("部门", otherDepartment);
        cells.put("职级", otherRank);
      }
      rows.add(StaffImport.HEADERS.stream().map(cells::get).toList());
    }
    long id = jdbc.sql("select id from staff where staff_no = :no and unit_id = :u")
        .param("no", first.get("工号")).param("u", unitId).query(Long.class).single();

    staffImport.importWorkbook(workbook(rows), StaffImportMode.UPDATE, admin, CHINESE);

    StaffMember changed = staff.get(id, admin);
    assertThat(changed.departmentName()).isEqualTo(otherDepartment);
    assertThat(changed.rankName()).isEqualTo(otherRank);
    assertThat(staff.mobileOf(id, admin)).isEqualTo(first.get("手机号"));
    assertThat(jdbc
        .sql("select count(*) from audit_event where entity_type = 'staff' and entity_id = :id and action = 'UPDATE'")
        .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUpdateNamingAnUnknownStaffNumberChangesNothing() {
    DataScope admin = accounts.loadUserByUsername("region.admin").dataScope();
    long unitId = jdbc.sql(
        "select s.unit_id from staff s join region r on r.id = s.region_id where r.code = 'YX' order by s.id limit 1")
        .query(Long.class).single();
    Xlsx.Table exported = Xlsx.read(new ByteArrayInputStream(export(new StaffQuery(null, null, unitId, null), admin)));
    List<List<?>> rows = new ArrayList<>();
    for (Xlsx.TableRow row : exported.rows()) {
      Map<String, String> cells = new LinkedHashMap<>(row.cells());
      cells.put("姓名", "改名" + cells.get("工号"));
      rows.add(StaffImport.HEADERS.stream().map(cells::get).toList());
    }
    Map<String, String> ghost = new LinkedHashMap<>(exported.rows().get(0).cells());
    ghost.put("工号", "NOSUCH999");
    rows.add(StaffImport.HEADERS.stream().map(ghost::get).toList());

    assertThatThrownBy(() -> staffImport.importWorkbook(workbook(rows), StaffImportMode.UPDATE, admin, CHINESE))
        .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.errors())
            .singleElement().satisfies(error -> {
              assertThat(error.row()).isEqualTo(rows.size() + 1);
              assertThat(error.column()).isEqualTo("工号");
              assertThat(error.message()).contains("NOSUCH999", "不存在");
            }));
    assertThat(jdbc.sql("select count(*) from staff where name like '改名%'").query(Long.class).single()).isZero();
  }

  private byte[] export(StaffQuery query, DataScope admin) {
    var out = new ByteArrayOutputStream();
    staffImport.writeExport(out, query, admin, admin);
    return out.toByteArray();
  }

  private static ByteArrayInputStream workbook(List<List<?>> rows) {
    var out = new ByteArrayOutputStream();
    Xlsx.write(out, new Xlsx.Sheet("干部职工", StaffImport.HEADERS, rows.stream()));
    return new ByteArrayInputStream(out.toByteArray());
  }
}
