package cn.smartaffairs.asset;

import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ImportWorkbook;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.SpaceRegister;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of an existing asset ledger (资产台账) from .xlsx, one asset per row: every row is read and checked by the
 * register's own rules, the errors of all rows are reported together (row, column, reason), and only a workbook
 * without a single error is kept — in one transaction. The template's example rows import as they are.
 */
@Service
public class AssetImport {

  static final List<String> HEADERS = List.of("资产编号", "资产名称", "分类代码", "规格型号", "序列号", "取得日期",
      "原值（元）", "经费来源", "使用年限（月）", "单位编码", "保管人", "存放地点", "状态");
  static final int MAX_ROWS = 100_000;

  /** The column of the workbook a refused rule of the register concerns. */
  private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("number", "资产编号"),
      Map.entry("name", "资产名称"), Map.entry("classCode", "分类代码"), Map.entry("purchasedOn", "取得日期"),
      Map.entry("originalValue", "原值（元）"), Map.entry("lifeMonths", "使用年限（月）"), Map.entry("unitId", "单位编码"),
      Map.entry("keeperStaffId", "保管人"), Map.entry("locationRoomId", "存放地点"), Map.entry("status", "状态"));

  private final AssetRegister register;
  private final SpaceRegister space;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  AssetImport(AssetRegister register, SpaceRegister space, JdbcClient jdbc, MessageSource messages) {
    this.register = register;
    this.space = space;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  private record Unit(long id, long regionId, String code, String name) {}

  /** Imports all rows or none; answers how many assets were registered, or throws with every error found. */
  @Transactional
  public int importWorkbook(InputStream workbook, CurrentUser by, Locale locale) {
    DataScope scope = AssetRegister.editScope(by);
    if (!scope.isRegionWide()) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
    Xlsx.Table table = ImportWorkbook.open(workbook, HEADERS, MAX_ROWS, messages, locale);
    Map<String, Unit> units = new HashMap<>();
    jdbc.sql("select id, region_id, code, name from org_unit u where " + DataScope.sqlCondition("u.region_id", null,
        null)).paramSource(scope.bind(new MapSqlParameterSource()))
        .query((rs, n) -> new Unit(rs.getLong("id"), rs.getLong("region_id"), rs.getString("code"),
            rs.getString("name")))
        .list().forEach(u -> units.put(u.code(), u));
    Map<String, List<Long>> people = new HashMap<>();
    jdbc.sql("select id, unit_id, name from org_person p where p.status = 'ACTIVE' and "
        + DataScope.sqlCondition("p.region_id", null, null)).paramSource(scope.bind(new MapSqlParameterSource()))
        .query((rs, n) -> Map.entry(rs.getLong("unit_id") + "/" + rs.getString("name"), rs.getLong("id"))).list()
        .forEach(e -> people.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, List<Long>> rooms = new HashMap<>();
    space.rooms(by).forEach(r -> rooms.computeIfAbsent(r.buildingName() + " " + r.number(),
        k -> new ArrayList<>()).add(r.id()));
    Set<String> taken = new HashSet<>(jdbc.sql("select region_id || '/' || number from asset a where "
        + DataScope.sqlCondition("a.region_id", null, null)).paramSource(scope.bind(new MapSqlParameterSource()))
        .query(String.class).list());
    Set<String> seen = new HashSet<>();
    List<ImportError> errors = new ArrayList<>();
    int imported = 0;
    for (Xlsx.TableRow row : table.rows()) {
      NewAsset draft = parse(row, units, people, rooms, taken, seen, errors, locale);
      if (draft == null) {
        continue;
      }
      try {
        register.register(draft, by);
        imported++;
      } catch (BusinessRuleException e) {
        String field = AssetForms.fieldOf(e.messageKey());
        errors.add(new ImportError(row.rowNumber(), field == null ? "" : COLUMN_OF_FIELD.getOrDefault(field, ""),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    return imported;
  }

  private NewAsset parse(Xlsx.TableRow row, Map<String, Unit> units, Map<String, List<Long>> people,
      Map<String, List<Long>> rooms, Set<String> taken, Set<String> seen, List<ImportError> errors, Locale locale) {
    int before = errors.size();
    int n = row.rowNumber();
    Unit unit = units.get(row.get("单位编码"));
    if (unit == null) {
      errors.add(new ImportError(n, "单位编码", text(locale, "import.unitUnknown", row.get("单位编码"))));
      return null;
    }
    String number = row.get("资产编号");
    if (!number.isEmpty()) {
      if (!AssetRegister.NUMBER.matcher(number).matches()) {
        errors.add(new ImportError(n, "资产编号", text(locale, "asset.numberInvalid")));
      } else if (!seen.add(unit.regionId() + "/" + number)) {
        errors.add(new ImportError(n, "资产编号", text(locale, "asset.importNumberRepeated", number)));
      } else if (taken.contains(unit.regionId() + "/" + number)) {
        errors.add(new ImportError(n, "资产编号", text(locale, "asset.numberTaken", number)));
      }
    }
    LocalDate purchased = null;
    try {
      purchased = Xlsx.date(row.get("取得日期"));
    } catch (RuntimeException e) {
      errors.add(new ImportError(n, "取得日期", text(locale, "import.dateFormat", row.get("取得日期"))));
    }
    if (purchased == null && errors.size() == before) {
      errors.add(new ImportError(n, "取得日期", text(locale, "asset.purchaseDateInvalid")));
    }
    Long fen = null;
    try {
      fen = Money.parseYuan(row.get("原值（元）"), "asset.valueInvalid").fen();
    } catch (BusinessRuleException e) {
      errors.add(new ImportError(n, "原值（元）", text(locale, "asset.valueInvalid")));
    }
    FundingSource funding = oneOf(row, "经费来源", FundingSource.values(), "asset.funding.", n, errors, locale);
    AssetStatus status = oneOf(row, "状态", AssetStatus.initial().stream().sorted().toArray(AssetStatus[]::new),
        "asset.status.", n, errors, locale);
    Integer life = null;
    if (!row.get("使用年限（月）").isEmpty()) {
      try {
        life = Integer.valueOf(row.get("使用年限（月）"));
      } catch (NumberFormatException e) {
        errors.add(new ImportError(n, "使用年限（月）", text(locale, "asset.life.range", 1200)));
      }
    }
    Long keeper = null;
    if (!row.get("保管人").isEmpty()) {
      List<Long> found = people.getOrDefault(unit.id() + "/" + row.get("保管人"), List.of());
      if (found.size() != 1) {
        errors.add(new ImportError(n, "保管人", text(locale, found.isEmpty()
            ? "asset.importKeeperUnknown"
            : "asset.importKeeperAmbiguous", row.get("保管人"), unit.name())));
      } else {
        keeper = found.get(0);
      }
    }
    Long room = null;
    if (!row.get("存放地点").isEmpty()) {
      List<Long> found = rooms.getOrDefault(row.get("存放地点").replaceAll("\\s+", " "), List.of());
      if (found.size() != 1) {
        errors.add(new ImportError(n, "存放地点", text(locale, "asset.importRoomUnknown", row.get("存放地点"))));
      } else {
        room = found.get(0);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return new NewAsset(number, row.get("资产名称"), row.get("分类代码"), row.get("规格型号"), row.get("序列号"),
        purchased, fen, funding, life, unit.id(), keeper, room, null, status);
  }

  private <E extends Enum<E>> E oneOf(Xlsx.TableRow row, String column, E[] values, String prefix, int n,
      List<ImportError> errors, Locale locale) {
    String typed = row.get(column);
    for (E value : values) {
      if (text(Locale.SIMPLIFIED_CHINESE, prefix + value.name()).equals(typed) || value.name().equals(typed)) {
        return value;
      }
    }
    errors.add(new ImportError(n, column, text(locale, "import.oneOf", Arrays.stream(values)
        .map(v -> text(Locale.SIMPLIFIED_CHINESE, prefix + v.name())).collect(Collectors.joining(" / ")))));
    return null;
  }

  /** The template: the columns, two example rows of a unit of the caller's, and how to fill them in. */
  public void writeTemplate(OutputStream out, CurrentUser by) {
    String unitCode = jdbc.sql("select code from org_unit where id = :id")
        .param("id", by.unitId() == null ? -1 : by.unitId())
        .query(String.class).optional().orElse("");
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    List<List<?>> examples = List.of(
        List.of("", "台式计算机", "A02010101", "联想 启天M437", "PF3X2K1", "2024-03-15", "6200.00",
            text(zh, "asset.funding.FISCAL"), "", unitCode, "", "", text(zh, "asset.status.IN_USE")),
        List.of("", "文件柜", "A050105", "钢制 1850×900×400", "", "2019-07-01", "1280.00",
            text(zh, "asset.funding.FISCAL"), "", unitCode, "", "", text(zh, "asset.status.IDLE")));
    Xlsx.write(out, new Xlsx.Sheet("资产台账", HEADERS, examples.stream()),
        new Xlsx.Sheet("填写说明", List.of("列", "说明"), Stream.of(
            List.of("资产编号", "留空则按“ZC-年份-序号”自动编号；字母、数字和连字符，本区域内不重复"),
            List.of("分类代码", "GB/T 14885-2022 分类代码，见“资产分类”页，如 A02010101 台式计算机"),
            List.of("取得日期", "如 2024-03-15，不晚于今天"),
            List.of("原值（元）", "元，最多两位小数"),
            List.of("经费来源", "财政拨款 / 自筹资金 / 其他"),
            List.of("使用年限（月）", "留空则取该分类现行折旧年限规则的最短年限"),
            List.of("单位编码", "使用单位的编码，见“部门单位”页"),
            List.of("保管人", "使用单位在职人员的姓名，可留空"),
            List.of("存放地点", "楼宇名称 空格 房间号，如“市行政中心1号楼 301”，可留空"),
            List.of("状态", "在用 / 闲置 / 在仓"))));
  }

  private String text(Locale locale, String key, Object... arguments) {
    return ImportWorkbook.text(messages, locale, key, arguments);
  }
}
