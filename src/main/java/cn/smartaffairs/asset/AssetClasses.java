package cn.smartaffairs.asset;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资产分类与代码 (GB/T 14885-2022) as an editable code table: each change is a new version of a code from a day on,
 * so an asset registered under a code keeps it and the table can follow a revision of the standard. The code table is
 * national; the platform administrator keeps it.
 */
@Service
public class AssetClasses {

  static final Pattern CODE = Pattern.compile("^[A-Z][0-9]{6}([0-9]{2})?$");

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  AssetClasses(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A version of a class to add. */
  public record ClassVersion(String code, String name, String parentCode, boolean depreciated, boolean active,
      LocalDate effectiveFrom) {}

  /** The classes in use on a day, in code order. */
  public List<AssetClass> inForce(LocalDate day) {
    return jdbc.sql("""
        select * from (select distinct on (code) * from asset_class where effective_from <= :day
                        order by code, effective_from desc) c where c.active order by c.code""")
        .param("day", Date.valueOf(day)).query(AssetClasses::map).list();
  }

  /** The class of a code in use on a day. */
  public Optional<AssetClass> inForce(String code, LocalDate day) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
        select * from asset_class where code = :code and effective_from <= :day
         order by effective_from desc limit 1""")
        .param("code", code.strip()).param("day", Date.valueOf(day)).query(AssetClasses::map).optional()
        .filter(AssetClass::active);
  }

  /** The class and the classes above it, nearest first, as in use on a day. */
  public List<String> lineage(String code, LocalDate day) {
    Map<String, AssetClass> byCode = new LinkedHashMap<>();
    inForce(day).forEach(c -> byCode.put(c.code(), c));
    List<String> lineage = new ArrayList<>();
    String next = code;
    while (next != null && byCode.containsKey(next) && !lineage.contains(next)) {
      lineage.add(next);
      next = byCode.get(next).parentCode();
    }
    return lineage;
  }

  /** Every version of every class, by code and newest first. */
  public List<AssetClass> versions() {
    return jdbc.sql("select * from asset_class order by code, effective_from desc").query(AssetClasses::map).list();
  }

  /** Adds a version of a class (a new code, a new name, its retirement); the platform administrator's. */
  @Transactional
  public long add(ClassVersion version, CurrentUser by) {
    if (!by.has(Role.PLATFORM_ADMIN)) {
      throw new ForbiddenException();
    }
    String code = version.code() == null ? "" : version.code().strip();
    if (!CODE.matcher(code).matches()) {
      throw new BusinessRuleException("asset.class.codeInvalid", code);
    }
    if (version.name() == null || version.name().isBlank() || version.name().strip().length() > 100
        || version.effectiveFrom() == null) {
      throw new BusinessRuleException("asset.class.invalid");
    }
    String parent = version.parentCode() == null || version.parentCode().isBlank()
        ? null
        : version.parentCode().strip();
    if (parent != null) {
      AssetClass above = inForce(parent, version.effectiveFrom())
          .orElseThrow(() -> new BusinessRuleException("asset.class.parentUnknown", parent));
      if (parent.equals(code) || !code.startsWith(AssetClass.familyPrefix(above.code()))) {
        throw new BusinessRuleException("asset.class.parentNotAbove", parent, code);
      }
    }
    boolean exists = jdbc.sql("select count(*) from asset_class where code = :code and effective_from = :from")
        .param("code", code).param("from", Date.valueOf(version.effectiveFrom())).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("asset.class.versionExists", code, version.effectiveFrom());
    }
    long id = jdbc.sql("""
        insert into asset_class (code, name, parent_code, depreciated, active, effective_from)
        values (:code, :name, :parent, :depreciated, :active, :from) returning id""")
        .param("code", code).param("name", version.name().strip()).param("parent", parent)
        .param("depreciated", version.depreciated()).param("active", version.active())
        .param("from", Date.valueOf(version.effectiveFrom())).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", code);
    after.put("name", version.name().strip());
    after.put("parentCode", parent);
    after.put("depreciated", version.depreciated());
    after.put("active", version.active());
    after.put("effectiveFrom", version.effectiveFrom().toString());
    audit.record(AuditEntry.created("asset_class", id, null, after));
    return id;
  }

  static AssetClass map(ResultSet rs, int row) throws SQLException {
    return new AssetClass(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
        rs.getBoolean("depreciated"), rs.getBoolean("active"), rs.getDate("effective_from").toLocalDate());
  }
}
