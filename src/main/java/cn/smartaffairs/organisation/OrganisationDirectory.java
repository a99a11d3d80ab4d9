package cn.smartaffairs.organisation;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.DataScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regions, units, their department trees and the rank dictionary. */
@Service
public class OrganisationDirectory {

  private static final String UNIT_COLUMNS = """
      u.id, u.region_id, r.name as region_name, u.code, u.name, u.government_level, u.nature, u.approved_headcount,
      (select count(*) from staff s where s.unit_id = u.id and s.status = 'ACTIVE') as active_staff""";

  private static final String UNIT_WHERE = " where " + unitCondition()
      + " and (cast(:keyword as text) is null or u.name like :keyword or u.code like :keyword)"
      + " and (cast(:region as bigint) is null or u.region_id = :region)";

  /** The units list's columns that sort; in each region's own order unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("region", "r.sort_order", "u.sort_order")
      .ascending("code", "u.code")
      .ascending("name", SortKeys.pinyin("u.name"))
      .ascending("level", "u.government_level")
      .ascending("nature", "u.nature")
      .descending("headcount", "u.approved_headcount")
      .descending("activeStaff", "active_staff")
      .byDefault("region").tieBreaker("u.id");

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public OrganisationDirectory(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A new unit with the names of its top-level departments. */
  public record NewUnit(long regionId, String code, String name, GovernmentLevel governmentLevel, UnitNature nature,
      int approvedHeadcount, List<String> departments) {}

  public List<Region> regions() {
    return jdbc.sql("select id, code, name, kind, parent_id from region order by sort_order, id")
        .query((rs, n) -> new Region(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
            (Long) rs.getObject("parent_id")))
        .list();
  }

  public List<Region> regions(DataScope scope) {
    return regions().stream().filter(region -> scope.all() || scope.regionIds().contains(region.id())).toList();
  }

  public Optional<Region> region(long id) {
    return regions().stream().filter(region -> region.id() == id).findFirst();
  }

