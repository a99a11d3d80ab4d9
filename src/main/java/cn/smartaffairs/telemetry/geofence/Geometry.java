package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.platform.BusinessRuleException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The outline of a geofence in millionths of a degree, as terminals report positions (WGS-84/CGCS2000) and as the
 * JT/T 808 area commands carry them: a circle (centre and radius in metres), a rectangle (north-west and south-east
 * corners) or a polygon (3 to 100 vertices in order, edges that do not cross). A point on the outline is inside. Each
 * shape is made through its {@code of}, which refuses what cannot be a fence with the message a person reads.
 */
public sealed interface Geometry {

  /** The largest circle a region may draw: 500 km covers any city or county. */
  int MOST_RADIUS_METRES = 500_000;

  Shape shape();

  boolean contains(int latitude, int longitude);

  /** The points that define the shape: the centre, the two corners, or the vertices. */
  List<Vertex> points();

  /** A point in millionths of a degree, north and east positive. */
  record Vertex(int latitude, int longitude) {

    /** A point typed in degrees: latitude within ±90, longitude within ±180, rounded to six decimals. */
    public static Vertex of(BigDecimal lat, BigDecimal lon) {
      if (lat == null || lon == null) {
        throw new BusinessRuleException("telemetry.geofence.pointRequired");
      }
      if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
        throw new BusinessRuleException("telemetry.geofence.latitudeInvalid", lat.toPlainString());
      }
      if (lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
        throw new BusinessRuleException("telemetry.geofence.longitudeInvalid", lon.toPlainString());
      }
      return new Vertex(micro(lat), micro(lon));
    }

    public BigDecimal lat() {
      return BigDecimal.valueOf(latitude, 6);
    }

    public BigDecimal lon() {
      return BigDecimal.valueOf(longitude, 6);
    }

    private static int micro(BigDecimal degrees) {
      return degrees.movePointRight(6).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
  }

  record Circle(Vertex centre, int radiusMetres) implements Geometry {

    public static Circle of(Vertex centre, Integer radiusMetres) {
      if (centre == null) {
        throw new BusinessRuleException("telemetry.geofence.centreRequired");
      }
      if (radiusMetres == null || radiusMetres < 1 || radiusMetres > MOST_RADIUS_METRES) {
        throw new BusinessRuleException("telemetry.geofence.radiusInvalid",
            radiusMetres == null ? "" : radiusMetres, MOST_RADIUS_METRES);
      }
      return new Circle(centre, radiusMetres);
    }

    @Override
    public Shape shape() {
      return Shape.CIRCLE;
    }

    @Override
    public boolean contains(int latitude, int longitude) {
      return metres(centre.latitude(), centre.longitude(), latitude, longitude) <= radiusMetres;
    }

    @Override
    public List<Vertex> points() {
      return List.of(centre);
    }
  }

  record Rectangle(Vertex northWest, Vertex southEast) implements Geometry {

    /** The rectangle between two opposite corners, whichever two: they must differ in latitude and in longitude. */
    public static Rectangle of(Vertex corner, Vertex opposite) {
      if (corner == null || opposite == null) {
        throw new BusinessRuleException("telemetry.geofence.cornersRequired");
      }
      if (corner.latitude() == opposite.latitude() || corner.longitude() == opposite.longitude()) {
        throw new BusinessRuleException("telemetry.geofence.rectangleFlat");
      }
      Rectangle rectangle = new Rectangle(
          new Vertex(Math.max(corner.latitude(), opposite.latitude()),
              Math.min(corner.longitude(), opposite.longitude())),
          new Vertex(Math.min(corner.latitude(), opposite.latitude()),
              Math.max(corner.longitude(), opposite.longitude())));
      oneQuarter(rectangle.points());
      return rectangle;
    }

    @Override
    public Shape shape() {
      return Shape.RECTANGLE;
    }

    @Override
    public boolean contains(int latitude, int longitude) {
      return latitude <= northWest.latitude() && latitude >= southEast.latitude()
          && longitude >= northWest.longitude() && longitude <= southEast.longitude();
    }

    @Override
    public List<Vertex> points() {
      return List.of(northWest, southEast);
    }
  }

  record Polygon(List<Vertex> vertices) implements Geometry {

    public Polygon {
      vertices = List.copyOf(vertices);
    }

    /**
     * The polygon through the vertices in order, closed back to the first: a point repeated right after itself (the
     * first again at the end, as people close a ring) counts once; at least 3 distinct vertices, at most 100 (one
     * 0x8604 frame), no two edges crossing or touching but at their shared vertex.
     */
    public static Polygon of(List<Vertex> given) {
      List<Vertex> vertices = new ArrayList<>();
      for (Vertex vertex : given == null ? List.<Vertex>of() : given) {
        if (vertices.isEmpty() || !vertices.get(vertices.size() - 1).equals(vertex)) {
          vertices.add(vertex);
        }
      }
      if (vertices.size() > 1 && vertices.get(0).equals(vertices.get(vertices.size() - 1))) {
        vertices.remove(vertices.size() - 1);
      }
      if (vertices.size() < 3) {
        throw new BusinessRuleException("telemetry.geofence.polygonTooFew", vertices.size());
      }
      if (vertices.size() > cn.smartaffairs.telemetry.jt808.AreaCommands.MOST_VERTICES) {
        throw new BusinessRuleException("telemetry.geofence.polygonTooMany", vertices.size(),
            cn.smartaffairs.telemetry.jt808.AreaCommands.MOST_VERTICES);
      }
      if (twiceArea(vertices) == 0 || edgesCross(vertices)) {
        throw new BusinessRuleException("telemetry.geofence.polygonCrossing");
      }
      oneQuarter(vertices);
      return new Polygon(vertices);
    }

