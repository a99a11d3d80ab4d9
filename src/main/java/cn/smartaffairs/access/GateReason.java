package cn.smartaffairs.access;

/**
 * Why a gate let a vehicle through, or NONE when it did not: a valid vehicle pass, an official vehicle of the region,
 * a visitor expected with that plate, asked in this order; else the lot's off-hours public opening (错时开放) while it
 * has free public places (and the way out for a car that came in so).
 */
public enum GateReason {
  VALID_PASS, OFFICIAL_VEHICLE, EXPECTED_VISITOR, PUBLIC_OPENING, NONE;

  /** The parking zone a vehicle let in for this reason occupies. */
  ParkingZoneKind zone() {
    return switch (this) {
      case VALID_PASS -> ParkingZoneKind.STAFF;
      case OFFICIAL_VEHICLE -> ParkingZoneKind.OFFICIAL;
      case EXPECTED_VISITOR -> ParkingZoneKind.VISITOR;
      case PUBLIC_OPENING -> ParkingZoneKind.PUBLIC;
      case NONE -> null;
    };
  }

  public boolean allows() {
    return this != NONE;
  }
}
