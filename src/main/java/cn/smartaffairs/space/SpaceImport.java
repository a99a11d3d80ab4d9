package cn.smartaffairs.space;

import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ImportWorkbook;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import of buildings and rooms from .xlsx, one room per row with its building's columns: every row is checked
 * first and the errors of all rows are reported together; only a workbook without a single error is saved, in one
 * transaction. A building is created by the first row that names a new code; floors are created as needed.
 */
@Service
public class SpaceImport {

  static final List<String> HEADERS = List.of("区域编码", "楼宇编码", "楼宇名称", "地址", "权属单位", "不动产权证号",
      "建成年份", "总建筑面积", "总使用面积", "楼层", "房间号", "使用面积", "用房类型", "备注");
  static final List<String> BUILDING_COLUMNS = List.of("楼宇名称", "地址", "权属单位", "不动产权证号", "建成年份",
      "总建筑面积", "总使用面积");
  static final int MAX_ROWS = 20_000;

  private final SpaceRegister register;
  private final OrganisationDirectory organisation;
  private final JdbcClient jdbc;
  private final MessageSource messages;

  public SpaceImport(SpaceRegister register, OrganisationDirectory organisation, JdbcClient jdbc,
      MessageSource messages) {
    this.register = register;
    this.organisation = organisation;
    this.jdbc = jdbc;
    this.messages = messages;
  }

  /** What a successful import wrote. */
  public record Imported(int buildings, int floors, int rooms) {}

  private record Row(int number, long regionId, String buildingCode, BuildingDraft building, int level,
      String roomNumber, BigDecimal area, RoomKind kind, String note) {}

