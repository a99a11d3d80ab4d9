package cn.smartaffairs.organisation;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.audit.AuditChainVerifier;
import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.support.Pages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** The staff import takes a whole workbook or nothing, and says exactly what is wrong where. */
@IntegrationTest
class StaffImportTest {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  @Autowired StaffImport staffImport;
  @Autowired Accounts accounts;
  @Autowired AuditChainVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired WebApplicationContext context;
  MockMvc mvc;
  DataScope cityAdmin;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(context);
    cityAdmin = accounts.loadUserByUsername("region.admin").dataScope();
  }

  @Test
  void twoThousandValidRowsAreAllImported() {
    long before = staffCount();
    List<List<?>> rows = IntStream.rangeClosed(1, 2000)
        .<List<?>>mapToObj(i -> row(String.format("YX%03d", 1 + i % 16), String.format("IMP%05d", i), "导入" + i, "一级科员",
            String.format("139%08d", i)))
        .toList();

    int imported = staffImport.importWorkbook(workbook(rows), cityAdmin, CHINESE);

    assertThat(imported).isEqualTo(2000);
    assertThat(staffCount()).isEqualTo(before + 2000);
    assertThat(jdbc.sql("""
        select count(*) from staff s join region r on r.id = s.region_id
         where r.code = 'YX' and s.staff_no between 'IMP00001' and 'IMP02000'""").query(Long.class).single())
        .isEqualTo(2000);
    assertThat(jdbc
        .sql(
            """
                select s.name || '/' || u.code || '/' || s.rank_code || '/' || s.status from staff s join unit u on u.id = s.unit_id
                 where s.staff_no = 'IMP00017'""")
        .query(String.class).single())
        .isEqualTo("导入17/YX002/LEVEL_OFFICER_1/ACTIVE");
    assertThat(verifier.verify().intact()).as("the import's audit events chain on").isTrue();
  }

  @Test
  void aWorkbookWithMistakesIsRejectedWholeWithOneErrorPerMistake() {
    long before = staffCount();
    List<List<?>> rows = new ArrayList<>();
    rows.add(row("YX001", "ERR00001", "正确一", "一级科员", "13900000001")); // row 2: fine
    rows.add(row("YX999", "ERR00002", "单位错", "一级科员", "13900000002")); // row 3: unknown unit
    rows.add(row("YX001", "ERR00003", "手机错", "一级科员", "12345")); // row 4: bad mobile
    rows.add(row("YX002", "ERR00001", "工号重", "一级科员", "13900000004")); // row 5: staff number repeats row 2
    rows.add(row("YX003", "ERR00005", "职级错", "宇宙级科员", "13900000005")); // row 6: unknown rank
    rows.add(row("YX004", "ERR00006", "", "一级科员", "13900000006")); // row 7: no name
    rows.add(row("YX005", "ERR00007", "正确二", "二级科员", "13900000007")); // row 8: fine

    var rejected = catchRejected(workbook(rows));

    assertThat(rejected.errors()).extracting(ImportError::row, ImportError::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3, "单位编码"),
        org.assertj.core.groups.Tuple.tuple(4, "手机号"),
        org.assertj.core.groups.Tuple.tuple(5, "工号"),
        org.assertj.core.groups.Tuple.tuple(6, "职级"),
        org.assertj.core.groups.Tuple.tuple(7, "姓名"));
    assertThat(rejected.errors()).extracting(ImportError::message).containsExactly(
        "单位编码“YX999”不存在或不在您的管理范围内",
        "手机号“12345”格式不正确，应为11位手机号，如 13800138000",
        "工号“ERR00001”在文件中重复出现",
        "职级“宇宙级科员”不在职务职级字典中，请按模板“填写说明”填写",
        "必填，且不超过50个字");
    assertThat(staffCount()).as("nothing imported").isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from staff where staff_no like 'ERR%'").query(Long.class).single()).isZero();
  }

  @Test
  void unitsOutsideTheImportersScopeAreUnknownToThem() {
    DataScope countyAdmin = accounts.loadUserByUsername("county.admin").dataScope();

    var rejected = catchRejected(() -> staffImport.importWorkbook(
        workbook(List.of(row("YX001", "OUT00001", "越权", "一级科员", "13900000001"))), countyAdmin, CHINESE));

    assertThat(rejected.errors()).singleElement().satisfies(error -> {
      assertThat(error.row()).isEqualTo(2);
      assertThat(error.column()).isEqualTo("单位编码");
    });
  }

  @Test
  void theTemplateDownloadHasTheImportColumns() throws Exception {
    byte[] template = mvc.perform(get("/staff/import/template.xlsx").with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();

    Xlsx.Table table = Xlsx.read(new ByteArrayInputStream(template));
    assertThat(table.headers()).containsExactlyElementsOf(StaffImport.HEADERS);
    assertThat(table.rows()).singleElement().satisfies(example -> assertThat(example.get("职级")).isEqualTo("一级科员"));
  }

  @Test
  void anUnreadableFileGetsAClearChineseMessage() throws Exception {
    long before = staffCount();
    var file = new MockMultipartFile("file", "名单.xlsx", "application/octet-stream",
        "这不是 Excel 文件".getBytes(StandardCharsets.UTF_8));

    String page = mvc
        .perform(multipart("/staff/import").file(file).with(signedInAs(accounts, "region.admin")).with(csrf()))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(page).contains("无法读取文件，请上传 .xlsx 格式的 Excel 文件").contains("本次未导入任何数据");
    assertThat(staffCount()).isEqualTo(before);
  }

  private ImportRejectedException catchRejected(ByteArrayInputStream workbook) {
    return catchRejected(() -> staffImport.importWorkbook(workbook, cityAdmin, CHINESE));
  }

  private static ImportRejectedException catchRejected(Runnable importing) {
    var thrown = new ImportRejectedException[1];
    assertThatThrownBy(importing::run).isInstanceOfSatisfying(ImportRejectedException.class, e -> thrown[0] = e);
    return thrown[0];
  }

  /** A row in the template's column order: 区域 YX, active, within the establishment, joined 2020-07-01. */
  private static List<?> row(String unitCode, String staffNo, String name, String rank, String mobile) {
    return Arrays.asList("YX", unitCode, staffNo, name, "男", "", "科员", rank, "是", mobile, "在职", "2020-07-01", "");
  }

  private static ByteArrayInputStream workbook(List<List<?>> rows) {
    var out = new ByteArrayOutputStream();
    Xlsx.write(out, new Xlsx.Sheet("干部职工", StaffImport.HEADERS, rows.stream()));
    return new ByteArrayInputStream(out.toByteArray());
  }

  private long staffCount() {
    return jdbc.sql("select count(*) from staff").query(Long.class).single();
  }
}
