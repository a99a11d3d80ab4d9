package cn.smartaffairs.vehicle.planning;

/**
 * Why a trip came back in {@link DispatchPlan#unassigned()}: the first rule that no vehicle or driver of the day can
 * meet, or, when some could in principle, that all of them are busy with other trips. The codes are stable, so the
 * vehicle module can turn them into messages.
 */
public final class UnassignedReason {

  /** No vehicle of the trip's category is in service. */
  public static final String NO_VEHICLE_OF_CATEGORY = "NO_VEHICLE_OF_CATEGORY";
  /** Vehicles of the category exist, but none has seats for all passengers. */
  public static final String NO_VEHICLE_WITH_SEATS = "NO_VEHICLE_WITH_SEATS";
  /** Suitable vehicles exist only in regions that neither own the trip nor consented to mutual aid. */
  public static final String NO_VEHICLE_IN_REGION = "NO_VEHICLE_IN_REGION";
  /**
   * Vehicles of the category with the seats, in a region that may serve, exist, but none may go out on the day: its
   * insurance or annual inspection has lapsed or it is sealed (the vehicle module names which).
   */
  public static final String NO_ELIGIBLE_VEHICLE = "NO_ELIGIBLE_VEHICLE";
  /** No suitable vehicle is available long enough to drive out, serve the trip and come back. */
  public static final String NO_VEHICLE_AVAILABLE = "NO_VEHICLE_AVAILABLE";
  /** No driver holds a licence for the trip's category. */
  public static final String NO_LICENSED_DRIVER = "NO_LICENSED_DRIVER";
  /** Licensed drivers exist only in regions that neither own the trip nor consented to mutual aid. */
  public static final String NO_DRIVER_IN_REGION = "NO_DRIVER_IN_REGION";
  /** No suitable driver's shift covers the trip. */
  public static final String NO_DRIVER_ON_SHIFT = "NO_DRIVER_ON_SHIFT";
  /** The trip alone needs more driving than a driver may do in a day. */
  public static final String DRIVING_LIMIT = "DRIVING_LIMIT";
  /** Every suitable vehicle is taken by other trips at that time. */
  public static final String ALL_VEHICLES_BUSY = "ALL_VEHICLES_BUSY";
  /** Every suitable driver is taken by other trips at that time, needs rest, or has driven enough for the day. */
  public static final String ALL_DRIVERS_BUSY = "ALL_DRIVERS_BUSY";

  private UnassignedReason() {}
}
