package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 应急与消防演练: the security managers record each unit's drills; every unit of the region that has held fewer this
 * year than the region's DRILLS_PER_YEAR is warned of (a shortfall), the rule read as in force today.
 */
@Service
public class Drills {

  public enum Kind {
    EMERGENCY, FIRE
  }

  public record Drill(long id, long unitId, String unitName, LocalDate heldOn, Kind kind, String title,
      int participants) {}

  /** A unit short of the year's drills: how many it held and how many the rule asks. */
  public record Shortfall(long unitId, String unitName, int held, int required) {}

  public record UnitChoice(long id, String name) {}

  private final JdbcClient jdbc;
  private final AccessRules rules;
  private final AuditTrail audit;
  private final Clock clock;

  Drills(JdbcClient jdbc, AccessRules rules, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Drill record(Long unitId, LocalDate heldOn, Kind kind, String title, Integer participants, CurrentUser by) {
    DataScope managed = AccessRoles.managedBy(by);
    Long region = unitId == null
        ? null
        : jdbc.sql("select region_id from org_unit where id = :id")
            .param("id", unitId).query(Long.class).optional().orElse(null);
    if (region == null || !managed.permits(region, null, null)) {
      throw new BusinessRuleException("access.drill.unitRequired");
    }
    if (heldOn == null || heldOn.isAfter(today()) || kind == null) {
      throw new BusinessRuleException("access.drill.dayInvalid");
    }
    String what = title == null ? "" : title.strip();
    if (what.isEmpty() || what.length() > 200 || participants == null || participants < 1
        || participants > 100_000) {
      throw new BusinessRuleException("access.drill.incomplete");
    }
    long id = jdbc.sql("""
        insert into access_drill (region_id, unit_id, held_on, kind, title, participants, recorded_by)
        values (:region, :unit, :on, :kind, :title, :participants, :by) returning id""")
        .param("region", region).param("unit", unitId).param("on", Date.valueOf(heldOn)).param("kind", kind.name())
        .param("title", what).param("participants", participants).param("by", by.userId()).query(Long.class)
        .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("unitId", unitId);
    after.put("heldOn", heldOn.toString());
    after.put("kind", kind.name());
    after.put("title", what);
    after.put("participants", participants);
    audit.record(AuditEntry.created("access_drill", id, region, after));
    return year(by, heldOn.getYear()).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
  }

  /** The drills of a year in the caller's regions, newest first. */
  public List<Drill> year(CurrentUser by, int year) {
    DataScope managed = AccessRoles.managedBy(by);
    return jdbc.sql("""
        select d.*, u.name as unit_name from access_drill d join org_unit u on u.id = d.unit_id
         where d.held_on between :from and :to and """ + DataScope.sqlCondition("d.region_id", null, null)
        + " order by d.held_on desc, d.id desc")
        .paramSource(managed.bind(new MapSqlParameterSource().addValue("from", Date.valueOf(LocalDate.of(year, 1, 1)))
            .addValue("to", Date.valueOf(LocalDate.of(year, 12, 31)))))
        .query((rs, n) -> new Drill(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"),
            rs.getDate("held_on").toLocalDate(), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
            rs.getInt("participants")))
        .list();
  }

  /**
   * The units of the caller's region that have held fewer drills this year (to {@code today}) than the region's
   * DRILLS_PER_YEAR in force today — the warning of the twice-a-year rule.
   */
  public List<Shortfall> shortfalls(CurrentUser by, LocalDate today) {
    AccessRoles.managedBy(by);
    int required = rules.valueOf(AccessRules.Key.DRILLS_PER_YEAR, by.regionId(), today);
    return jdbc.sql("""
        select u.id, u.name, count(d.id) as held from org_unit u
          left join access_drill d on d.unit_id = u.id and d.held_on between :from and :today
         where u.region_id = :region
         group by u.id, u.name, u.sort_order having count(d.id) < :required
         order by u.sort_order, u.id""")
        .param("from", Date.valueOf(today.withDayOfYear(1))).param("today", Date.valueOf(today))
        .param("region", by.regionId()).param("required", required)
        .query((rs, n) -> new Shortfall(rs.getLong("id"), rs.getString("name"), rs.getInt("held"), required))
        .list();
  }

  public List<UnitChoice> units(CurrentUser by) {
    return jdbc.sql("select id, name from org_unit where region_id = :region order by sort_order, id")
        .param("region", by.regionId()).query((rs, n) -> new UnitChoice(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(Visit.BEIJING));
  }
}
