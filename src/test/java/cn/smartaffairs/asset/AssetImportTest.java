package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing a ledger: the template imports as it is; a workbook with any error imports nothing and names each. */
@IntegrationTest
class AssetImportTest {

  @Autowired AssetImport assetImport;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  CurrentUser manager;
  String unitCode;

  @BeforeEach
  void setUp() {
    manager = accounts.loadUserByUsername("asset.manager");
    unitCode = jdbc.sql("select code from org_unit where id = :id").param("id", manager.unitId()).query(String.class)
        .single();
  }

  private long assets() {
    return jdbc.sql("select count(*) from asset").query(Long.class).single();
  }

  @Test
  void theTemplateRoundTrips() {
    ByteArrayOutputStream template = new ByteArrayOutputStream();
    assetImport.writeTemplate(template, manager);
    long before = assets();

    int imported = assetImport.importWorkbook(new ByteArrayInputStream(template.toByteArray()), manager,
        Locale.SIMPLIFIED_CHINESE);

    assertThat(imported).isEqualTo(2);
    assertThat(assets()).isEqualTo(before + 2);
  }

  @Test
  void aWorkbookWithAnyErrorImportsNothingAndNamesEveryRowAndColumn() {
    String good = "I-" + UUID.randomUUID().toString().substring(0, 10);
    List<List<?>> rows = List.of(
        row(good, "台式计算机", "A02010101", "2024-01-10", "5000", "财政拨款", "在用", unitCode),
        row(good, "台式计算机", "A02010101", "2024-01-10", "5000", "财政拨款", "在用", unitCode),
        row("", "打印机", "B999999", "2024-01-10", "1200", "财政拨款", "在用", unitCode),
        row("", "打印机", "A02010301", "昨天", "-3", "拨款", "报废", unitCode),
        row("", "椅子", "A050103", "2024-01-10", "300", "自筹资金", "闲置", "NO-SUCH-UNIT"));
    ByteArrayOutputStream workbook = new ByteArrayOutputStream();
    Xlsx.write(workbook, new Xlsx.Sheet("资产台账", AssetImport.HEADERS, rows.stream()));
    long before = assets();

    ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
        () -> assetImport.importWorkbook(new ByteArrayInputStream(workbook.toByteArray()), manager,
            Locale.SIMPLIFIED_CHINESE));

    assertThat(rejected.errors()).extracting(ImportError::row, ImportError::column).contains(
        org.assertj.core.groups.Tuple.tuple(3, "资产编号"), org.assertj.core.groups.Tuple.tuple(4, "分类代码"),
        org.assertj.core.groups.Tuple.tuple(5, "取得日期"), org.assertj.core.groups.Tuple.tuple(5, "原值（元）"),
        org.assertj.core.groups.Tuple.tuple(5, "经费来源"), org.assertj.core.groups.Tuple.tuple(5, "状态"),
        org.assertj.core.groups.Tuple.tuple(6, "单位编码"));
    assertThat(rejected.errors()).noneMatch(e -> e.row() == 2);
    assertThat(assets()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from asset where number = :n").param("n", good).query(Long.class).single())
        .isZero();
  }

  private static List<String> row(String number, String name, String classCode, String date, String value,
      String funding, String status, String unit) {
    return Stream.of(number, name, classCode, "", "", date, value, funding, "", unit, "", "", status).toList();
  }
}