  public Optional<Unit> unitById(long id) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from unit u join region r on r.id = u.region_id where u.id = :id")
        .param("id", id).query(OrganisationDirectory::unit).optional();
  }

  /** A unit the caller may see, or 404. */
  public Unit unit(long id, DataScope scope) {
    var parameters = scope.bind(new MapSqlParameterSource("id", id));
    return jdbc.sql("select " + UNIT_COLUMNS + " from unit u join region r on r.id = u.region_id where u.id = :id and "
        + unitCondition())
        .paramSource(parameters).query(OrganisationDirectory::unit).optional()
        .orElseThrow(() -> new NotFoundException("unit", id));
  }

  public Page<Unit> units(String keyword, Long regionId, DataScope scope, int page, int size) {
    var parameters = unitFilter(keyword, regionId, scope);
    long total = jdbc.sql("select count(*) from unit u" + UNIT_WHERE).paramSource(parameters).query(Long.class)
        .single();
    return new Page<>(unitRows(parameters, SORT_KEYS.orderBy(ListQuery.first(SORT_KEYS)), page, size), total, page,
        size);
  }

  /** One page of the units list: the query's search in unit names and codes, in its order. */
  public Page<Unit> units(ListQuery query, Long regionId, DataScope scope) {
    var parameters = unitFilter(query.search(), regionId, scope);
    long total = jdbc.sql("select count(*) from unit u" + UNIT_WHERE).paramSource(parameters).query(Long.class)
        .single();
    ListQuery shown = query.within(total);
    return shown.pageOf(unitRows(parameters, SORT_KEYS.orderBy(shown), shown.page(), shown.size()), total);
  }

  private static MapSqlParameterSource unitFilter(String keyword, Long regionId, DataScope scope) {
    return scope.bind(new MapSqlParameterSource())
        .addValue("keyword", keyword == null || keyword.isBlank() ? null : "%" + keyword.trim() + "%")
        .addValue("region", regionId);
  }

  private List<Unit> unitRows(MapSqlParameterSource parameters, String orderBy, int page, int size) {
    return jdbc.sql("select " + UNIT_COLUMNS + " from unit u join region r on r.id = u.region_id" + UNIT_WHERE
        + orderBy + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", size).addValue("offset", (long) page * size))
        .query(OrganisationDirectory::unit).list();
  }

  public List<Unit> allUnits(DataScope scope) {
    return units(null, null, scope, 0, Integer.MAX_VALUE / 2).items();
  }

  /**
   * The units of the scope as a drop-down offers them: a name shared by units of several regions carries its region
   * ({@link UnitChoice}). Every unit drop-down reads its labels here.
   */
  public List<UnitChoice> unitChoices(DataScope scope) {
    return UnitChoice.of(allUnits(scope));
  }

  public List<Department> departments(long unitId) {
    return jdbc.sql("select id, unit_id, parent_id, name from department where unit_id = :unit order by sort_order, id")
        .param("unit", unitId)
        .query((rs, n) -> new Department(rs.getLong("id"), rs.getLong("unit_id"), (Long) rs.getObject("parent_id"),
            rs.getString("name")))
        .list();
  }

  public List<StaffRank> ranks() {
    return jdbc.sql("select code, name, kind, grade from staff_rank order by sort_order")
        .query((rs, n) -> new StaffRank(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
            rs.getString("grade")))
        .list();
  }

  @Transactional
  public long createRegion(String code, String name, String kind, Long parentId) {
    long id = jdbc.sql("""
        insert into region (code, name, kind, parent_id, sort_order)
        values (:code, :name, :kind, :parent, (select count(*) from region)) returning id""")
        .param("code", code).param("name", name).param("kind", kind).param("parent", parentId)
        .query(Long.class).single();
    audit.record(AuditEntry.created("region", id, id, Map.of("code", code, "name", name, "kind", kind)));
    return id;
  }

  @Transactional
  public long createUnit(NewUnit unit, DataScope scope) {
    if (!(scope.all() || scope.regionIds().contains(unit.regionId()))) {
      throw new NotFoundException("region", unit.regionId());
    }
    return createUnits(List.of(unit)).get(0);
  }

  /** Creates units with their departments in one go; the caller has checked scope and uniqueness. */
  @Transactional
  public List<Long> createUnits(List<NewUnit> units) {
    var ids = new java.util.ArrayList<Long>(units.size());
    var entries = new java.util.ArrayList<AuditEntry>();
    int order = 0;
    for (NewUnit unit : units) {
      if (jdbc.sql("select count(*) from unit where region_id = :r and (code = :c or name = :n)")
          .param("r", unit.regionId()).param("c", unit.code()).param("n", unit.name()).query(Long.class).single() > 0) {
        throw new BusinessRuleException("unit.duplicate", unit.code(), unit.name());
      }
      long id = jdbc.sql("""
          insert into unit (region_id, code, name, government_level, nature, approved_headcount, sort_order)
          values (:region, :code, :name, :level, :nature, :headcount, :order) returning id""")
          .param("region", unit.regionId()).param("code", unit.code()).param("name", unit.name())
          .param("level", unit.governmentLevel().name()).param("nature", unit.nature().name())
          .param("headcount", unit.approvedHeadcount()).param("order", order++)
          .query(Long.class).single();
      int departmentOrder = 0;
      for (String department : unit.departments()) {
        jdbc.sql("insert into department (unit_id, name, sort_order) values (:unit, :name, :order)")
            .param("unit", id).param("name", department).param("order", departmentOrder++).update();
      }
      ids.add(id);
      entries.add(AuditEntry.created("unit", id, unit.regionId(), Map.of("code", unit.code(), "name", unit.name(),
          "governmentLevel", unit.governmentLevel(), "nature", unit.nature(),
          "approvedHeadcount", unit.approvedHeadcount(), "departments", unit.departments())));
    }
    audit.recordAll(entries);
    return ids;
  }

  /** A unit's own attributes as an administrator changes them. */
  public record UnitChange(String name, GovernmentLevel governmentLevel, UnitNature nature, int approvedHeadcount) {}

  /** Changes a unit; only those who administer its region may. */
  @Transactional
  public void updateUnit(long id, UnitChange change, DataScope editScope) {
    Unit before = unit(id, editScope);
    if (!(editScope.all() || editScope.regionIds().contains(before.regionId()))) {
      throw new ForbiddenException();
    }
    if (change.name() == null || change.name().isBlank() || change.approvedHeadcount() < 0) {
      throw new BusinessRuleException("unit.invalid");
    }
    if (jdbc.sql("select count(*) from unit where region_id = :r and name = :n and id <> :id")
        .param("r", before.regionId()).param("n", change.name().trim()).param("id", id).query(Long.class)
        .single() > 0) {
      throw new BusinessRuleException("unit.duplicate", before.code(), change.name().trim());
    }
    jdbc.sql("""
        update unit set name = :name, government_level = :level, nature = :nature, approved_headcount = :headcount
         where id = :id""")
        .param("name", change.name().trim()).param("level", change.governmentLevel().name())
        .param("nature", change.nature().name()).param("headcount", change.approvedHeadcount()).param("id", id)
        .update();
    audit.record(AuditEntry.updated("unit", id, before.regionId(), before, unit(id, editScope)));
  }

  /** Adds a department under the unit (or under one of its departments); a unit's liaison may too. */
  @Transactional
  public long addDepartment(long unitId, Long parentId, String name, DataScope editScope) {
    Unit unit = unit(unitId, editScope);
    if (!(editScope.all() || editScope.regionIds().contains(unit.regionId()) || editScope.unitIds().contains(unitId))) {
      throw new ForbiddenException();
    }
    if (name == null || name.isBlank() || name.trim().length() > 100) {
      throw new BusinessRuleException("department.nameRequired");
    }
    if (departments(unitId).stream()
        .anyMatch(d -> d.name().equals(name.trim()) && java.util.Objects.equals(d.parentId(), parentId))) {
      throw new BusinessRuleException("department.duplicate", name.trim());
    }
    long id = jdbc.sql("""
        insert into department (unit_id, parent_id, name, sort_order)
        values (:unit, :parent, :name, (select count(*) from department where unit_id = :unit)) returning id""")
        .param("unit", unitId).param("parent", parentId).param("name", name.trim())
        .query(Long.class).single();
    audit.record(AuditEntry.created("department", id, unit.regionId(),
        Map.of("unitId", unitId, "name", name.trim(), "parentId", String.valueOf(parentId))));
    return id;
  }

  /** Units a scope sees: its regions and units, and for a person, their own unit. */
  static String unitCondition() {
    return "(" + DataScope.sqlCondition("u.region_id", "u.id", null)
        + " or u.id = (select s.unit_id from staff s where s.id = :scopeStaff))";
  }

  private static Unit unit(ResultSet rs, int rowNum) throws SQLException {
    return new Unit(rs.getLong("id"), rs.getLong("region_id"), rs.getString("region_name"), rs.getString("code"),
        rs.getString("name"), GovernmentLevel.valueOf(rs.getString("government_level")),
        UnitNature.valueOf(rs.getString("nature")), rs.getInt("approved_headcount"), rs.getLong("active_staff"));
  }
}
