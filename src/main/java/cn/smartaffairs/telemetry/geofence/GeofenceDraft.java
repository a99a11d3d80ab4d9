package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.telemetry.GeofenceKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A fence as a caller describes it (the API's body, the page's form): a name, what it encloses, its shape and the
 * points of that shape in degrees. {@code version} is the version read, when a fence is changed.
 */
@Schema(description = "电子围栏 A geofence. CIRCLE needs centre and radiusM (1–500000 m; with a placeId and no centre, "
    + "the place's point is the centre); RECTANGLE two opposite corners in northWest and southEast (either order); "
    + "POLYGON 3–100 vertices in order. lat within ±90, lon within ±180, degrees with up to six decimals.")
public record GeofenceDraft(String name, GeofenceKind kind, Shape shape, Long placeId, Point centre, Integer radiusM,
    Point northWest, Point southEast, List<Point> vertices, Integer version) {

  /** A point in degrees, north and east positive. */
  public record Point(BigDecimal lat, BigDecimal lon) {}
}
