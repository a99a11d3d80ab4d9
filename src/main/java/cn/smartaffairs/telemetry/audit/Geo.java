package cn.smartaffairs.telemetry.audit;

/**
 * Distances on the earth in kilometres: great-circle (haversine) between two points, and from a point to a stretch of
 * route on a plane laid at the point (exact enough for the tens of kilometres of an official trip). Module vehicle's
 * {@code GeoPoint} is internal to its planner, so the audit keeps its own few lines.
 */
final class Geo {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  static double km(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
        + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** From the point to the nearest point of the segment a–b. */
  static double kmToSegment(double lat, double lon, double latA, double lonA, double latB, double lonB) {
    double kmPerDegree = Math.toRadians(EARTH_RADIUS_KM);
    double scale = Math.cos(Math.toRadians(lat));
    double ax = (lonA - lon) * scale * kmPerDegree;
    double ay = (latA - lat) * kmPerDegree;
    double bx = (lonB - lon) * scale * kmPerDegree;
    double by = (latB - lat) * kmPerDegree;
    double dx = bx - ax;
    double dy = by - ay;
    double lengthSquared = dx * dx + dy * dy;
    if (lengthSquared == 0) {
      return km(lat, lon, latA, lonA);
    }
    double t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    double x = ax + t * dx;
    double y = ay + t * dy;
    return Math.sqrt(x * x + y * y);
  }
}