    @Override
    public Shape shape() {
      return Shape.POLYGON;
    }

    @Override
    public boolean contains(int latitude, int longitude) {
      int n = vertices.size();
      boolean inside = false;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        Vertex a = vertices.get(i);
        Vertex b = vertices.get(j);
        if (onSegment(a, b, latitude, longitude)) {
          return true;
        }
        // the even-odd rule on a ray towards the east: an edge counts when it spans the point's latitude
        if ((a.latitude() > latitude) != (b.latitude() > latitude)) {
          double crossing = a.longitude() + (double) (latitude - a.latitude()) * (b.longitude() - a.longitude())
              / (b.latitude() - a.latitude());
          if (longitude < crossing) {
            inside = !inside;
          }
        }
      }
      return inside;
    }

    @Override
    public List<Vertex> points() {
      return vertices;
    }

    private static long twiceArea(List<Vertex> vertices) {
      long sum = 0;
      for (int i = 0; i < vertices.size(); i++) {
        Vertex a = vertices.get(i);
        Vertex b = vertices.get((i + 1) % vertices.size());
        sum += (long) a.longitude() * b.latitude() - (long) b.longitude() * a.latitude();
      }
      return sum;
    }

    private static boolean edgesCross(List<Vertex> vertices) {
      int n = vertices.size();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          boolean adjacent = j == i + 1 || i == 0 && j == n - 1;
          Vertex a = vertices.get(i);
          Vertex b = vertices.get((i + 1) % n);
          Vertex c = vertices.get(j);
          Vertex d = vertices.get((j + 1) % n);
          if (adjacent ? overlapAlongside(a, b, c, d) : segmentsMeet(a, b, c, d)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Two edges sharing a vertex that fold back onto each other (a spike of no width). */
    private static boolean overlapAlongside(Vertex a, Vertex b, Vertex c, Vertex d) {
      Vertex shared = b.equals(c) ? b : a;
      Vertex first = shared == a ? b : a;
      Vertex second = shared.equals(c) ? d : c;
      return turn(shared, first, second) == 0 && dot(shared, first, second) > 0;
    }

    private static boolean segmentsMeet(Vertex a, Vertex b, Vertex c, Vertex d) {
      long d1 = turn(c, d, a);
      long d2 = turn(c, d, b);
      long d3 = turn(a, b, c);
      long d4 = turn(a, b, d);
      if ((d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0)) {
        return true;
      }
      return d1 == 0 && within(c, d, a) || d2 == 0 && within(c, d, b) || d3 == 0 && within(a, b, c)
          || d4 == 0 && within(a, b, d);
    }
  }

  /** Which side of a→b the point p lies on: positive left, negative right, zero on the line. */
  private static long turn(Vertex a, Vertex b, Vertex p) {
    return ((long) b.longitude() - a.longitude()) * ((long) p.latitude() - a.latitude())
        - ((long) b.latitude() - a.latitude()) * ((long) p.longitude() - a.longitude());
  }

  private static long dot(Vertex origin, Vertex a, Vertex b) {
    return ((long) a.longitude() - origin.longitude()) * ((long) b.longitude() - origin.longitude())
        + ((long) a.latitude() - origin.latitude()) * ((long) b.latitude() - origin.latitude());
  }

  /** Whether p, on the line through a and b, lies between them. */
  private static boolean within(Vertex a, Vertex b, Vertex p) {
    return Math.min(a.longitude(), b.longitude()) <= p.longitude()
        && p.longitude() <= Math.max(a.longitude(), b.longitude())
        && Math.min(a.latitude(), b.latitude()) <= p.latitude() && p.latitude() <= Math.max(a.latitude(), b.latitude());
  }

  private static boolean onSegment(Vertex a, Vertex b, int latitude, int longitude) {
    Vertex p = new Vertex(latitude, longitude);
    return turn(a, b, p) == 0 && within(a, b, p);
  }

  /**
   * The area commands say south and west once for a whole area (attribute bits 6 and 7): a fence across the equator
   * or the meridians 0° and 180° cannot be sent, and a Chinese region never needs one.
   */
  private static void oneQuarter(List<Vertex> points) {
    boolean south = points.stream().anyMatch(p -> p.latitude() < 0);
    boolean north = points.stream().anyMatch(p -> p.latitude() > 0);
    boolean west = points.stream().anyMatch(p -> p.longitude() < 0);
    boolean east = points.stream().anyMatch(p -> p.longitude() > 0);
    if (south && north || west && east) {
      throw new BusinessRuleException("telemetry.geofence.acrossHemispheres");
    }
  }

  /** Great-circle distance in metres (haversine; a circle fence is small enough for the sphere). */
  static double metres(int lat1, int lon1, int lat2, int lon2) {
    double phi1 = Math.toRadians(lat1 / 1e6);
    double phi2 = Math.toRadians(lat2 / 1e6);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians((lon2 - lon1) / 1e6);
    double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
