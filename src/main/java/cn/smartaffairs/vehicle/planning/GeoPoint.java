package cn.smartaffairs.vehicle.planning;

/** A place as WGS-84 latitude and longitude in degrees; the platform uses no online map service. */
public record GeoPoint(double latitude, double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException("not a coordinate: " + latitude + "," + longitude);
    }
  }

  /** Great-circle (haversine) distance in kilometres. */
  public double greatCircleKm(GeoPoint other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
