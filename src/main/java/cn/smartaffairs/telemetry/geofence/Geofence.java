package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.telemetry.GeofenceKind;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Polygon;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.Geometry.Vertex;
import cn.smartaffairs.telemetry.jt808.AreaCommands;
import cn.smartaffairs.telemetry.jt808.AreaCommands.Point;
import cn.smartaffairs.telemetry.jt808.ProtocolVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 电子围栏: an outline of a region (its parking place, the office compound, its boundary) whose crossings are events
 * and which the region's terminals may be told to watch themselves. {@code placeId} names the vehicle module's place it
 * marks, if any; {@code version} counts its changes; {@code drawnAt} is when its outline last changed.
 */
public record Geofence(long id, long regionId, String name, GeofenceKind kind, Geometry geometry, Long placeId,
    int version, Instant drawnAt, Instant createdAt, Instant updatedAt, Instant deletedAt) {

  public Shape shape() {
    return geometry.shape();
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /**
   * The body of the area command {@code messageId} for this fence in the terminal's edition: its set command (added,
   * or changed when the terminal already holds the area), with alarms to the platform on entering and leaving, or its
   * delete command.
   */
  public byte[] command(int messageId, boolean terminalHoldsArea, ProtocolVersion version) {
    if (messageId == shape().deleteCommand()) {
      return AreaCommands.delete(List.of(id));
    }
    if (messageId != shape().setCommand()) {
      throw new IllegalArgumentException(Integer.toHexString(messageId) + " is no command of a " + shape());
    }
    int setting = terminalHoldsArea ? AreaCommands.MODIFY : AreaCommands.APPEND;
    int attributes = AreaCommands.ALARM_ON_ENTRY | AreaCommands.ALARM_ON_EXIT;
    if (geometry instanceof Circle c) {
      return AreaCommands.setCircle(setting, id, attributes, point(c.centre()), c.radiusMetres(), name, version);
    }
    if (geometry instanceof Rectangle r) {
      return AreaCommands.setRectangle(setting, id, attributes, point(r.northWest()), point(r.southEast()), name,
          version);
    }
    Polygon p = (Polygon) geometry;
    return AreaCommands.setPolygon(id, attributes, p.vertices().stream().map(Geofence::point).toList(), name,
        version);
  }

  /** What the audit trail keeps of the fence. */
  Map<String, Object> audited() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("kind", kind.name());
    fields.put("shape", shape().name());
    fields.put("placeId", placeId);
    fields.put("outline", outline());
    fields.put("version", version);
    return fields;
  }

  /** The outline in degrees, as the audit trail and the list show it. */
  String outline() {
    if (geometry instanceof Circle c) {
      return degrees(c.centre()) + " r=" + c.radiusMetres() + "m";
    }
    if (geometry instanceof Rectangle r) {
      return degrees(r.northWest()) + " – " + degrees(r.southEast());
    }
    return String.join(" ; ", geometry.points().stream().map(Geofence::degrees).toList());
  }

  private static String degrees(Vertex vertex) {
    return vertex.lat().toPlainString() + "," + vertex.lon().toPlainString();
  }

  private static Point point(Vertex vertex) {
    return new Point(vertex.latitude(), vertex.longitude());
  }
}
