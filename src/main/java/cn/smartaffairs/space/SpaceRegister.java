package cn.smartaffairs.space;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * 办公用房登记: buildings, floors and rooms of a region, with floor plans. Region-wide viewers see their regions'
 * register; a unit sees the rooms allocated to it; a staff member sees the rooms that are their office. Space
 * managers and admins of the region change it, audited.
 */
@Service
public class SpaceRegister {

  static final int MAX_PLAN_BYTES = 20 * 1024 * 1024;

  /** Who may see a room (alias r): its region, the unit it is allocated to today, the staff who have it as office. */
  static final String ROOM_SCOPE = """
      (:scopeAll or r.region_id = any(:scopeRegions)
        or exists (select 1 from space_unit_allocation sa where sa.room_id = r.id and sa.unit_id = any(:scopeUnits)
                    and sa.valid_from <= :today and (sa.valid_to is null or sa.valid_to > :today))
        or exists (select 1 from space_office_assignment so where so.room_id = r.id and so.staff_id = :scopeStaff
                    and so.valid_from <= :today and (so.valid_to is null or so.valid_to > :today)))""";

  private static final String ROOM_COLUMNS = """
      r.id, r.region_id, r.building_id, b.name as building_name, r.floor_id, f.name as floor_name, r.number,
      r.use_area, r.kind, r.note, ua.unit_id, u.name as unit_name,
      (select count(*) from space_office_assignment o where o.room_id = r.id and o.valid_from <= :today
          and (o.valid_to is null or o.valid_to > :today)) as occupants
      from space_room r join space_building b on b.id = r.building_id join space_floor f on f.id = r.floor_id
      left join space_unit_allocation ua on ua.room_id = r.id and ua.valid_from <= :today
                and (ua.valid_to is null or ua.valid_to > :today)
      left join org_unit u on u.id = ua.unit_id""";

  private static final String BUILDING_COLUMNS = """
      b.*, (select count(*) from space_floor f where f.building_id = b.id) as floor_count,
      (select count(*) from space_room r where r.building_id = b.id) as room_count,
      (select coalesce(sum(r.use_area), 0) from space_room r where r.building_id = b.id) as room_area
      from space_building b""";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  public SpaceRegister(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Who keeps the register and allocates space: the platform admin, region admins and space managers. */
  public static DataScope editScope(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SPACE_MANAGER);
  }

