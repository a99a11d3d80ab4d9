package cn.smartaffairs.space;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office-space rule tables: per-person standards, per-unit building grades and the recovery deadlines. Each is
 * versioned by effective date and may be set for one region (none = national default); a new value is a new
 * version, so every past check can still be explained.
 */
@Service
public class AreaStandards {

  /** Deadline kinds of {@code space_deadline_rule}. */
  public enum Deadline {
    RECOVERY_AFTER_LEAVING, SECOND_OFFICE_AFTER_POST
  }

  public record OfficeStandardRow(long id, Long regionId, LocalDate effectiveFrom, String governmentLevel, String grade,
      BigDecimal maxUseArea, String postLabel, String source) {}

  public record UnitStandardRow(long id, Long regionId, LocalDate effectiveFrom, String governmentLevel,
      String buildingGrade, BigDecimal useAreaPerHead, int largeUnitHeadcount,
      BigDecimal largeUnitPerHead, String source) {}

  public record DeadlineRow(long id, Long regionId, LocalDate effectiveFrom, String kind, int months, String source) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public AreaStandards(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Who edits the rules of a region: its admins and space managers; national rows only the platform admin. */
  static void requireRuleEditor(Long regionId, CurrentUser by) {
    boolean permitted = regionId == null
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SPACE_MANAGER).permits(regionId, null, null);
    if (!permitted) {
      throw new ForbiddenException();
    }
  }

  /** The months allowed for a deadline in a region on a day. */
  public int deadlineMonths(Deadline kind, long regionId, LocalDate on) {
    return jdbc.sql("""
        select months from space_deadline_rule where kind = :kind and effective_from <= :on
           and (region_id is null or region_id = :region)
         order by region_id is null, effective_from desc limit 1""")
        .param("kind", kind.name()).param("on", on).param("region", regionId).query(Integer.class).optional()
        .orElseThrow(() -> new BusinessRuleException("space.deadlineMissing", kind.name()));
  }

  /** Every version visible to a region: the national rows and the region's own. */
  public List<OfficeStandardRow> officeStandards(Long regionId) {
    return jdbc.sql("""
        select * from space_office_standard where region_id is null or region_id = :region
         order by government_level, grade, region_id nulls first, effective_from desc""")
        .param("region", regionId == null ? -1L : regionId)
        .query((rs, n) -> new OfficeStandardRow(rs.getLong("id"), (Long) rs.getObject("region_id"),
            rs.getDate("effective_from").toLocalDate(), rs.getString("government_level"), rs.getString("grade"),
            rs.getBigDecimal("max_use_area"), rs.getString("post_label"), rs.getString("source")))
        .list();
  }

  public List<UnitStandardRow> unitStandards(Long regionId) {
    return jdbc.sql("""
        select * from space_unit_standard where region_id is null or region_id = :region
         order by government_level, region_id nulls first, effective_from desc""")
        .param("region", regionId == null ? -1L : regionId)
        .query((rs, n) -> new UnitStandardRow(rs.getLong("id"), (Long) rs.getObject("region_id"),
            rs.getDate("effective_from").toLocalDate(), rs.getString("government_level"),
            rs.getString("building_grade"), rs.getBigDecimal("use_area_per_head"), rs.getInt("large_unit_headcount"),
            rs.getBigDecimal("large_unit_per_head"), rs.getString("source")))
        .list();
  }

  public List<DeadlineRow> deadlines(Long regionId) {
    return jdbc.sql("""
        select * from space_deadline_rule where region_id is null or region_id = :region
         order by kind, region_id nulls first, effective_from desc""")
        .param("region", regionId == null ? -1L : regionId)
        .query((rs, n) -> new DeadlineRow(rs.getLong("id"), (Long) rs.getObject("region_id"),
            rs.getDate("effective_from").toLocalDate(), rs.getString("kind"), rs.getInt("months"),
            rs.getString("source")))
        .list();
  }

