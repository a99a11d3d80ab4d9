package cn.smartaffairs.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.DataScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UnitImportTest {

  @Autowired UnitImport unitImport;
  @Autowired JdbcClient jdbc;

  private static ByteArrayInputStream workbook(List<?>... rows) {
    var out = new ByteArrayOutputStream();
    Xlsx.write(out, new Xlsx.Sheet("部门单位", UnitImport.HEADERS, Stream.of(rows)));
    return new ByteArrayInputStream(out.toByteArray());
  }

  private long regionId(String code) {
    return jdbc.sql("select id from region where code = :c").param("c", code).query(Long.class).single();
  }

  @Test
  void unitsAndTheirDepartmentsAreImported() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    int imported = unitImport.importWorkbook(workbook(
        List.of("QS", "QSI" + suffix, "县统计局" + suffix, "县", "党政机关", "20", "办公室、统计调查股"),
        List.of("QS", "QSJ" + suffix, "县文化馆" + suffix, "县", "事业单位", "12", "")),
        DataScope.region(regionId("QS")), Locale.SIMPLIFIED_CHINESE);

    assertThat(imported).isEqualTo(2);
    assertThat(jdbc.sql("""
        select count(*) from department d join unit u on u.id = d.unit_id where u.code = :code""")
        .param("code", "QSI" + suffix).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void aWorkbookWithMistakesIsRejectedWholeWithEveryErrorInChinese() {
    long before = jdbc.sql("select count(*) from unit").query(Long.class).single();
    String suffix = Long.toString(System.nanoTime() % 1_000_000);

    assertThatThrownBy(() -> unitImport.importWorkbook(workbook(
        List.of("QS", "QSK" + suffix, "县好单位" + suffix, "县", "党政机关", "20", ""),
        List.of("YX", "YXZ" + suffix, "市外区单位" + suffix, "市", "党政机关", "20", ""),
        List.of("QS", "QSK" + suffix, "县重复编码" + suffix, "省级", "民间组织", "-3", "")),
        DataScope.region(regionId("QS")), Locale.SIMPLIFIED_CHINESE))
        .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.errors())
            .extracting(ImportError::row, ImportError::column)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "区域编码"),
                org.assertj.core.groups.Tuple.tuple(4, "单位编码"),
                org.assertj.core.groups.Tuple.tuple(4, "单位性质"),
                org.assertj.core.groups.Tuple.tuple(4, "编制数")));

    assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(before);
  }
}
