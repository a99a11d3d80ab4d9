package cn.smartaffairs.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What part of the data a caller may see: everything, some regions, some units, and/or their own records.
 * Every query over business data adds {@link #sqlCondition} so that scope is enforced by the server, never
 * only by hiding links in a page.
 */
public record DataScope(boolean all, Set<Long> regionIds, Set<Long> unitIds, Long staffId) {

  public static final DataScope NOTHING = new DataScope(false, Set.of(), Set.of(), null);

  public static DataScope everything() {
    return new DataScope(true, Set.of(), Set.of(), null);
  }

  public static DataScope region(long regionId) {
    return new DataScope(false, Set.of(regionId), Set.of(), null);
  }

  /** The union of what each grant reaches; {@code staffId} is the caller's own staff record, if any. */
  public static DataScope of(Collection<RoleGrant> grants, Long staffId) {
    boolean all = false;
    Set<Long> regions = new TreeSet<>();
    Set<Long> units = new TreeSet<>();
    Long self = null;
    for (RoleGrant grant : grants) {
      switch (grant.role().reach()) {
        case ALL -> all = true;
        case REGION -> regions.add(grant.regionId());
        case UNIT -> units.add(grant.unitId());
        case SELF -> self = staffId;
      }
    }
    return new DataScope(all, Set.copyOf(regions), Set.copyOf(units), self);
  }

  public boolean permits(Long regionId, Long unitId, Long ownerStaffId) {
    return all
        || (regionId != null && regionIds.contains(regionId))
        || (unitId != null && unitIds.contains(unitId))
        || (staffId != null && staffId.equals(ownerStaffId));
  }

  /**
   * A SQL condition over the given columns (trusted column names from the calling query, never user input)
   * with named parameters that {@link #bind} supplies. Pass null for a column a table does not have.
   */
  public static String sqlCondition(String regionColumn, String unitColumn, String staffColumn) {
    StringBuilder sql = new StringBuilder("(:scopeAll");
    if (regionColumn != null) {
      sql.append(" or ").append(regionColumn).append(" = any(:scopeRegions)");
    }
    if (unitColumn != null) {
      sql.append(" or ").append(unitColumn).append(" = any(:scopeUnits)");
    }
    if (staffColumn != null) {
      sql.append(" or ").append(staffColumn).append(" = :scopeStaff");
    }
    return sql.append(')').toString();
  }

  public MapSqlParameterSource bind(MapSqlParameterSource parameters) {
    return parameters
        .addValue("scopeAll", all)
        .addValue("scopeRegions", regionIds.toArray(Long[]::new))
        .addValue("scopeUnits", unitIds.toArray(Long[]::new))
        .addValue("scopeStaff", staffId == null ? -1L : staffId);
  }

  /** The regions a caller may act in when creating records; empty means every region. */
  public boolean isRegionWide() {
    return all || !regionIds.isEmpty();
  }
}