  /** A new version of one per-person standard, in force from a date; same key and date replaces the value. */
  @Transactional
  public void setOfficeStandard(Long regionId, LocalDate effectiveFrom, GovernmentLevel level, String grade,
      BigDecimal maxUseArea, String postLabel, String source, CurrentUser by) {
    requireRuleEditor(regionId, by);
    if (effectiveFrom == null || level == null || grade == null || grade.isBlank() || maxUseArea == null
        || maxUseArea.signum() <= 0 || maxUseArea.compareTo(new BigDecimal("1000")) >= 0
        || postLabel == null || postLabel.isBlank()) {
      throw new BusinessRuleException("space.ruleInvalid");
    }
    if (jdbc.sql("select count(*) from org_rank where grade = :g").param("g", grade).query(Long.class).single() == 0) {
      throw new BusinessRuleException("space.ruleInvalid");
    }
    jdbc.sql(
        """
            insert into space_office_standard (region_id, effective_from, government_level, grade, max_use_area, post_label, source)
            values (:region, :from, :level, :grade, :area, :label, :source)
            on conflict (region_id, effective_from, government_level, grade)
            do update set max_use_area = excluded.max_use_area, post_label = excluded.post_label, source = excluded.source""")
        .param("region", regionId).param("from", effectiveFrom).param("level", level.name()).param("grade", grade)
        .param("area", maxUseArea).param("label", postLabel.trim()).param("source", sourceOr(source))
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("effectiveFrom", effectiveFrom.toString());
    after.put("governmentLevel", level.name());
    after.put("grade", grade);
    after.put("maxUseArea", maxUseArea);
    after.put("postLabel", postLabel.trim());
    audit.record(AuditEntry.created("space_office_standard", level + "/" + grade, regionId, after));
  }

  @Transactional
  public void setUnitStandard(Long regionId, LocalDate effectiveFrom, GovernmentLevel level, String buildingGrade,
      BigDecimal perHead, int largeUnitHeadcount, BigDecimal largeUnitPerHead, String source,
      CurrentUser by) {
    requireRuleEditor(regionId, by);
    if (effectiveFrom == null || level == null || !List.of("一级", "二级", "三级").contains(buildingGrade)
        || perHead == null || largeUnitPerHead == null || perHead.signum() <= 0 || largeUnitPerHead.signum() <= 0
        || largeUnitPerHead.compareTo(perHead) > 0 || largeUnitHeadcount <= 0
        || perHead.compareTo(new BigDecimal("1000")) >= 0) {
      throw new BusinessRuleException("space.ruleInvalid");
    }
    jdbc.sql("""
        insert into space_unit_standard (region_id, effective_from, government_level, building_grade, use_area_per_head,
                                         large_unit_headcount, large_unit_per_head, source)
        values (:region, :from, :level, :grade, :perHead, :large, :largePerHead, :source)
        on conflict (region_id, effective_from, government_level)
        do update set building_grade = excluded.building_grade, use_area_per_head = excluded.use_area_per_head,
                      large_unit_headcount = excluded.large_unit_headcount,
                      large_unit_per_head = excluded.large_unit_per_head, source = excluded.source""")
        .param("region", regionId).param("from", effectiveFrom).param("level", level.name())
        .param("grade", buildingGrade).param("perHead", perHead).param("large", largeUnitHeadcount)
        .param("largePerHead", largeUnitPerHead).param("source", sourceOr(source)).update();
    audit.record(AuditEntry.created("space_unit_standard", level.name(), regionId, Map.of(
        "effectiveFrom", effectiveFrom.toString(), "buildingGrade", buildingGrade, "useAreaPerHead", perHead,
        "largeUnitHeadcount", largeUnitHeadcount, "largeUnitPerHead", largeUnitPerHead)));
  }

  @Transactional
  public void setDeadline(Long regionId, LocalDate effectiveFrom, Deadline kind, int months, String source,
      CurrentUser by) {
    requireRuleEditor(regionId, by);
    if (effectiveFrom == null || kind == null || months < 1 || months > 24) {
      throw new BusinessRuleException("space.ruleInvalid");
    }
    jdbc.sql(
        """
            insert into space_deadline_rule (region_id, effective_from, kind, months, source)
            values (:region, :from, :kind, :months, :source)
            on conflict (region_id, effective_from, kind) do update set months = excluded.months, source = excluded.source""")
        .param("region", regionId).param("from", effectiveFrom).param("kind", kind.name()).param("months", months)
        .param("source", sourceOr(source)).update();
    audit.record(AuditEntry.created("space_deadline_rule", kind.name(), regionId,
        Map.of("effectiveFrom", effectiveFrom.toString(), "months", months)));
  }

  private static String sourceOr(String source) {
    return source == null || source.isBlank() ? "本地规定" : source.trim();
  }
}
