package cn.smartaffairs.organisation;

import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ImportWorkbook;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.security.DataScope;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff import from .xlsx: every row is checked first and the errors of all rows are reported together;
 * only a workbook without a single error is saved, in one transaction. It adds new staff or (mode UPDATE) changes
 * existing staff found by region and 工号. The staff export writes this same format, so an export imports back.
 */
@Service
public class StaffImport {

  static final List<String> HEADERS = List.of("区域编码", "单位编码", "工号", "姓名", "性别", "部门", "职务名称", "职级",
      "编制内", "手机号", "状态", "入职日期", "状态变更日期");
  static final int MAX_ROWS = 20_000;

  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  public StaffImport(OrganisationDirectory organisation, StaffDirectory staff, JdbcClient jdbc,
      MessageSource messages) {
    this.organisation = organisation;
    this.staff = staff;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /** A masked mobile number as the export writes it for someone who may not see it in full. */
  private static final java.util.regex.Pattern MASKED_MOBILE = java.util.regex.Pattern.compile("1\\d{2}\\*{4}\\d{4}");

  /** Adds the rows as new staff, all or none (see {@link #importWorkbook(InputStream, StaffImportMode, DataScope, Locale)}). */
  public int importWorkbook(InputStream workbook, DataScope scope, Locale locale) {
    return importWorkbook(workbook, StaffImportMode.CREATE, scope, locale);
  }

  /**
   * Imports all rows or none; answers how many were added or changed, or throws with every error found. In UPDATE
   * mode every row must name an existing staff member the importer may change; a masked mobile number
   * (138****5678) leaves the stored number as it is.
   */
  @Transactional
  public int importWorkbook(InputStream workbook, StaffImportMode mode, DataScope scope, Locale locale) {
    Xlsx.Table table = ImportWorkbook.open(workbook, HEADERS, MAX_ROWS, messages, locale);
    List<ImportError> errors = new ArrayList<>();
    var lookup = new Lookup(scope);
    List<StaffDirectory.Placed> rows = new ArrayList<>();
    List<Long> existing = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Xlsx.TableRow row : table.rows()) {
      var placed = parse(row, mode, lookup, seen, errors, locale);
      if (placed != null) {
        rows.add(placed);
        existing.add(lookup.staffIds.get(placed.regionId() + "/" + placed.draft().staffNo()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    if (mode == StaffImportMode.CREATE) {
      return staff.insertAll(rows).size();
    }
    for (int i = 0; i < rows.size(); i++) {
      StaffDraft draft = rows.get(i).draft();
      long id = existing.get(i);
      if (draft.mobile() != null && MASKED_MOBILE.matcher(draft.mobile()).matches()) {
        draft = withMobile(draft, staff.mobileOf(id, scope));
      }
      staff.update(id, draft, scope); // audited there, row by row, with its before and after
    }
    return rows.size();
  }

  /**
   * The staff matching the query in the import's own columns, so that the file imports back unchanged: region and
   * unit codes, rank and department names as the import takes them. Mobile numbers are in full for the staff the
   * exporter may change (those they could import) and masked for the others, which the import reads as "unchanged".
   */
  public void writeExport(OutputStream out, StaffQuery query, DataScope readScope, DataScope editScope) {
    writeExport(out, query, ListQuery.first(StaffDirectory.SORT_KEYS), readScope, editScope);
  }

  /** The same in the order of the list's query (its search is the query's keyword), at most its export limit. */
  public void writeExport(OutputStream out, StaffQuery query, ListQuery list, DataScope readScope,
      DataScope editScope) {
    Map<Long, String> regionCodes = new HashMap<>();
    organisation.regions().forEach(region -> regionCodes.put(region.id(), region.code()));
    Map<Long, String> unitCodes = new HashMap<>();
    organisation.allUnits(readScope).forEach(unit -> unitCodes.put(unit.id(), unit.code()));
    List<List<?>> rows = new ArrayList<>();
    staff.forEachWithMobile(query, list, readScope, editScope, (m, mobile) -> rows.add(java.util.Arrays.asList(
        regionCodes.get(m.regionId()),
        unitCodes.computeIfAbsent(m.unitId(), id -> organisation.unitById(id).map(Unit::code).orElse("")), m.staffNo(),
        m.name(), "M".equals(m.gender()) ? "男" : "F".equals(m.gender()) ? "女" : "", m.departmentName(),
        m.postTitle(), m.rankName(), m.withinEstablishment() ? "是" : "否",
        mobile != null || m.mobileMasked() == null ? mobile : m.mobileMasked(),
        m.status().chineseName(), m.joinedOn(), m.statusChangedOn())));
    Xlsx.write(out, new Xlsx.Sheet("干部职工", HEADERS, rows.stream()));
  }

  private static StaffDraft withMobile(StaffDraft d, String mobile) {
    return new StaffDraft(d.unitId(), d.departmentId(), d.staffNo(), d.name(), d.gender(), d.postTitle(), d.rankCode(),
        d.withinEstablishment(), mobile, d.status(), d.joinedOn(), d.statusChangedOn());
  }

  /** The template: headers, one example row, and a sheet listing the values the columns accept. */
  public void writeTemplate(OutputStream out, DataScope scope) {
    List<Unit> units = organisation.allUnits(scope);
    Unit example = units.isEmpty() ? null : units.get(0);
    Map<Long, String> regionCodes = new HashMap<>();
    organisation.regions().forEach(region -> regionCodes.put(region.id(), region.code()));
    List<List<?>> exampleRows = example == null
        ? List.of()
        : List.of(List.of(regionCodes.get(example.regionId()),
            example.code(), "A0001", "张三", "男", "", "科员", "一级科员", "是", "13800138000", "在职", "2020-07-01", ""));
    Stream<List<?>> allowed = Stream.concat(
        organisation.ranks().stream().map(rank -> List.of("职级", rank.name())),
        units.stream()
            .map(unit -> List.of("单位编码", regionCodes.get(unit.regionId()) + " / " + unit.code() + " " + unit.name())));
    Xlsx.write(out, new Xlsx.Sheet("干部职工", HEADERS, exampleRows.stream()),
        new Xlsx.Sheet("填写说明", List.of("列", "可填写的值"), Stream.concat(Stream.of(
            List.of("性别", "男 / 女"), List.of("编制内", "是 / 否"), List.of("状态", "在职 / 调出 / 退休（调出、退休须填状态变更日期）"),
            List.of("手机号", "11位手机号，如 13800138000"), List.of("日期", "如 2020-07-01")), allowed)));
  }

  private StaffDirectory.Placed parse(Xlsx.TableRow row, StaffImportMode mode, Lookup lookup, Set<String> seen,
      List<ImportError> errors, Locale locale) {
    int before = errors.size();
    int n = row.rowNumber();
    Region region = lookup.regionsByCode.get(row.get("区域编码"));
    if (region == null) {
      errors.add(new ImportError(n, "区域编码", text(locale, "import.regionUnknown", row.get("区域编码"))));
      return null;
    }
    Unit unit = lookup.units.get(region.id() + "/" + row.get("单位编码"));
    if (unit == null) {
      errors.add(new ImportError(n, "单位编码", text(locale, "import.unitUnknown", row.get("单位编码"))));
      return null;
    }
    String staffNo = row.get("工号");
    if (!staffNo.matches("[A-Za-z0-9_-]{1,30}")) {
      errors.add(new ImportError(n, "工号", text(locale, "import.staffNoFormat")));
    } else if (!seen.add(region.id() + "/" + staffNo)) {
      errors.add(new ImportError(n, "工号", text(locale, "import.staffNoRepeated", staffNo)));
    } else if (mode == StaffImportMode.CREATE && lookup.takenStaffNos.contains(region.id() + "/" + staffNo)) {
      errors.add(new ImportError(n, "工号", text(locale, "staff.staffNoTaken", staffNo)));
    } else if (mode == StaffImportMode.UPDATE && !lookup.staffIds.containsKey(region.id() + "/" + staffNo)) {
      errors.add(new ImportError(n, "工号", text(locale, "import.staffNoUnknown", staffNo)));
    }
    String name = row.get("姓名");
    if (name.isEmpty() || name.length() > 50) {
      errors.add(new ImportError(n, "姓名", text(locale, "import.required")));
    }
    String gender = switch (row.get("性别")) {
      case "男" -> "M";
      case "女" -> "F";
      case "" -> null;
      default -> {
        errors.add(new ImportError(n, "性别", text(locale, "import.oneOf", "男 / 女")));
        yield null;
      }
    };
    Long departmentId = null;
    if (!row.get("部门").isEmpty()) {
      departmentId = lookup.departments(unit.id()).get(row.get("部门"));
      if (departmentId == null) {
        errors.add(new ImportError(n, "部门", text(locale, "import.departmentUnknown", row.get("部门"), unit.name())));
      }
    }
    StaffRank rank = lookup.ranksByName.get(row.get("职级"));
    if (rank == null) {
      errors.add(new ImportError(n, "职级", text(locale, "import.rankUnknown", row.get("职级"))));
    }
    Boolean within = switch (row.get("编制内")) {
      case "是" -> true;
      case "否" -> false;
      default -> {
        errors.add(new ImportError(n, "编制内", text(locale, "import.oneOf", "是 / 否")));
        yield null;
      }
    };
    String mobile = MobileNumber.normalise(row.get("手机号"));
    if (mobile != null && MASKED_MOBILE.matcher(mobile).matches()) {
      if (mode == StaffImportMode.CREATE) {
        errors.add(new ImportError(n, "手机号", text(locale, "import.mobileMasked")));
      }
    } else if (mobile != null && !MobileNumber.isValid(mobile)) {
      errors.add(new ImportError(n, "手机号", text(locale, "staff.mobileInvalid", row.get("手机号"))));
    }
    StaffStatus status = StaffStatus.fromChinese(row.get("状态"));
    if (status == null) {
      errors.add(new ImportError(n, "状态", text(locale, "import.oneOf", "在职 / 调出 / 退休")));
    }
    LocalDate joined = date(row, "入职日期", n, errors, locale);
    LocalDate changed = date(row, "状态变更日期", n, errors, locale);
    if (status != null && status != StaffStatus.ACTIVE && changed == null && row.get("状态变更日期").isEmpty()) {
      errors.add(new ImportError(n, "状态变更日期", text(locale, "staff.statusDateRequired")));
    }
    if (errors.size() > before) {
      return null;
    }
    String postTitle = row.get("职务名称");
    return new StaffDirectory.Placed(new StaffDraft(unit.id(), departmentId, staffNo, name, gender,
        postTitle.length() > 60 ? postTitle.substring(0, 60) : postTitle, rank.code(), within, mobile, status, joined,
        changed), region.id());
  }

  private LocalDate date(Xlsx.TableRow row, String column, int n, List<ImportError> errors, Locale locale) {
    String text = row.get(column);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Xlsx.date(text);
    } catch (RuntimeException e) {
      errors.add(new ImportError(n, column, text(locale, "import.dateFormat", text)));
      return null;
    }
  }

  private String text(Locale locale, String key, Object... arguments) {
    return ImportWorkbook.text(messages, locale, key, arguments);
  }

  /** Everything a row is checked against, loaded once per import instead of once per row. */
  private final class Lookup {
    final Map<String, Region> regionsByCode = new HashMap<>();
    final Map<String, Unit> units = new HashMap<>();
    final Map<String, StaffRank> ranksByName = new HashMap<>();
    final Set<String> takenStaffNos = new HashSet<>();
    /** The staff the importer may change, by region id / 工号: what UPDATE rows may name. */
    final Map<String, Long> staffIds;
    private final Map<Long, Map<String, Long>> departmentsByUnit = new HashMap<>();

    Lookup(DataScope scope) {
      organisation.regions().forEach(region -> regionsByCode.put(region.code(), region));
      // only units the importer may change: staff of other units are "unknown" to them
      organisation.allUnits(scope).stream()
          .filter(
              unit -> scope.all() || scope.regionIds().contains(unit.regionId()) || scope.unitIds().contains(unit.id()))
          .forEach(unit -> units.put(unit.regionId() + "/" + unit.code(), unit));
      organisation.ranks().forEach(rank -> ranksByName.put(rank.name(), rank));
      jdbc.sql("select region_id, staff_no from staff")
          .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2)).list().forEach(takenStaffNos::add);
      staffIds = staff.editableStaffNumbers(scope);
    }

    Map<String, Long> departments(long unitId) {
      return departmentsByUnit.computeIfAbsent(unitId, id -> {
        Map<String, Long> byName = new HashMap<>();
        organisation.departments(id).forEach(department -> byName.putIfAbsent(department.name(), department.id()));
        return byName;
      });
    }
  }
}