  /** Imports all rows or none; answers what was created, or throws with every error found. */
  @Transactional
  public Imported importWorkbook(InputStream workbook, CurrentUser by, Locale locale) {
    Xlsx.Table table = ImportWorkbook.open(workbook, HEADERS, MAX_ROWS, messages, locale);
    DataScope scope = SpaceRegister.editScope(by);
    Map<String, Region> regions = new HashMap<>();
    organisation.regions().forEach(region -> regions.put(region.code(), region));
    Map<String, Long> existingBuildings = new HashMap<>();
    jdbc.sql("select region_id, code, id from space_building")
        .query((rs, n) -> Map.entry(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3)))
        .list().forEach(e -> existingBuildings.put(e.getKey(), e.getValue()));
    Set<String> takenRooms = new HashSet<>(jdbc.sql(
        "select b.region_id || '/' || b.code || '/' || r.number from space_room r join space_building b on b.id = r.building_id")
        .query(String.class).list());
    List<ImportError> errors = new ArrayList<>();
    Map<String, Row> firstRowOfNewBuilding = new LinkedHashMap<>();
    Set<String> seenRooms = new HashSet<>();
    List<Row> rows = new ArrayList<>();
    for (Xlsx.TableRow row : table.rows()) {
      Row parsed = parse(row, regions, scope, existingBuildings, firstRowOfNewBuilding, takenRooms, seenRooms, errors,
          locale);
      if (parsed != null) {
        rows.add(parsed);
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    Map<String, Long> buildingIds = new HashMap<>(existingBuildings);
    Map<String, Long> floorIds = new HashMap<>();
    jdbc.sql(
        "select b.region_id || '/' || b.code || '/' || f.level, f.id from space_floor f join space_building b on b.id = f.building_id")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
        .forEach(e -> floorIds.put(e.getKey(), e.getValue()));
    int buildings = 0;
    int floors = 0;
    for (Row row : rows) {
      String buildingKey = row.regionId() + "/" + row.buildingCode();
      Long buildingId = buildingIds.get(buildingKey);
      if (buildingId == null) {
        buildingId = register.insertBuilding(row.building(), row.regionId());
        buildingIds.put(buildingKey, buildingId);
        buildings++;
      }
      String floorKey = buildingKey + "/" + row.level();
      Long floorId = floorIds.get(floorKey);
      if (floorId == null) {
        floorId = register.insertFloor(row.regionId(), buildingId, row.level(),
            SpaceRegister.defaultFloorName(row.level()));
        floorIds.put(floorKey, floorId);
        floors++;
      }
      register.insertRoom(row.regionId(), new RoomDraft(buildingId, floorId, row.roomNumber(), row.area(), row.kind(),
          row.note()));
    }
    return new Imported(buildings, floors, rows.size());
  }

  private Row parse(Xlsx.TableRow row, Map<String, Region> regions, DataScope scope, Map<String, Long> existing,
      Map<String, Row> firstRowOfNewBuilding, Set<String> takenRooms, Set<String> seenRooms,
      List<ImportError> errors, Locale locale) {
    int before = errors.size();
    int n = row.rowNumber();
    Region region = regions.get(row.get("区域编码"));
    if (region == null || !scope.permits(region.id(), null, null)) {
      errors.add(new ImportError(n, "区域编码", text(locale, "import.regionUnknown", row.get("区域编码"))));
      return null;
    }
    String code = row.get("楼宇编码");
    if (code.isEmpty() || code.length() > 30) {
      errors.add(new ImportError(n, "楼宇编码", text(locale, "import.required")));
      return null;
    }
    String buildingKey = region.id() + "/" + code;
    BuildingDraft building = null;
    if (!existing.containsKey(buildingKey)) {
      building = building(row, region.id(), n, errors, locale);
      Row first = firstRowOfNewBuilding.get(buildingKey);
      if (building != null && first != null && !Objects.equals(first.building(), building)) {
        errors.add(new ImportError(n, "楼宇名称", text(locale, "space.importBuildingDiffers", code, first.number())));
      }
    }
    Integer level = null;
    try {
      level = Integer.valueOf(row.get("楼层"));
      if (level == 0 || level < -10 || level > 200) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      errors.add(new ImportError(n, "楼层", text(locale, "space.floorLevelInvalid")));
    }
    String number = row.get("房间号");
    if (number.isEmpty() || number.length() > 30) {
      errors.add(new ImportError(n, "房间号", text(locale, "space.roomNumberRequired")));
    } else if (!seenRooms.add(buildingKey + "/" + number)) {
      errors.add(new ImportError(n, "房间号", text(locale, "space.importRoomRepeated", number, code)));
    } else if (takenRooms.contains(buildingKey + "/" + number)) {
      errors.add(new ImportError(n, "房间号", text(locale, "space.roomNumberTaken", number, code)));
    }
    BigDecimal area = area(row, "使用面积", n, errors, locale);
    RoomKind kind = RoomKind.fromChinese(row.get("用房类型"));
    if (kind == null) {
      errors.add(new ImportError(n, "用房类型", text(locale, "import.oneOf", "办公室 / 服务用房 / 设备用房 / 附属用房")));
    }
    String note = row.get("备注");
    if (errors.size() > before) {
      return null;
    }
    Row parsed = new Row(n, region.id(), code, building, level, number, area, kind,
        note.length() > 200 ? note.substring(0, 200) : note);
    if (building != null) {
      firstRowOfNewBuilding.putIfAbsent(buildingKey, parsed);
    }
    return parsed;
  }

  private BuildingDraft building(Xlsx.TableRow row, long regionId, int n, List<ImportError> errors, Locale locale) {
    int before = errors.size();
    for (String column : List.of("楼宇名称", "地址", "权属单位")) {
      if (row.get(column).isEmpty()) {
        errors.add(new ImportError(n, column, text(locale, "space.importNewBuildingNeeds", row.get("楼宇编码"))));
      }
    }
    Integer year = null;
    if (!row.get("建成年份").isEmpty()) {
      try {
        year = Integer.valueOf(row.get("建成年份"));
        if (year < 1800 || year > 2200) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.add(new ImportError(n, "建成年份", text(locale, "space.yearBuiltInvalid")));
      }
    }
    BigDecimal total = area(row, "总建筑面积", n, errors, locale);
    BigDecimal use = area(row, "总使用面积", n, errors, locale);
    if (total != null && use != null && use.compareTo(total) > 0) {
      errors.add(new ImportError(n, "总使用面积", text(locale, "space.buildingAreaInvalid")));
    }
    if (errors.size() > before) {
      return null;
    }
    return new BuildingDraft(regionId, row.get("楼宇编码"), row.get("楼宇名称"), row.get("地址"), row.get("权属单位"),
        row.get("不动产权证号"), year, total, use);
  }

  private BigDecimal area(Xlsx.TableRow row, String column, int n, List<ImportError> errors, Locale locale) {
    try {
      BigDecimal value = new BigDecimal(row.get(column));
      if (value.signum() <= 0 || value.scale() > 2 || value.compareTo(new BigDecimal("99999999")) >= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new ImportError(n, column, text(locale, "space.importAreaInvalid", row.get(column))));
      return null;
    }
  }

  /** The template: headers, two example rows and a sheet explaining the columns. */
  public void writeTemplate(OutputStream out, CurrentUser by) {
    String regionCode = organisation.region(by.regionId()).map(Region::code).orElse("YX");
    List<List<?>> examples = List.of(
        List.of(regionCode, "BLD-01", "市行政中心1号楼", "云溪市人民路1号", "云溪市机关事务管理局", "云房权证2015第0001号", 2008,
            12000, 8600, 3, "301", 18, "办公室", ""),
        List.of(regionCode, "BLD-01", "市行政中心1号楼", "云溪市人民路1号", "云溪市机关事务管理局", "云房权证2015第0001号", 2008,
            12000, 8600, 1, "101", 60, "服务用房", "接待室"));
    Xlsx.write(out, new Xlsx.Sheet("楼宇房间", HEADERS, examples.stream()),
        new Xlsx.Sheet("填写说明", List.of("列", "说明"), Stream.of(
            List.of("楼宇编码", "同一楼宇的各行编码相同；新楼宇须填写楼宇名称、地址、权属单位、总建筑面积和总使用面积"),
            List.of("楼层", "整数，地下层为负数，如 -1"),
            List.of("面积", "平方米，最多两位小数"),
            List.of("用房类型", "办公室 / 服务用房 / 设备用房 / 附属用房"))));
  }

  private String text(Locale locale, String key, Object... arguments) {
    return ImportWorkbook.text(messages, locale, key, arguments);
  }
}
