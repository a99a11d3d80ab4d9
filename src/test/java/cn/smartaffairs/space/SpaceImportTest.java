package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.Accounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register import takes a whole workbook or nothing, and says in Chinese what is wrong where. */
@IntegrationTest
class SpaceImportTest {

  @Autowired SpaceImport spaceImport;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aGoodWorkbookCreatesBuildingsFloorsAndRooms() {
    String code = SpaceFixtures.fresh("IMP-");
    String other = SpaceFixtures.fresh("IMP-");
    var result = spaceImport.importWorkbook(workbook(List.of(
        row("YX", code, "导入1号楼", "1", "101", "60", "服务用房"),
        row("YX", code, "导入1号楼", "3", "301", "18", "办公室"),
        row("YX", code, "导入1号楼", "3", "302", "12.5", "办公室"),
        row("YX", other, "导入2号楼", "-1", "B101", "40", "设备用房"))),
        accounts.loadUserByUsername("space.manager"), Locale.SIMPLIFIED_CHINESE);

    assertThat(result).isEqualTo(new SpaceImport.Imported(2, 3, 4));
    assertThat(jdbc.sql("""
        select string_agg(f.name || ':' || r.number || ':' || r.use_area || ':' || r.kind, ',' order by r.number)
          from space_room r join space_building b on b.id = r.building_id join space_floor f on f.id = r.floor_id
         where b.code = :code""").param("code", code).query(String.class).single())
        .isEqualTo("1层:101:60.00:SERVICE,3层:301:18.00:OFFICE,3层:302:12.50:OFFICE");
    assertThat(
        jdbc.sql("select f.name from space_floor f join space_building b on b.id = f.building_id where b.code = :c")
            .param("c", other).query(String.class).single())
        .isEqualTo("地下1层");
  }

  @Test
  void aWorkbookWithMistakesWritesNothingAndListsEveryMistakeInChinese() {
    String code = SpaceFixtures.fresh("BAD-");
    long before = jdbc.sql("select count(*) from space_room").query(Long.class).single();
    long buildingsBefore = jdbc.sql("select count(*) from space_building").query(Long.class).single();

    assertThatThrownBy(() -> spaceImport.importWorkbook(workbook(List.of(
        row("YX", code, "错误楼", "2", "201", "20", "办公室"),
        row("YX", code, "错误楼", "2", "201", "20", "办公室"),
        row("YX", code, "错误楼", "0", "202", "-3", "仓库"),
        row("QS", code, "县里的楼", "1", "101", "10", "办公室"))),
        accounts.loadUserByUsername("space.manager"), Locale.SIMPLIFIED_CHINESE))
        .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.errors())
            .extracting(ImportError::row, ImportError::column)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(3, "房间号"),
                org.assertj.core.groups.Tuple.tuple(4, "楼层"),
                org.assertj.core.groups.Tuple.tuple(4, "使用面积"),
                org.assertj.core.groups.Tuple.tuple(4, "用房类型"),
                org.assertj.core.groups.Tuple.tuple(5, "区域编码")))
        .satisfies(
            e -> assertThat(((ImportRejectedException) e).errors().get(0).message()).contains("201").contains("重复"));

    assertThat(jdbc.sql("select count(*) from space_room").query(Long.class).single()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from space_building").query(Long.class).single()).isEqualTo(buildingsBefore);
  }

  private static List<?> row(String region, String code, String name, String floor, String number, String area,
      String kind) {
    return List.of(region, code, name, "云溪市人民路8号", "云溪市机关事务管理局", "", "2012", "3000", "2200", floor, number,
        area, kind, "");
  }

  private static ByteArrayInputStream workbook(List<List<?>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Xlsx.write(out, new Xlsx.Sheet("楼宇房间", SpaceImport.HEADERS, rows.stream()));
    return new ByteArrayInputStream(out.toByteArray());
  }
}
