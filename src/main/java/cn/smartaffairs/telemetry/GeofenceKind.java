package cn.smartaffairs.telemetry;

/**
 * What a geofence (电子围栏) encloses: a designated parking place (指定停放地点), the office compound (机关大院), the
 * region's boundary (辖区边界), or anything else a region marks.
 */
public enum GeofenceKind {
  PARKING, OFFICE, BOUNDARY, OTHER
}
