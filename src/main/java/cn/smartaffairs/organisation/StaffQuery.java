package cn.smartaffairs.organisation;

/** Filters of the staff list; any may be null. */
public record StaffQuery(String keyword, Long regionId, Long unitId, StaffStatus status) {

  public static final StaffQuery ALL = new StaffQuery(null, null, null, null);
}
