package cn.smartaffairs.asset;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 折旧年限规则: the shortest useful life of a class of assets, versioned by effective date, national with a region's
 * own version before it. A class without a rule of its own takes the rule of the nearest class above it.
 */
@Service
public class LifeRules {

  private final JdbcClient jdbc;
  private final AssetClasses classes;
  private final AuditTrail audit;
  private final Clock clock;

  LifeRules(JdbcClient jdbc, AssetClasses classes, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.classes = classes;
    this.audit = audit;
    this.clock = clock;
  }

  /** One version of the rule; a null region is the national default. */
  public record LifeRule(long id, Long regionId, String classCode, int lifeMonths, LocalDate effectiveFrom) {

    public boolean national() {
      return regionId == null;
    }
  }

  /**
   * The shortest life of a class in a region on a day: the version in force of the class itself or, failing one, of
   * the nearest class above it; within a class the region's own version before the national one. A day before the
   * first version is read against the earliest. The classes above are those of today's code table, whenever the
   * asset was bought.
   */
  public Optional<LifeRule> lifeOf(long regionId, String classCode, LocalDate day) {
    List<String> lineage = classes.lineage(classCode, LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)));
    if (lineage.isEmpty()) {
      return Optional.empty();
    }
    List<LifeRule> versions = jdbc.sql("""
        select * from asset_life_rule where (region_id is null or region_id = :region) and class_code = any(:codes)""")
        .param("region", regionId).param("codes", lineage.toArray(String[]::new)).query(LifeRules::map).list();
    Comparator<LifeRule> byDate = Comparator.comparing(LifeRule::effectiveFrom);
    for (String code : lineage) {
      List<LifeRule> own = versions.stream().filter(r -> r.classCode().equals(code)).toList();
      Optional<LifeRule> inForce = own.stream().filter(r -> !r.effectiveFrom().isAfter(day))
          .reduce(LifeRules::preferred);
      if (inForce.isPresent()) {
        return inForce;
      }
      if (!own.isEmpty()) {
        return own.stream().min(byDate.thenComparing(LifeRule::national));
      }
    }
    return Optional.empty();
  }

  /** Of two versions of one class, the one that counts: the region's own before the national, then the newer. */
  static LifeRule preferred(LifeRule a, LifeRule b) {
    if (a.national() != b.national()) {
      return a.national() ? b : a;
    }
    return a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b;
  }

  /** Every version that concerns a region, by class and newest first. */
  public List<LifeRule> versions(long regionId) {
    return jdbc.sql("""
        select * from asset_life_rule where region_id is null or region_id = :region
         order by class_code, effective_from desc, region_id nulls last""")
        .param("region", regionId).query(LifeRules::map).list();
  }

  /** Adds a version; national versions are the platform administrator's, a region's its administrators'. */
  @Transactional
  public long add(Long regionId, String classCode, Integer lifeMonths, LocalDate effectiveFrom, CurrentUser by) {
    boolean allowed = regionId == null
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN).permits(regionId, null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    if (effectiveFrom == null || lifeMonths == null) {
      throw new BusinessRuleException("asset.life.invalid");
    }
    if (lifeMonths < 1 || lifeMonths > 1200) {
      throw new BusinessRuleException("asset.life.range", 1200);
    }
    AssetClass assetClass = classes.inForce(classCode, LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)))
        .orElseThrow(() -> new BusinessRuleException("asset.classUnknown", classCode == null ? "" : classCode));
    if (!assetClass.depreciated()) {
      throw new BusinessRuleException("asset.life.notDepreciated", assetClass.name());
    }
    boolean exists = jdbc.sql("""
        select count(*) from asset_life_rule
         where region_id is not distinct from :region and class_code = :code and effective_from = :from""")
        .param("region", regionId).param("code", assetClass.code()).param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("asset.life.versionExists", assetClass.name(), effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into asset_life_rule (region_id, class_code, life_months, effective_from)
        values (:region, :code, :months, :from) returning id""")
        .param("region", regionId).param("code", assetClass.code()).param("months", lifeMonths)
        .param("from", Date.valueOf(effectiveFrom)).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("classCode", assetClass.code());
    after.put("lifeMonths", lifeMonths);
    after.put("effectiveFrom", effectiveFrom.toString());
    audit.record(AuditEntry.created("asset_life_rule", id, regionId, after));
    return id;
  }

  private static LifeRule map(ResultSet rs, int row) throws SQLException {
    return new LifeRule(rs.getLong("id"), rs.getObject("region_id", Long.class), rs.getString("class_code"),
        rs.getInt("life_months"), rs.getDate("effective_from").toLocalDate());
  }
}
