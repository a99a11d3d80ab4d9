package cn.smartaffairs.organisation;

import cn.smartaffairs.excel.ImportError;
import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ImportWorkbook;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.security.DataScope;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unit import from .xlsx with their departments: all rows or none, every error listed. */
@Service
public class UnitImport {

  static final List<String> HEADERS = List.of("区域编码", "单位编码", "单位名称", "行政级别", "单位性质", "编制数", "内设机构");
  static final int MAX_ROWS = 5_000;

  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  public UnitImport(OrganisationDirectory organisation, MessageSource messages) {
    this.organisation = organisation;
    this.messages = messages;
  }

  @Transactional
  public int importWorkbook(InputStream workbook, DataScope scope, Locale locale) {
    Xlsx.Table table = ImportWorkbook.open(workbook, HEADERS, MAX_ROWS, messages, locale);
    List<ImportError> errors = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    organisation.allUnits(DataScope.everything()).forEach(unit -> {
      taken.add(unit.regionId() + "/code/" + unit.code());
      taken.add(unit.regionId() + "/name/" + unit.name());
    });
    List<OrganisationDirectory.NewUnit> units = new ArrayList<>();
    for (Xlsx.TableRow row : table.rows()) {
      int n = row.rowNumber();
      int before = errors.size();
      Region region = organisation.regions(scope).stream().filter(r -> r.code().equals(row.get("区域编码"))).findFirst()
          .orElse(null);
      if (region == null) {
        errors.add(new ImportError(n, "区域编码", text(locale, "import.regionNotYours", row.get("区域编码"))));
        continue;
      }
      String code = row.get("单位编码");
      String name = row.get("单位名称");
      if (!code.matches("[A-Za-z0-9_-]{1,30}")) {
        errors.add(new ImportError(n, "单位编码", text(locale, "import.unitCodeFormat")));
      } else if (!taken.add(region.id() + "/code/" + code)) {
        errors.add(new ImportError(n, "单位编码", text(locale, "import.unitCodeTaken", code)));
      }
      if (name.isEmpty() || name.length() > 100) {
        errors.add(new ImportError(n, "单位名称", text(locale, "import.required")));
      } else if (!taken.add(region.id() + "/name/" + name)) {
        errors.add(new ImportError(n, "单位名称", text(locale, "import.unitNameTaken", name)));
      }
      GovernmentLevel level = GovernmentLevel.fromChinese(row.get("行政级别"));
      if (level == null) {
        errors.add(new ImportError(n, "行政级别", text(locale, "import.oneOf", "中央 / 省 / 市 / 县 / 乡")));
      }
      UnitNature nature = UnitNature.fromChinese(row.get("单位性质"));
      if (nature == null) {
        errors.add(new ImportError(n, "单位性质", text(locale, "import.oneOf", "党政机关 / 事业单位 / 社会团体")));
      }
      Integer headcount = headcount(row.get("编制数"));
      if (headcount == null) {
        errors.add(new ImportError(n, "编制数", text(locale, "import.headcountFormat")));
      }
      List<String> departments = Arrays.stream(row.get("内设机构").split("[、,，;；]"))
          .map(String::trim).filter(d -> !d.isEmpty()).distinct().toList();
      if (errors.size() == before) {
        units.add(new OrganisationDirectory.NewUnit(region.id(), code, name, level, nature, headcount, departments));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    return organisation.createUnits(units).size();
  }

  public void writeTemplate(OutputStream out, DataScope scope) {
    String regionCode = organisation.regions(scope).stream().findFirst().map(Region::code).orElse("");
    Xlsx.write(out, new Xlsx.Sheet("部门单位", HEADERS, Stream.of(
        List.of(regionCode, "X001", "市示例局", "市", "党政机关", 40, "办公室、计划财务科、业务科"))),
        new Xlsx.Sheet("填写说明", List.of("列", "可填写的值"), Stream.concat(Stream.of(
            List.of("行政级别", "中央 / 省 / 市 / 县 / 乡"), List.of("单位性质", "党政机关 / 事业单位 / 社会团体"),
            List.of("编制数", "0 或正整数"), List.of("内设机构", "用顿号“、”分隔")),
            organisation.regions(scope).stream().map(r -> List.of("区域编码", r.code() + " " + r.name())))));
  }

  private static Integer headcount(String text) {
    if (!text.matches("\\d{1,6}")) {
      return null;
    }
    return Integer.parseInt(text);
  }

  private String text(Locale locale, String key, Object... arguments) {
    return ImportWorkbook.text(messages, locale, key, arguments);
  }
}
