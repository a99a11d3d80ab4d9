package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Polygon;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.Geometry.Vertex;
import cn.smartaffairs.vehicle.Drivers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 电子围栏 of a region: the vehicle managers and administrators of the region draw, change and delete them; each change
 * names the version it read (else 409) and is audited. A fence may mark a place of module vehicle ({@code Drivers}
 * places of its region); a circle marking one without a centre of its own takes the place's point. A changed outline
 * is measured afresh (each vehicle's side of it is learned again, no crossing for the change itself); a deleted fence
 * keeps its row, and the terminals that were sent it are sent its delete command.
 */
@Service
public class Geofences {

  static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER};
  private static final int LONGEST_NAME = 60;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Drivers drivers;
  private final AreaCommandPushes pushes;
  private final Clock clock;

  Geofences(JdbcClient jdbc, AuditTrail audit, Drivers drivers, AreaCommandPushes pushes, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.drivers = drivers;
    this.pushes = pushes;
    this.clock = clock;
  }

  /** The fences in use of the regions the caller manages, by name. */
  public List<Geofence> list(CurrentUser by) {
    DataScope managed = managedBy(by);
    return jdbc.sql("select * from telemetry_geofence g where g.deleted_at is null and "
        + DataScope.sqlCondition("g.region_id", null, null) + " order by g.region_id, g.name, g.id")
        .paramSource(managed.bind(new MapSqlParameterSource()))
        .query((rs, n) -> map(rs)).list();
  }

  /** The fences deleted in the regions the caller manages that still have area commands, newest first. */
  public List<Geofence> deletedWithCommands(CurrentUser by) {
    DataScope managed = managedBy(by);
    return jdbc.sql("select * from telemetry_geofence g where g.deleted_at is not null and "
        + DataScope.sqlCondition("g.region_id", null, null)
        + " and exists (select 1 from telemetry_area_command c where c.geofence_id = g.id)"
        + " order by g.deleted_at desc, g.id desc limit 50")
        .paramSource(managed.bind(new MapSqlParameterSource()))
        .query((rs, n) -> map(rs)).list();
  }

  /** A fence of a region the caller manages (a deleted one too); 404 for any other. */
  public Geofence get(long id, CurrentUser by) {
    DataScope managed = managedBy(by);
    return jdbc.sql("select * from telemetry_geofence g where g.id = :id and "
        + DataScope.sqlCondition("g.region_id", null, null))
        .paramSource(managed.bind(new MapSqlParameterSource("id", id)))
        .query((rs, n) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("vehicleGeofence", id));
  }

  /** Draws a fence in the caller's region. */
  @Transactional
  public Geofence create(GeofenceDraft draft, CurrentUser by) {
    long regionId = by.regionId();
    if (!managedBy(by).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
    Outline outline = outline(draft, regionId);
    Instant now = clock.instant();
    long id;
    try {
      id = jdbc.sql("""
          insert into telemetry_geofence (region_id, name, kind, shape, place_id, centre_latitude, centre_longitude,
                                          radius_m, north_latitude, west_longitude, south_latitude, east_longitude,
                                          vertex_latitudes, vertex_longitudes, drawn_at, created_at, created_by)
          values (:region, :name, :kind, :shape, :place, :centreLat, :centreLon, :radius, :north, :west, :south, :east,
                  cast(:lats as integer[]), cast(:lons as integer[]), :now, :now, :by) returning id""")
          .paramSource(outline.columns().addValue("region", regionId).addValue("now", Timestamp.from(now))
              .addValue("by", by.userId()))
          .query(Long.class).single();
    } catch (DataIntegrityViolationException e) {
      throw nameTaken(e, outline.name());
    }
    Geofence created = get(id, by);
    audit.record(AuditEntry.created("telemetry_geofence", id, regionId, created.audited()));
    return created;
  }

  /**
   * Changes a fence, if it is still the version the caller read. Its shape stays (terminals keep circles, rectangles
   * and polygons apart: another shape is another fence); a changed outline is measured afresh from now on.
   */
  @Transactional
  public Geofence update(long id, GeofenceDraft draft, CurrentUser by) {
    Geofence before = get(id, by);
    if (before.deleted()) {
      throw new ConflictException("telemetry.geofence.deleted", before.name());
    }
    if (draft.version() == null) {
      throw new BusinessRuleException("telemetry.geofence.versionRequired");
    }
    if (draft.shape() != null && draft.shape() != before.shape()) {
      throw new BusinessRuleException("telemetry.geofence.shapeFixed");
    }
    Outline outline = outline(new GeofenceDraft(draft.name(), draft.kind(), before.shape(), draft.placeId(),
        draft.centre(), draft.radiusM(), draft.northWest(), draft.southEast(), draft.vertices(), draft.version()),
        before.regionId());
    boolean redrawn = !outline.geometry().equals(before.geometry());
    Instant now = clock.instant();
    int changed;
    try {
      changed = jdbc.sql("""
          update telemetry_geofence
             set name = :name, kind = :kind, place_id = :place, centre_latitude = :centreLat,
                 centre_longitude = :centreLon, radius_m = :radius, north_latitude = :north,
                 west_longitude = :west, south_latitude = :south, east_longitude = :east,
                 vertex_latitudes = cast(:lats as integer[]), vertex_longitudes = cast(:lons as integer[]),
                 drawn_at = case when :redrawn then :now else drawn_at end,
                 updated_at = :now, updated_by = :by, version = version + 1
           where id = :id and version = :version and deleted_at is null""")
          .paramSource(outline.columns().addValue("id", id).addValue("version", draft.version())
              .addValue("redrawn", redrawn).addValue("now", Timestamp.from(now)).addValue("by", by.userId()))
          .update();
    } catch (DataIntegrityViolationException e) {
      throw nameTaken(e, outline.name());
    }
    if (changed == 0) {
      throw new ConflictException("telemetry.geofence.stale", before.name());
    }
    if (redrawn) {
      jdbc.sql("delete from telemetry_geofence_side where geofence_id = :id").param("id", id).update();
    }
    Geofence after = get(id, by);
    audit.record(AuditEntry.updated("telemetry_geofence", id, before.regionId(), before.audited(), after.audited()));
    return after;
  }

  /** Deletes a fence of the version the caller read; the terminals that were sent it are sent its delete command. */
  @Transactional
  public void delete(long id, Integer version, CurrentUser by) {
    Geofence fence = get(id, by);
    if (fence.deleted()) {
      throw new ConflictException("telemetry.geofence.deleted", fence.name());
    }
    if (version == null) {
      throw new BusinessRuleException("telemetry.geofence.versionRequired");
    }
    int changed = jdbc.sql("""
        update telemetry_geofence set deleted_at = :now, deleted_by = :by, version = version + 1
         where id = :id and version = :version and deleted_at is null""")
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("id", id)
        .param("version", version).update();
    if (changed == 0) {
      throw new ConflictException("telemetry.geofence.stale", fence.name());
    }
    jdbc.sql("delete from telemetry_geofence_side where geofence_id = :id").param("id", id).update();
    audit.record(AuditEntry.deleted("telemetry_geofence", id, fence.regionId(), fence.audited()));
    pushes.enqueueDelete(get(id, by), by);
  }

  /** The places of the caller's region a fence may mark. */
  public List<Drivers.Place> places(CurrentUser by) {
    managedBy(by);
    return drivers.places(by.regionId());
  }

  static DataScope managedBy(CurrentUser by) {
    if (!by.hasAny(MANAGERS)) {
      throw new ForbiddenException();
    }
    return by.dataScopeAs(MANAGERS);
  }

  /** A draft checked and turned into its columns. */
  private record Outline(String name, Geometry geometry, MapSqlParameterSource columns) {}

  private Outline outline(GeofenceDraft draft, long regionId) {
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty()) {
      throw new BusinessRuleException("telemetry.geofence.nameRequired");
    }
    if (name.length() > LONGEST_NAME) {
      throw new BusinessRuleException("telemetry.geofence.nameTooLong", LONGEST_NAME);
    }
    if (draft.kind() == null) {
      throw new BusinessRuleException("telemetry.geofence.kindRequired");
    }
    if (draft.shape() == null) {
      throw new BusinessRuleException("telemetry.geofence.shapeRequired");
    }
    Drivers.Place place = draft.placeId() == null ? null : place(draft.placeId(), regionId);
    Geometry geometry = switch (draft.shape()) {
      case CIRCLE -> Circle.of(draft.centre() == null && place != null
          ? Vertex.of(java.math.BigDecimal.valueOf(place.latitude()), java.math.BigDecimal.valueOf(place.longitude()))
          : vertex(draft.centre()), draft.radiusM());
      case RECTANGLE -> Rectangle.of(vertex(draft.northWest()), vertex(draft.southEast()));
      case POLYGON -> Polygon.of(draft.vertices() == null
          ? List.of()
          : draft.vertices().stream().map(Geofences::requiredVertex).toList());
    };
    MapSqlParameterSource columns = new MapSqlParameterSource().addValue("name", name)
        .addValue("kind", draft.kind().name()).addValue("shape", geometry.shape().name())
        .addValue("place", draft.placeId());
    for (String column : List.of("centreLat", "centreLon", "radius", "north", "west", "south", "east", "lats",
        "lons")) {
      columns.addValue(column, null);
    }
    if (geometry instanceof Circle c) {
      columns.addValue("centreLat", c.centre().latitude()).addValue("centreLon", c.centre().longitude())
          .addValue("radius", c.radiusMetres());
    } else if (geometry instanceof Rectangle r) {
      columns.addValue("north", r.northWest().latitude()).addValue("west", r.northWest().longitude())
          .addValue("south", r.southEast().latitude()).addValue("east", r.southEast().longitude());
    } else {
      List<Vertex> vertices = geometry.points();
      columns.addValue("lats", vertices.stream().map(Vertex::latitude).toArray(Integer[]::new))
          .addValue("lons", vertices.stream().map(Vertex::longitude).toArray(Integer[]::new));
    }
    return new Outline(name, geometry, columns);
  }

  private static Vertex vertex(GeofenceDraft.Point point) {
    return point == null || point.lat() == null && point.lon() == null ? null : Vertex.of(point.lat(), point.lon());
  }

  private static Vertex requiredVertex(GeofenceDraft.Point point) {
    return Vertex.of(point == null ? null : point.lat(), point == null ? null : point.lon());
  }

  private Drivers.Place place(long placeId, long regionId) {
    try {
      Drivers.Place place = drivers.place(placeId);
      if (place.regionId() == regionId) {
        return place;
      }
    } catch (NotFoundException unknown) {
      // answered below as a place the region does not have
    }
    throw new BusinessRuleException("telemetry.geofence.placeInvalid", placeId);
  }

  private static RuntimeException nameTaken(DataIntegrityViolationException e, String name) {
    if (Violations.isUniqueViolation(e)) {
      return new ConflictException("telemetry.geofence.nameTaken", name);
    }
    return e;
  }

  /** A fence as stored; the row holds exactly its shape's fields (a CHECK says so). */
  static Geofence map(ResultSet rs) throws SQLException {
    Geometry geometry = switch (Shape.valueOf(rs.getString("shape"))) {
      case CIRCLE -> new Circle(new Vertex(rs.getInt("centre_latitude"), rs.getInt("centre_longitude")),
          rs.getInt("radius_m"));
      case RECTANGLE -> new Rectangle(new Vertex(rs.getInt("north_latitude"), rs.getInt("west_longitude")),
          new Vertex(rs.getInt("south_latitude"), rs.getInt("east_longitude")));
      case POLYGON -> new Polygon(vertices(rs.getArray("vertex_latitudes"), rs.getArray("vertex_longitudes")));
    };
    Long placeId = rs.getObject("place_id", Long.class);
    return new Geofence(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
        cn.smartaffairs.telemetry.GeofenceKind.valueOf(rs.getString("kind")), geometry, placeId, rs.getInt("version"),
        instant(rs, "drawn_at"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at"));
  }

  private static List<Vertex> vertices(Array latitudes, Array longitudes) throws SQLException {
    Integer[] lats = (Integer[]) latitudes.getArray();
    Integer[] lons = (Integer[]) longitudes.getArray();
    List<Vertex> vertices = new ArrayList<>(lats.length);
    for (int i = 0; i < lats.length; i++) {
      vertices.add(new Vertex(lats[i], lons[i]));
    }
    return vertices;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime moment = rs.getObject(column, OffsetDateTime.class);
    return moment == null ? null : moment.toInstant();
  }

  /** The fences in use, by region (the crossing round measures the vehicles of regions that have some). */
  Map<Long, List<Geofence>> inUseByRegion() {
    Map<Long, List<Geofence>> byRegion = new java.util.HashMap<>();
    jdbc.sql("select * from telemetry_geofence where deleted_at is null order by id").query((rs, n) -> map(rs)).list()
        .forEach(fence -> byRegion.computeIfAbsent(fence.regionId(), r -> new ArrayList<>()).add(fence));
    return byRegion;
  }
}