  static void requireEditable(long regionId, CurrentUser by) {
    if (!editScope(by).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** The buildings in which the caller may see at least one room, or all of their regions' buildings. */
  public List<Building> buildings(CurrentUser viewer) {
    return jdbc
        .sql("select " + BUILDING_COLUMNS + " where exists (select 1 from space_room r where r.building_id = b.id"
            + " and " + ROOM_SCOPE + ") or :scopeAll or b.region_id = any(:scopeRegions) order by b.region_id, b.code")
        .paramSource(scoped(viewer)).query(SpaceRegister::building).list();
  }

  public Building building(long id, CurrentUser viewer) {
    return buildings(viewer).stream().filter(b -> b.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("楼宇", id));
  }

  public List<Floor> floors(long buildingId, CurrentUser viewer) {
    building(buildingId, viewer);
    return jdbc.sql("""
        select f.*, (select count(*) from space_floor_plan p where p.floor_id = f.id) as plan_count
          from space_floor f where f.building_id = :building order by f.level""")
        .param("building", buildingId)
        .query((rs, n) -> new Floor(rs.getLong("id"), rs.getLong("building_id"), rs.getInt("level"),
            rs.getString("name"), rs.getInt("plan_count")))
        .list();
  }

  /** The rooms the caller may see, by building and number. */
  public List<Room> rooms(CurrentUser viewer) {
    return rooms(null, viewer);
  }

  /** The rooms of one building (or all, when null) that the caller may see. */
  public List<Room> rooms(Long buildingId, CurrentUser viewer) {
    return jdbc.sql("select " + ROOM_COLUMNS + " where " + ROOM_SCOPE
        + " and (cast(:building as bigint) is null or r.building_id = :building) order by b.code, f.level, r.number")
        .paramSource(scoped(viewer).addValue("building", buildingId)).query(SpaceRegister::room).list();
  }

  public Room room(long id, CurrentUser viewer) {
    return jdbc.sql("select " + ROOM_COLUMNS + " where r.id = :id and " + ROOM_SCOPE)
        .paramSource(scoped(viewer).addValue("id", id)).query(SpaceRegister::room).optional()
        .orElseThrow(() -> new NotFoundException("房间", id));
  }

  /** A room by id for the module's own checks, without scope (callers check the region themselves). */
  Room roomUnscoped(long id) {
    return jdbc.sql("select " + ROOM_COLUMNS + " where r.id = :id")
        .paramSource(new MapSqlParameterSource("id", id).addValue("today", today())).query(SpaceRegister::room)
        .optional().orElseThrow(() -> new NotFoundException("房间", id));
  }

  @Transactional
  public long createBuilding(BuildingDraft draft, CurrentUser by) {
    long regionId = draft.regionId() == null ? by.regionId() : draft.regionId();
    requireEditable(regionId, by);
    checkBuilding(draft);
    if (jdbc.sql("select count(*) from space_building where region_id = :region and code = :code")
        .param("region", regionId).param("code", draft.code().trim()).query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.buildingCodeTaken", draft.code().trim());
    }
    return insertBuilding(draft, regionId);
  }

  long insertBuilding(BuildingDraft draft, long regionId) {
    long id = jdbc.sql("""
        insert into space_building (region_id, code, name, address, ownership, title_certificate, year_built,
                                    total_building_area, total_use_area)
        values (:region, :code, :name, :address, :ownership, :certificate, :year, :building, :use) returning id""")
        .param("region", regionId).param("code", draft.code().trim()).param("name", draft.name().trim())
        .param("address", draft.address().trim()).param("ownership", draft.ownership().trim())
        .param("certificate", blankToNull(draft.titleCertificate())).param("year", draft.yearBuilt())
        .param("building", draft.totalBuildingArea()).param("use", draft.totalUseArea())
        .query(Long.class).single();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("code", draft.code().trim());
    state.put("name", draft.name().trim());
    state.put("address", draft.address().trim());
    state.put("ownership", draft.ownership().trim());
    state.put("titleCertificate", blankToNull(draft.titleCertificate()));
    state.put("totalBuildingArea", draft.totalBuildingArea());
    state.put("totalUseArea", draft.totalUseArea());
    audit.record(AuditEntry.created("space_building", id, regionId, state));
    return id;
  }

  static void checkBuilding(BuildingDraft draft) {
    if (blank(draft.code()) || blank(draft.name()) || blank(draft.address()) || blank(draft.ownership())) {
      throw new BusinessRuleException("space.buildingFieldsRequired");
    }
    if (draft.totalBuildingArea() == null || draft.totalUseArea() == null
        || draft.totalBuildingArea().signum() <= 0 || draft.totalUseArea().signum() <= 0
        || draft.totalUseArea().compareTo(draft.totalBuildingArea()) > 0) {
      throw new BusinessRuleException("space.buildingAreaInvalid");
    }
    if (draft.yearBuilt() != null && (draft.yearBuilt() < 1800 || draft.yearBuilt() > 2200)) {
      throw new BusinessRuleException("space.yearBuiltInvalid");
    }
  }

  @Transactional
  public long addFloor(long buildingId, int level, String name, CurrentUser by) {
    Building building = building(buildingId, by);
    requireEditable(building.regionId(), by);
    if (level == 0 || level < -10 || level > 200) {
      throw new BusinessRuleException("space.floorLevelInvalid");
    }
    if (jdbc.sql("select count(*) from space_floor where building_id = :b and level = :level")
        .param("b", buildingId).param("level", level).query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.floorTaken", level);
    }
    return insertFloor(building.regionId(), buildingId, level, blank(name) ? defaultFloorName(level) : name.trim());
  }

  long insertFloor(long regionId, long buildingId, int level, String name) {
    long id = jdbc.sql("insert into space_floor (building_id, level, name) values (:b, :level, :name) returning id")
        .param("b", buildingId).param("level", level).param("name", name).query(Long.class).single();
    audit.record(AuditEntry.created("space_floor", id, regionId,
        Map.of("buildingId", buildingId, "level", level, "name", name)));
    return id;
  }

  static String defaultFloorName(int level) {
    return level > 0 ? level + "层" : "地下" + (-level) + "层";
  }

  @Transactional
  public long addRoom(RoomDraft draft, CurrentUser by) {
    Building building = building(draft.buildingId(), by);
    requireEditable(building.regionId(), by);
    if (floors(building.id(), by).stream().noneMatch(f -> f.id() == draft.floorId())) {
      throw new NotFoundException("楼层", draft.floorId());
    }
    if (blank(draft.number()) || draft.number().trim().length() > 30) {
      throw new BusinessRuleException("space.roomNumberRequired");
    }
    if (draft.useArea() == null || draft.useArea().signum() <= 0
        || draft.useArea().compareTo(new BigDecimal("999999")) > 0) {
      throw new BusinessRuleException("space.roomAreaInvalid");
    }
    if (draft.kind() == null) {
      throw new BusinessRuleException("space.roomKindRequired");
    }
    if (jdbc.sql("select count(*) from space_room where building_id = :b and number = :n")
        .param("b", building.id()).param("n", draft.number().trim()).query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.roomNumberTaken", draft.number().trim(), building.name());
    }
    return insertRoom(building.regionId(), draft);
  }

  long insertRoom(long regionId, RoomDraft draft) {
    long id = jdbc.sql("""
        insert into space_room (region_id, building_id, floor_id, number, use_area, kind, note)
        values (:region, :building, :floor, :number, :area, :kind, :note) returning id""")
        .param("region", regionId).param("building", draft.buildingId()).param("floor", draft.floorId())
        .param("number", draft.number().trim()).param("area", draft.useArea()).param("kind", draft.kind().name())
        .param("note", blankToNull(draft.note())).query(Long.class).single();
    audit.record(AuditEntry.created("space_room", id, regionId, Map.of("buildingId", draft.buildingId(),
        "floorId", draft.floorId(), "number", draft.number().trim(), "useArea", draft.useArea(),
        "kind", draft.kind().name())));
    return id;
  }

  /** Attaches a floor plan: a JPEG, PNG or WebP image or a PDF as its bytes say, at most 20 MB. */
  @Transactional
  public long attachPlan(long floorId, String fileName, byte[] data, CurrentUser by) {
    var floor = jdbc
        .sql("select f.building_id, b.region_id from space_floor f join space_building b on b.id = f.building_id"
            + " where f.id = :id")
        .param("id", floorId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional()
        .orElseThrow(() -> new NotFoundException("楼层", floorId));
    building(floor[0], by);
    requireEditable(floor[1], by);
    if (data == null || data.length == 0) {
      throw new BusinessRuleException("space.planEmpty");
    }
    if (data.length > MAX_PLAN_BYTES) {
      throw new BusinessRuleException("space.planTooLarge", MAX_PLAN_BYTES / 1024 / 1024);
    }
    String type = planType(data);
    if (type == null) {
      throw new BusinessRuleException("space.planType");
    }
    String name = blank(fileName) ? "plan" : fileName.strip();
    name = name.length() > 200 ? name.substring(name.length() - 200) : name;
    long id = jdbc.sql("""
        insert into space_floor_plan (floor_id, content_type, file_name, size_bytes, data, uploaded_by, uploaded_at)
        values (:floor, :type, :name, :size, :data, :by, :at) returning id""")
        .param("floor", floorId).param("type", type).param("name", name).param("size", data.length)
        .param("data", data).param("by", by.username()).param("at", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_floor_plan", id, floor[1],
        Map.of("floorId", floorId, "fileName", name, "contentType", type, "sizeBytes", data.length)));
    return id;
  }

  public List<FloorPlan> plans(long floorId, CurrentUser viewer) {
    List<FloorPlan> plans = jdbc.sql("""
        select p.id, p.floor_id, p.content_type, p.file_name, p.size_bytes, p.uploaded_by, p.uploaded_at, f.building_id
          from space_floor_plan p join space_floor f on f.id = p.floor_id where p.floor_id = :floor order by p.id""")
        .param("floor", floorId)
        .query((rs, n) -> new FloorPlan(rs.getLong("id"), rs.getLong("floor_id"), rs.getString("content_type"),
            rs.getString("file_name"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at").toInstant()))
        .list();
    jdbc.sql("select building_id from space_floor where id = :floor").param("floor", floorId).query(Long.class)
        .optional().ifPresentOrElse(building -> building(building, viewer), () -> {
          throw new NotFoundException("楼层", floorId);
        });
    return plans;
  }

  public FloorPlan.Content planContent(long planId, CurrentUser viewer) {
    var row = jdbc.sql("""
        select p.content_type, p.file_name, p.data, f.building_id from space_floor_plan p
          join space_floor f on f.id = p.floor_id where p.id = :id""")
        .param("id", planId)
        .query((rs, n) -> Map.entry(rs.getLong("building_id"),
            new FloorPlan.Content(rs.getString("content_type"), rs.getString("file_name"), rs.getBytes("data"))))
        .optional().orElseThrow(() -> new NotFoundException("平面图", planId));
    building(row.getKey(), viewer);
    return row.getValue();
  }

  /** The file type as the leading bytes say, never as the browser claims. */
  static String planType(byte[] data) {
    if (data.length >= 4 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F') {
      return "application/pdf";
    }
    if (data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (data.length >= 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
      return "image/png";
    }
    if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
        && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  MapSqlParameterSource scoped(CurrentUser viewer) {
    return viewer.dataScope().bind(new MapSqlParameterSource()).addValue("today", today());
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static String blankToNull(String text) {
    return blank(text) ? null : text.trim();
  }

  private static Building building(ResultSet rs, int n) throws SQLException {
    return new Building(rs.getLong("id"), rs.getLong("region_id"), rs.getString("code"), rs.getString("name"),
        rs.getString("address"), rs.getString("ownership"), rs.getString("title_certificate"),
        (Integer) rs.getObject("year_built"), rs.getBigDecimal("total_building_area"),
        rs.getBigDecimal("total_use_area"),
        rs.getInt("floor_count"), rs.getInt("room_count"), rs.getBigDecimal("room_area"));
  }

  static Room room(ResultSet rs, int n) throws SQLException {
    return new Room(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("building_id"), rs.getString("building_name"),
        rs.getLong("floor_id"), rs.getString("floor_name"), rs.getString("number"), rs.getBigDecimal("use_area"),
        RoomKind.valueOf(rs.getString("kind")), rs.getString("note"), (Long) rs.getObject("unit_id"),
        rs.getString("unit_name"), rs.getInt("occupants"));
  }
}
