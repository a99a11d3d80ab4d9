package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.telemetry.GeofenceKind;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.GeofenceDraft.Point;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The page's form of a geofence: the shape's points as numbers in degrees — a circle's centre and radius, a rectangle's
 * two opposite corners, a polygon's vertices one "latitude, longitude" a line.
 */
public class GeofenceForm implements Serializable {

  @NotBlank
  @Size(max = 60) private String name;
  @NotNull private GeofenceKind kind;
  @NotNull private Shape shape;
  private Long placeId;
  @DecimalMin(value = "-90", message = "{telemetry.geofence.latitudeRange}")
  @DecimalMax(value = "90", message = "{telemetry.geofence.latitudeRange}") private BigDecimal centreLat;
  @DecimalMin(value = "-180", message = "{telemetry.geofence.longitudeRange}")
  @DecimalMax(value = "180", message = "{telemetry.geofence.longitudeRange}") private BigDecimal centreLon;
  @Min(value = 1, message = "{telemetry.geofence.radiusRange}")
  @Max(value = Geometry.MOST_RADIUS_METRES, message = "{telemetry.geofence.radiusRange}") private Integer radiusM;
  @DecimalMin(value = "-90", message = "{telemetry.geofence.latitudeRange}")
  @DecimalMax(value = "90", message = "{telemetry.geofence.latitudeRange}") private BigDecimal corner1Lat;
  @DecimalMin(value = "-180", message = "{telemetry.geofence.longitudeRange}")
  @DecimalMax(value = "180", message = "{telemetry.geofence.longitudeRange}") private BigDecimal corner1Lon;
  @DecimalMin(value = "-90", message = "{telemetry.geofence.latitudeRange}")
  @DecimalMax(value = "90", message = "{telemetry.geofence.latitudeRange}") private BigDecimal corner2Lat;
  @DecimalMin(value = "-180", message = "{telemetry.geofence.longitudeRange}")
  @DecimalMax(value = "180", message = "{telemetry.geofence.longitudeRange}") private BigDecimal corner2Lon;
  @Size(max = 4000) private String vertices;
  private Integer version;

  /** The form of a fence to change. */
  static GeofenceForm of(Geofence fence) {
    GeofenceForm form = new GeofenceForm();
    form.name = fence.name();
    form.kind = fence.kind();
    form.shape = fence.shape();
    form.placeId = fence.placeId();
    form.version = fence.version();
    if (fence.geometry() instanceof Circle c) {
      form.centreLat = c.centre().lat();
      form.centreLon = c.centre().lon();
      form.radiusM = c.radiusMetres();
    } else if (fence.geometry() instanceof Rectangle r) {
      form.corner1Lat = r.northWest().lat();
      form.corner1Lon = r.northWest().lon();
      form.corner2Lat = r.southEast().lat();
      form.corner2Lon = r.southEast().lon();
    } else {
      form.vertices = fence.geometry().points().stream()
          .map(v -> v.lat().toPlainString() + ", " + v.lon().toPlainString()).collect(Collectors.joining("\n"));
    }
    return form;
  }

  /** What the form asks for; a vertex line that is not two numbers is refused, naming the line. */
  GeofenceDraft draft() {
    return new GeofenceDraft(name, kind, shape, placeId, point(centreLat, centreLon), radiusM,
        point(corner1Lat, corner1Lon), point(corner2Lat, corner2Lon), shape == Shape.POLYGON ? vertexList() : null,
        version);
  }

  private static Point point(BigDecimal lat, BigDecimal lon) {
    return lat == null && lon == null ? null : new Point(lat, lon);
  }

  private List<Point> vertexList() {
    List<Point> points = new ArrayList<>();
    String[] lines = vertices == null ? new String[0] : vertices.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s*[,，;；]\\s*|\\s+");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        points.add(new Point(new BigDecimal(parts[0]), new BigDecimal(parts[1])));
      } catch (NumberFormatException unreadable) {
        throw new BusinessRuleException("telemetry.geofence.vertexUnreadable", i + 1, line);
      }
    }
    return points;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public GeofenceKind getKind() { return kind; }
  public void setKind(GeofenceKind kind) { this.kind = kind; }
  public Shape getShape() { return shape; }
  public void setShape(Shape shape) { this.shape = shape; }
  public Long getPlaceId() { return placeId; }
  public void setPlaceId(Long placeId) { this.placeId = placeId; }
  public BigDecimal getCentreLat() { return centreLat; }
  public void setCentreLat(BigDecimal centreLat) { this.centreLat = centreLat; }
  public BigDecimal getCentreLon() { return centreLon; }
  public void setCentreLon(BigDecimal centreLon) { this.centreLon = centreLon; }
  public Integer getRadiusM() { return radiusM; }
  public void setRadiusM(Integer radiusM) { this.radiusM = radiusM; }
  public BigDecimal getCorner1Lat() { return corner1Lat; }
  public void setCorner1Lat(BigDecimal corner1Lat) { this.corner1Lat = corner1Lat; }
  public BigDecimal getCorner1Lon() { return corner1Lon; }
  public void setCorner1Lon(BigDecimal corner1Lon) { this.corner1Lon = corner1Lon; }
  public BigDecimal getCorner2Lat() { return corner2Lat; }
  public void setCorner2Lat(BigDecimal corner2Lat) { this.corner2Lat = corner2Lat; }
  public BigDecimal getCorner2Lon() { return corner2Lon; }
  public void setCorner2Lon(BigDecimal corner2Lon) { this.corner2Lon = corner2Lon; }
  public String getVertices() { return vertices; }
  public void setVertices(String vertices) { this.vertices = vertices; }
  public Integer getVersion() { return version; }
  public void setVersion(Integer version) { this.version = version; }
}
